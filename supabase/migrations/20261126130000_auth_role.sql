-- The local auth provider's own database role, `brobygger_auth`: signing in, sessions and the
-- rate limit run as it, on their own pool, instead of as a superuser. It may touch the auth.*
-- tables it needs (granted where those tables are made: the embedded bootstrap) and the login
-- attempts below, nothing in public. With Supabase Auth it exists but is unused.

-- ---- role -----------------------------------------------------------------------------------

do $$
begin
  if not exists (select 1 from pg_roles where rolname = 'brobygger_auth') then
    -- nologin here: whoever deploys the local provider on their own Postgres gives it a password.
    create role brobygger_auth nologin noinherit;
  end if;
end
$$;

-- ---- grants ---------------------------------------------------------------------------------

grant usage on schema app to brobygger_auth;
grant select, insert, delete on app.login_attempts to brobygger_auth;

-- ---- policies -------------------------------------------------------------------------------

create policy "the auth service counts and forgets sign-in attempts"
  on app.login_attempts for all to brobygger_auth
  using (true) with check (true);
