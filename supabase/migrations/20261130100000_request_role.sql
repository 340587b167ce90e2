-- The request path's own login role, `brobygger_api` (decision 031). Hosted Supabase reserves
-- `authenticator` for PostgREST, so the app logs in as a role of its own that, like
-- authenticator, holds nothing itself (noinherit) and may only `set role` to anon or
-- authenticated, never service_role. Made without a password: the embedded launcher sets one
-- from its data directory's secrets, and on Supabase the operator does
-- (`alter role brobygger_api password '…'`, see README and docs/deploying.md).

-- ---- role -----------------------------------------------------------------------------------

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'brobygger_api') then
    create role brobygger_api login noinherit;
  end if;
end
$$;

-- Repeats the attributes, so that a role someone made by hand before this migration is brought
-- in line instead of trusted.
alter role brobygger_api login noinherit nocreatedb nocreaterole nobypassrls noreplication;

-- ---- memberships ----------------------------------------------------------------------------

grant anon, authenticated to brobygger_api;
revoke service_role from brobygger_api;

-- ---- settings -------------------------------------------------------------------------------

-- Set on the login role, so they hold for the whole session whatever role `withRls` switches to
-- (role-level settings of anon/authenticated apply only at login, which the app never does).
-- A request that runs longer, or waits longer for a lock, is cancelled and shown a translated
-- "took too long" message instead of holding a connection and its locks.
alter role brobygger_api set statement_timeout = '8s';
alter role brobygger_api set lock_timeout = '3s';
-- Idle transactions would hold a pooled connection (and its locks) for nothing.
alter role brobygger_api set idle_in_transaction_session_timeout = '30s';
