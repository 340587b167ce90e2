-- The Supabase platform objects our migrations rely on, for the embedded server only.
-- Mirrors supabase/postgres (roles, default privileges) and supabase/auth (auth schema, helpers).
-- Never run against a real Supabase project: there these already exist and are Supabase's.
-- Idempotent: runs on every start of the embedded server, as the bootstrap superuser.

-- The roles, their memberships and the default privileges are in supabase-roles.sql (run first);
-- supabase-auth-owners.sql (run last) hands what this file makes in schema auth to
-- supabase_auth_admin.

create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

-- ---- Supabase Auth's tables ------------------------------------------------------------------
-- auth.users, auth.sessions and auth.one_time_tokens exactly as Supabase Auth (GoTrue v2) leaves
-- them after its migrations: columns, types, defaults, enums, constraints and indexes. The
-- recorded list is packages/db/src/embedded/supabase-auth-tables.ts, and a schema test fails
-- when this imitation drifts from it. A data directory made before this section (our older,
-- smaller tables) is brought to the same shape by the `alter`s after each `create`.

do $$
begin
  if not exists (select 1 from pg_type where typname = 'aal_level' and typnamespace = 'auth'::regnamespace) then
    create type auth.aal_level as enum ('aal1', 'aal2', 'aal3');
  end if;
  if not exists (select 1 from pg_type where typname = 'one_time_token_type' and typnamespace = 'auth'::regnamespace) then
    create type auth.one_time_token_type as enum (
      'confirmation_token',
      'reauthentication_token',
      'recovery_token',
      'email_change_token_new',
      'email_change_token_current',
      'phone_change_token'
    );
  end if;
end
$$;

create table if not exists auth.users (
  instance_id uuid,
  id uuid not null,
  aud varchar(255),
  role varchar(255),
  email varchar(255),
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  invited_at timestamptz,
  confirmation_token varchar(255),
  confirmation_sent_at timestamptz,
  recovery_token varchar(255),
  recovery_sent_at timestamptz,
  email_change_token_new varchar(255),
  email_change varchar(255),
  email_change_sent_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_super_admin boolean,
  created_at timestamptz,
  updated_at timestamptz,
  phone text default null::character varying,
  phone_confirmed_at timestamptz,
  phone_change text default ''::character varying,
  phone_change_token varchar(255) default ''::character varying,
  phone_change_sent_at timestamptz,
  confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  email_change_token_current varchar(255) default ''::character varying,
  email_change_confirm_status smallint default 0,
  banned_until timestamptz,
  reauthentication_token varchar(255) default ''::character varying,
  reauthentication_sent_at timestamptz,
  is_sso_user boolean not null default false,
  deleted_at timestamptz,
  is_anonymous boolean not null default false,
  constraint users_pkey primary key (id),
  constraint users_phone_key unique (phone),
  constraint users_email_change_confirm_status_check
    check (email_change_confirm_status >= 0 and email_change_confirm_status <= 2)
);

-- Older data directories: the columns they lack, Supabase's defaults, and its e-mail index
-- (unique only among non-SSO users) in place of a plain unique constraint.
alter table auth.users
  add column if not exists invited_at timestamptz,
  add column if not exists confirmation_token varchar(255),
  add column if not exists confirmation_sent_at timestamptz,
  add column if not exists recovery_token varchar(255),
  add column if not exists recovery_sent_at timestamptz,
  add column if not exists email_change_token_new varchar(255),
  add column if not exists email_change varchar(255),
  add column if not exists email_change_sent_at timestamptz,
  add column if not exists is_super_admin boolean,
  add column if not exists phone text default null::character varying,
  add column if not exists phone_confirmed_at timestamptz,
  add column if not exists phone_change text default ''::character varying,
  add column if not exists phone_change_token varchar(255) default ''::character varying,
  add column if not exists phone_change_sent_at timestamptz,
  add column if not exists confirmed_at timestamptz generated always as (least(email_confirmed_at, phone_confirmed_at)) stored,
  add column if not exists email_change_token_current varchar(255) default ''::character varying,
  add column if not exists email_change_confirm_status smallint default 0,
  add column if not exists banned_until timestamptz,
  add column if not exists reauthentication_token varchar(255) default ''::character varying,
  add column if not exists reauthentication_sent_at timestamptz,
  add column if not exists is_anonymous boolean not null default false,
  alter column created_at drop default,
  alter column updated_at drop default;
alter table auth.users drop constraint if exists users_email_key;
do $$
begin
  if not exists (select 1 from pg_constraint where conname = 'users_phone_key' and conrelid = 'auth.users'::regclass) then
    alter table auth.users add constraint users_phone_key unique (phone);
  end if;
  if not exists (select 1 from pg_constraint where conname = 'users_email_change_confirm_status_check' and conrelid = 'auth.users'::regclass) then
    alter table auth.users add constraint users_email_change_confirm_status_check
      check (email_change_confirm_status >= 0 and email_change_confirm_status <= 2);
  end if;
end
$$;

create unique index if not exists users_email_partial_key on auth.users (email) where (is_sso_user = false);
create index if not exists users_instance_id_email_idx on auth.users (instance_id, lower((email)::text));
create index if not exists users_instance_id_idx on auth.users (instance_id);
create index if not exists users_is_anonymous_idx on auth.users (is_anonymous);
-- Token look-ups, unique unless the token is a numeric OTP (those may repeat).
create unique index if not exists confirmation_token_idx on auth.users (confirmation_token) where ((confirmation_token)::text !~ '^[0-9 ]*$'::text);
create unique index if not exists recovery_token_idx on auth.users (recovery_token) where ((recovery_token)::text !~ '^[0-9 ]*$'::text);
create unique index if not exists email_change_token_new_idx on auth.users (email_change_token_new) where ((email_change_token_new)::text !~ '^[0-9 ]*$'::text);
create unique index if not exists email_change_token_current_idx on auth.users (email_change_token_current) where ((email_change_token_current)::text !~ '^[0-9 ]*$'::text);
create unique index if not exists reauthentication_token_idx on auth.users (reauthentication_token) where ((reauthentication_token)::text !~ '^[0-9 ]*$'::text);
revoke all on auth.users from anon, authenticated;

-- Sign-ins. The local provider keeps its sessions here too (decision 032): the id is in the
-- session cookie and the row is checked on every request, so signing out ends the session on the
-- server, not just in the browser.
create table if not exists auth.sessions (
  id uuid not null,
  user_id uuid not null,
  created_at timestamptz,
  updated_at timestamptz,
  factor_id uuid,
  aal auth.aal_level,
  not_after timestamptz,
  refreshed_at timestamp,
  user_agent text,
  ip inet,
  tag text,
  constraint sessions_pkey primary key (id),
  constraint sessions_user_id_fkey foreign key (user_id) references auth.users (id) on delete cascade
);
alter table auth.sessions
  add column if not exists factor_id uuid,
  add column if not exists aal auth.aal_level,
  add column if not exists refreshed_at timestamp,
  add column if not exists tag text,
  alter column created_at drop default,
  alter column updated_at drop default;
create index if not exists sessions_user_id_idx on auth.sessions (user_id);
create index if not exists sessions_not_after_idx on auth.sessions (not_after desc);
create index if not exists user_id_created_at_idx on auth.sessions (user_id, created_at);
revoke all on auth.sessions from anon, authenticated;

-- Supabase Auth's single-use tokens. Not the local provider's: its sign-in links live in
-- brobygger_auth.link_tokens (migration 20261130110000), as this enum has no sign-in link type.
-- An older data directory held those links here with a text token_type: they are dropped with
-- the old table (a link lives minutes; whoever had one asks for a new one).
do $$
begin
  if exists (
    select 1 from information_schema.columns
    where table_schema = 'auth' and table_name = 'one_time_tokens' and column_name = 'token_type' and data_type = 'text'
  ) then
    drop table auth.one_time_tokens;
  end if;
end
$$;
create table if not exists auth.one_time_tokens (
  id uuid not null,
  user_id uuid not null,
  token_type auth.one_time_token_type not null,
  token_hash text not null,
  relates_to text not null,
  created_at timestamp not null default now(),
  updated_at timestamp not null default now(),
  constraint one_time_tokens_pkey primary key (id),
  constraint one_time_tokens_user_id_fkey foreign key (user_id) references auth.users (id) on delete cascade,
  constraint one_time_tokens_token_hash_check check (char_length(token_hash) > 0)
);
create index if not exists one_time_tokens_token_hash_hash_idx on auth.one_time_tokens using hash (token_hash);
create index if not exists one_time_tokens_relates_to_hash_idx on auth.one_time_tokens using hash (relates_to);
create unique index if not exists one_time_tokens_user_id_token_type_key on auth.one_time_tokens (user_id, token_type);
revoke all on auth.one_time_tokens from anon, authenticated;

create or replace function auth.uid() returns uuid
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.sub', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'sub')
  )::uuid
$$;

create or replace function auth.role() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.role', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'role')
  )::text
$$;

create or replace function auth.email() returns text
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim.email', true), ''),
    (nullif(current_setting('request.jwt.claims', true), '')::jsonb ->> 'email')
  )::text
$$;

create or replace function auth.jwt() returns jsonb
language sql stable
as $$
  select coalesce(
    nullif(current_setting('request.jwt.claim', true), ''),
    nullif(current_setting('request.jwt.claims', true), '')
  )::jsonb
$$;

grant execute on function auth.uid(), auth.role(), auth.email(), auth.jwt() to anon, authenticated, service_role;

-- The local auth provider's role: exactly what signing in, sessions, sign-in links and the
-- account page (name, language, password; "last seen" on a session) need.
grant usage on schema auth to brobygger_auth;
grant select (id, email, encrypted_password, email_confirmed_at, last_sign_in_at, deleted_at, raw_user_meta_data), insert,
  update (last_sign_in_at, email_confirmed_at, updated_at, encrypted_password, raw_user_meta_data)
  on auth.users to brobygger_auth;
grant select, insert, delete, update (updated_at) on auth.sessions to brobygger_auth;
-- Its sign-in links moved to its own schema (brobygger_auth.link_tokens); older data directories
-- granted this table.
revoke all on auth.one_time_tokens from brobygger_auth;

-- The Supabase CLI records applied migrations here; we do the same so `supabase db push` agrees.
create schema if not exists supabase_migrations;
create table if not exists supabase_migrations.schema_migrations (
  version text primary key,
  statements text[],
  name text
);
