-- The Supabase platform objects our migrations rely on, for the embedded server only.
-- Mirrors supabase/postgres (roles, default privileges) and supabase/auth (auth schema, helpers).
-- Never run against a real Supabase project: there these already exist and are Supabase's.
-- Idempotent: runs on every start of the embedded server, as the bootstrap superuser.

-- The roles, their memberships and the default privileges are in supabase-roles.sql (run first);
-- supabase-auth-owners.sql (run last) hands what this file makes in schema auth to
-- supabase_auth_admin.

create schema if not exists auth;
grant usage on schema auth to anon, authenticated, service_role;

create table if not exists auth.users (
  instance_id uuid,
  id uuid not null primary key,
  aud varchar(255),
  role varchar(255),
  email varchar(255) unique,
  encrypted_password varchar(255),
  email_confirmed_at timestamptz,
  last_sign_in_at timestamptz,
  raw_app_meta_data jsonb,
  raw_user_meta_data jsonb,
  is_sso_user boolean not null default false,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  deleted_at timestamptz
);
revoke all on auth.users from anon, authenticated;

-- Sign-ins, as Supabase Auth keeps them (a subset of its columns). The local provider puts the
-- id in the session cookie and checks the row on every request, so signing out ends the
-- session on the server, not just in the browser.
create table if not exists auth.sessions (
  id uuid not null primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  created_at timestamptz default now(),
  updated_at timestamptz default now(),
  not_after timestamptz,
  user_agent text,
  ip inet
);
create index if not exists sessions_user_id_idx on auth.sessions (user_id);
create index if not exists sessions_not_after_idx on auth.sessions (not_after desc);
revoke all on auth.sessions from anon, authenticated;

-- Single-use tokens (sign-in links), modelled on Supabase Auth's table: only a hash is stored,
-- and one live token per user and type, so a new link replaces the previous one.
create table if not exists auth.one_time_tokens (
  id uuid not null primary key,
  user_id uuid not null references auth.users (id) on delete cascade,
  token_type text not null,
  token_hash text not null,
  relates_to text not null,
  created_at timestamptz not null default now(),
  updated_at timestamptz not null default now()
);
create unique index if not exists one_time_tokens_token_hash_idx on auth.one_time_tokens (token_hash);
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
grant select, insert, update, delete on auth.one_time_tokens to brobygger_auth;

-- The Supabase CLI records applied migrations here; we do the same so `supabase db push` agrees.
create schema if not exists supabase_migrations;
create table if not exists supabase_migrations.schema_migrations (
  version text primary key,
  statements text[],
  name text
);
