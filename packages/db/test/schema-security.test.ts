import { describe, expect, it } from 'vitest';
import type { Tx } from '../src/index.ts';
import { privileged } from '../src/testing/index.ts';

/**
 * Rules every migration must keep, checked against the live catalog so that a new table, view or
 * function cannot forget them. Each check is a query returning the names of the objects that
 * break its rule, so a failure says what to fix.
 */

/** Schemas the Data API (PostgREST, GraphQL) exposes; graphql_public only exists on Supabase. */
const EXPOSED = ['public', 'graphql_public'];

const CHECKS = {
  tableWithoutRls: `
    select format('%I.%I', n.nspname, c.relname) as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    -- Materialized views and foreign tables cannot have RLS at all, so they count as lacking it.
    where n.nspname = any ($1) and c.relkind in ('r', 'p', 'm', 'f') and not c.relrowsecurity`,

  // Schemas app and brobygger_auth are not exposed, but their tables hold rules, counters and
  // sign-in links no request may read around.
  appTableWithoutRls: `
    select format('%I.%I', n.nspname, c.relname) as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname in ('app', 'brobygger_auth') and c.relkind in ('r', 'p') and not c.relrowsecurity`,

  rlsWithoutPolicy: `
    select format('%I.%I', n.nspname, c.relname) as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any ($1) and c.relkind in ('r', 'p') and c.relrowsecurity
      and not exists (select 1 from pg_policy p where p.polrelid = c.oid)`,

  // has_*_privilege rather than information_schema.role_table_grants: it also sees column-level
  // grants and privileges anon holds through PUBLIC.
  anonWrites: `
    select format('%I.%I: %s', n.nspname, c.relname, p.privilege) as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    cross join unnest (array['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']) as p (privilege)
    where n.nspname = any ($1) and c.relkind in ('r', 'p', 'v', 'm', 'f')
      and case when p.privilege in ('INSERT', 'UPDATE') then has_any_column_privilege('anon', c.oid, p.privilege)
               else has_table_privilege('anon', c.oid, p.privilege) end`,

  // TRUNCATE ignores row-level security, so no API role may hold it.
  authenticatedTruncates: `
    select format('%I.%I', n.nspname, c.relname) as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any ($1) and c.relkind in ('r', 'p') and has_table_privilege('authenticated', c.oid, 'TRUNCATE')`,

  viewWithoutSecurityInvoker: `
    select format('%I.%I', n.nspname, c.relname) as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = any ($1) and c.relkind = 'v'
      and not exists (
        select 1 from unnest (coalesce(c.reloptions, '{}')) o
        where lower(o) in ('security_invoker=true', 'security_invoker=on', 'security_invoker=1', 'security_invoker=yes')
      )`,

  definerWithoutEmptySearchPath: `
    select p.oid::regprocedure::text as name
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname in ('app', 'public') and p.prosecdef
      and not coalesce(p.proconfig @> array['search_path=""'], false)`,

  // A NULL proacl means the default, under which PUBLIC may execute; acldefault() spells it out.
  appFunctionExecutableByPublic: `
    select p.oid::regprocedure::text as name
    from pg_proc p join pg_namespace n on n.oid = p.pronamespace
    where n.nspname = 'app'
      and exists (
        select 1 from aclexplode(coalesce(p.proacl, acldefault('f', p.proowner))) a
        where a.grantee = 0 and a.privilege_type = 'EXECUTE'
      )`,

  publicTableWithoutTenantId: `
    select format('%I.%I', n.nspname, c.relname) as name
    from pg_class c join pg_namespace n on n.oid = c.relnamespace
    where n.nspname = 'public' and c.relkind in ('r', 'p') and c.oid <> 'public.tenants'::regclass
      and not exists (select 1 from pg_attribute a where a.attrelid = c.oid and a.attname = 'tenant_id' and not a.attisdropped)`,
} as const;

type Check = keyof typeof CHECKS;

const offenders = async (tx: Tx, check: Check) =>
  (await tx.query<{ name: string }>(CHECKS[check], CHECKS[check].includes('$1') ? [EXPOSED] : []))
    .map((r) => r.name)
    .sort();

const RULES: { check: Check; rule: string }[] = [
  { check: 'tableWithoutRls', rule: 'every table in an exposed schema has row-level security enabled' },
  { check: 'rlsWithoutPolicy', rule: 'every table with row-level security in an exposed schema has a policy' },
  { check: 'appTableWithoutRls', rule: 'every table in schemas app and brobygger_auth has row-level security enabled' },
  { check: 'anonWrites', rule: 'anon may not insert, update, delete or truncate anything in an exposed schema' },
  { check: 'authenticatedTruncates', rule: 'authenticated may not truncate any table in an exposed schema' },
  { check: 'viewWithoutSecurityInvoker', rule: 'every view in an exposed schema has security_invoker = true' },
  {
    check: 'definerWithoutEmptySearchPath',
    rule: "every security definer function in app and public sets search_path = ''",
  },
  { check: 'appFunctionExecutableByPublic', rule: 'PUBLIC may execute no function in schema app' },
  { check: 'publicTableWithoutTenantId', rule: 'every table in public except public.tenants has a tenant_id column' },
];

describe('schema security', () => {
  for (const { check, rule } of RULES) {
    it(rule, async () => {
      expect(await privileged((tx) => offenders(tx, check)), `${check} found offenders`).toEqual([]);
    });
  }

  it('the checks are not vacuous: each names an object that breaks its rule', async () => {
    class Rollback extends Error {
      constructor(readonly found: Record<Check, string[]>) {
        super('rollback');
      }
    }
    // Broken objects made inside a transaction that is then rolled back, so no other test sees them.
    const found = await privileged(async (tx) => {
      await tx.query(`
        create table public.zz_no_rls (tenant_id uuid);
        create table app.zz_no_rls (id int);
        create table public.zz_no_policy (tenant_id uuid);
        alter table public.zz_no_policy enable row level security;
        create table public.zz_no_tenant (id int);
        alter table public.zz_no_tenant enable row level security;
        create policy "x" on public.zz_no_tenant for select to authenticated using (true);
        revoke all on public.zz_no_tenant from anon, authenticated;
        create view public.zz_definer_view as select 1 as one;
        create function app.zz_definer() returns int language sql security definer as 'select 1';
      `);
      const result = {} as Record<Check, string[]>;
      for (const { check } of RULES) result[check] = await offenders(tx, check);
      throw new Rollback(result);
    }).catch((error: unknown) => {
      if (error instanceof Rollback) return error.found;
      throw error;
    });

    expect(found).toEqual({
      tableWithoutRls: ['public.zz_no_rls'],
      appTableWithoutRls: ['app.zz_no_rls'],
      rlsWithoutPolicy: ['public.zz_no_policy'],
      // Supabase's default privileges grant new objects in public to anon and authenticated.
      anonWrites: ['INSERT', 'UPDATE', 'DELETE', 'TRUNCATE']
        .flatMap((p) => ['zz_definer_view', 'zz_no_policy', 'zz_no_rls'].map((t) => `public.${t}: ${p}`))
        .sort(),
      authenticatedTruncates: ['public.zz_no_policy', 'public.zz_no_rls'],
      viewWithoutSecurityInvoker: ['public.zz_definer_view'],
      definerWithoutEmptySearchPath: ['app.zz_definer()'],
      appFunctionExecutableByPublic: ['app.zz_definer()'],
      publicTableWithoutTenantId: ['public.zz_no_tenant'],
    });
    expect(await privileged((tx) => tx.query("select to_regclass('public.zz_no_rls') as t"))).toEqual([{ t: null }]);
  });

  describe('auth.* and the auth role', () => {
    /** Every table privilege a role holds outside the system schemas, column grants included. */
    const privilegesOf = (role: string) =>
      privileged((tx) =>
        tx.query<{ name: string }>(
          `select format('%I.%I: %s', n.nspname, c.relname, p.privilege) as name
           from pg_class c join pg_namespace n on n.oid = c.relnamespace
           cross join unnest (array['SELECT', 'INSERT', 'UPDATE', 'DELETE', 'TRUNCATE', 'REFERENCES', 'TRIGGER']) as p (privilege)
           where n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%'
             and c.relkind in ('r', 'p', 'v', 'm', 'f')
             and case when p.privilege in ('SELECT', 'INSERT', 'UPDATE', 'REFERENCES')
                      then has_any_column_privilege($1, c.oid, p.privilege)
                      else has_table_privilege($1, c.oid, p.privilege) end
           order by 1`,
          [role],
        ),
      ).then((rows) => rows.map((r) => r.name));

    for (const role of ['anon', 'authenticated']) {
      it(`${role} holds no privilege on any auth.* table`, async () => {
        expect((await privilegesOf(role)).filter((p) => p.startsWith('auth.'))).toEqual([]);
      });
    }

    /** `table.column` of the given tables on which brobygger_auth holds `privilege`. */
    const columnsWith = (privilege: 'SELECT' | 'UPDATE', tables: string[]) =>
      privileged((tx) =>
        tx.query<{ column: string }>(
          `select format('%s.%s', c.relname, a.attname) as column
           from pg_attribute a join pg_class c on c.oid = a.attrelid
           where a.attrelid = any ($1::regclass[]) and a.attnum > 0 and not a.attisdropped
             and has_column_privilege('brobygger_auth', a.attrelid, a.attnum, $2)
           order by 1`,
          [tables, privilege],
        ),
      ).then((rows) => rows.map((r) => r.column));

    it('brobygger_auth holds exactly what sign-in and the account page need: auth.users, sessions, its own sign-in links, login attempts', async () => {
      expect(await privilegesOf('brobygger_auth')).toEqual([
        'app.login_attempts: DELETE',
        'app.login_attempts: INSERT',
        'app.login_attempts: SELECT',
        'auth.sessions: DELETE',
        'auth.sessions: INSERT',
        'auth.sessions: SELECT',
        'auth.sessions: UPDATE',
        'auth.users: INSERT',
        'auth.users: SELECT',
        'auth.users: UPDATE',
        'brobygger_auth.link_tokens: DELETE',
        'brobygger_auth.link_tokens: INSERT',
        'brobygger_auth.link_tokens: SELECT',
        'brobygger_auth.link_tokens: UPDATE',
      ]);
    });

    it('brobygger_auth reads only the columns of auth.users that signing in and the account page use', async () => {
      expect(await columnsWith('SELECT', ['auth.users'])).toEqual([
        'users.deleted_at',
        'users.email',
        'users.email_confirmed_at',
        'users.encrypted_password',
        'users.id',
        'users.last_sign_in_at',
        'users.raw_user_meta_data',
      ]);
    });

    it('brobygger_auth may change only these columns: of auth.users the password, name and language, sign-in times; of auth.sessions the last-seen time', async () => {
      expect(await columnsWith('UPDATE', ['auth.users', 'auth.sessions'])).toEqual([
        'sessions.updated_at',
        'users.email_confirmed_at',
        'users.encrypted_password',
        'users.last_sign_in_at',
        'users.raw_user_meta_data',
        'users.updated_at',
      ]);
    });

    it('brobygger_auth is no superuser, does not bypass row-level security and cannot become a role that does', async () => {
      const escapes = await privileged((tx) =>
        tx.query(
          `select r.rolname from pg_roles r
           where (r.rolsuper or r.rolbypassrls) and pg_has_role('brobygger_auth', r.oid, 'MEMBER')`,
        ),
      );
      expect(escapes).toEqual([]);
    });
  });
});
