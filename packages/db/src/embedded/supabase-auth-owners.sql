-- Run by the bootstrap superuser after supabase-platform.sql: hands everything in schema auth to
-- supabase_auth_admin, as on Supabase (20211124212715_update-auth-owner.sql), and gives
-- `postgres` what it has there: use of the schema and of its tables and functions, but no right
-- to create objects in it. Generic over the tables, so a table added to the platform script is
-- covered without a change here. Idempotent.

alter schema auth owner to supabase_auth_admin;

do $$
declare
  object record;
begin
  for object in
    select format('alter table %I.%I owner to supabase_auth_admin', n.nspname, c.relname) as statement
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'auth' and c.relkind in ('r', 'p', 'v', 'm')
      and c.relowner <> 'supabase_auth_admin'::regrole
    union all
    select format('alter type %I.%I owner to supabase_auth_admin', n.nspname, t.typname)
    from pg_type t join pg_namespace n on n.oid = t.typnamespace
    where n.nspname = 'auth' and t.typtype = 'e' and t.typowner <> 'supabase_auth_admin'::regrole
    union all
    select format('alter routine %s owner to supabase_auth_admin', p.oid::regprocedure)
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'auth' and p.proowner <> 'supabase_auth_admin'::regrole
  loop
    execute object.statement;
  end loop;
end
$$;

revoke create on schema auth from postgres;
grant usage on schema auth to postgres;
grant all on all tables in schema auth to postgres;
grant all on all sequences in schema auth to postgres;
grant execute on all routines in schema auth to postgres;

-- The Supabase CLI makes its migration history as `postgres`; so does ours (the migrator logs in
-- as postgres and records every file it applies there).
alter schema supabase_migrations owner to postgres;
alter table supabase_migrations.schema_migrations owner to postgres;
