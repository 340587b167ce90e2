-- The Supabase platform objects our migrations rely on, for the embedded server only.
-- Mirrors supabase/postgres (roles, default privileges) and supabase/auth (auth schema, helpers).
-- Never run against a real Supabase project: there these already exist and are Supabase's.
-- Idempotent: runs on every start of the embedded server.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated nologin noinherit;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role nologin noinherit bypassrls;
  end if;
  -- Like Supabase's `authenticator`: can log in, holds no privileges of its own (noinherit), and
  -- may only switch to the API roles. The request path connects as this role.
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then
    create role authenticator login noinherit;
  end if;
  -- Not Supabase's: the local auth provider's own role (sign-in, sessions, sign-in links, rate
  -- limits), so that checking a password never needs a superuser. Its grants are below (auth.*)
  -- and in the login_attempts migration.
  if not exists (select 1 from pg_roles where rolname = 'brobygger_auth') then
    create role brobygger_auth login noinherit;
  end if;
end
$$;

-- Unlike Supabase's authenticator, ours is not a member of service_role: that role bypasses
-- row-level security, and the request path never needs it (the privileged path is its own pool).
-- The revoke also fixes data directories made before this rule.
grant anon, authenticated to authenticator;
revoke service_role from authenticator;

-- Supabase's default privileges on schema public: new tables are granted to the API roles, which
-- is why every migration starts its grants with `revoke all ... from anon, authenticated`.
grant usage on schema public to anon, authenticated, service_role;
alter default privileges in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges in schema public grant all on sequences to anon, authenticated, service_role;

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
