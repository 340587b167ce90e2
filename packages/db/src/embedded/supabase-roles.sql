-- The database roles of a Supabase project, for the embedded server only (run by the bootstrap
-- superuser `supabase_admin`, before supabase-platform.sql). Mirrors supabase/postgres:
-- migrations/db/init-scripts/00000000000000-initial-schema.sql and the later migrations that
-- demote `postgres` (10000000000000_demote-postgres.sql, 20250605172253 "with admin option",
-- 20240319072844/20240627101908 "lock down postgres access to auth"). The facts the app relies
-- on are recorded in supabase-roles.ts and checked by packages/db/test/supabase-facts.test.ts.
-- Idempotent: runs on every start of the embedded server, and repairs a role that drifted.

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'postgres') then
    create role postgres;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'anon') then
    create role anon;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticated') then
    create role authenticated;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'service_role') then
    create role service_role;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'authenticator') then
    create role authenticator;
  end if;
  if not exists (select 1 from pg_roles where rolname = 'supabase_auth_admin') then
    create role supabase_auth_admin;
  end if;
  -- Not Supabase's: the local auth provider's own role (decision 012); its grants are in
  -- supabase-platform.sql (auth.*) and the auth_role migration.
  if not exists (select 1 from pg_roles where rolname = 'brobygger_auth') then
    create role brobygger_auth;
  end if;
end
$$;

-- ---- attributes -------------------------------------------------------------------------------

-- `postgres` is what migrations, the seed and the privileged pool log in as: not a superuser, so
-- a migration that needs one fails here as it would on `supabase db push`.
alter role postgres nosuperuser createdb createrole replication bypassrls login inherit;
alter role anon nologin noinherit nobypassrls;
alter role authenticated nologin noinherit nobypassrls;
alter role service_role nologin noinherit bypassrls;
-- Reserved by hosted Supabase for PostgREST; the app logs in as its own `brobygger_api` (made by
-- a migration, decision 031). No password here, so nothing can log in as it.
alter role authenticator login noinherit nobypassrls password null;
alter role supabase_auth_admin login noinherit nocreaterole noreplication nobypassrls;
alter role brobygger_auth login noinherit nobypassrls;

-- Supabase's timeouts for the API roles (read by PostgREST when it switches role).
alter role anon set statement_timeout = '3s';
alter role authenticated set statement_timeout = '8s';
alter role authenticator set statement_timeout = '8s';
alter role authenticator set lock_timeout = '8s';
alter role supabase_auth_admin set search_path = auth;

-- ---- memberships ------------------------------------------------------------------------------

-- With admin option (Postgres 16 and later), so `postgres` can grant the API roles to a login
-- role of the project's own, as the request_role migration does.
grant anon, authenticated, service_role to postgres with admin option;
grant anon, authenticated, service_role to authenticator;
-- Supabase took this membership away from postgres (20240627101908): postgres may not act as
-- Supabase Auth, so it cannot create or alter objects in schema auth.
revoke supabase_auth_admin from postgres;

-- ---- database and public schema ---------------------------------------------------------------

-- The project's database belongs to `postgres`, as on Supabase, and with it schema public (owned
-- by pg_database_owner since Postgres 15): migrations create schemas and grant on public.
do $$
begin
  execute format('alter database %I owner to postgres', current_database());
end
$$;
grant usage on schema public to anon, authenticated, service_role;

-- Supabase's default privileges on schema public, for objects that `postgres` (the migrations)
-- and `supabase_admin` create: new tables are granted to the API roles, which is why every
-- migration starts its grants with `revoke all ... from anon, authenticated`.
alter default privileges for role postgres in schema public grant all on tables to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on functions to anon, authenticated, service_role;
alter default privileges for role postgres in schema public grant all on sequences to anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public
  grant all on tables to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public
  grant all on functions to postgres, anon, authenticated, service_role;
alter default privileges for role supabase_admin in schema public
  grant all on sequences to postgres, anon, authenticated, service_role;

-- Schema auth is Supabase Auth's: made here so that it belongs to supabase_auth_admin from the
-- start; supabase-platform.sql fills it and supabase-auth-owners.sql hands over what it made.
create schema if not exists auth authorization supabase_auth_admin;
