import { describe, expect, it } from 'vitest';
import { AUTH_FUNCTION_OWNERS, AUTH_SCHEMA, SUPABASE_ROLES, type RoleFacts } from '../src/embedded/supabase-roles.ts';
import { privileged } from '../src/testing/index.ts';

/**
 * The embedded platform must behave like a Supabase project where the app depends on it: the
 * roles, their attributes, memberships and settings, and who owns schema auth and its helpers.
 * The facts are recorded once (supabase-roles.ts); this reads the live catalogue and fails when
 * the imitation drifts from them.
 */

async function liveRole(name: string): Promise<RoleFacts | undefined> {
  const [role] = await privileged((tx) =>
    tx.query<Omit<RoleFacts, 'memberOf' | 'settings'> & { settings: string[] | null }>(
      `select r.rolsuper as superuser, r.rolcanlogin as login, r.rolinherit as inherit,
              r.rolcreaterole as createrole, r.rolcreatedb as createdb,
              r.rolreplication as replication, r.rolbypassrls as bypassrls,
              (select s.setconfig from pg_db_role_setting s where s.setrole = r.oid and s.setdatabase = 0) as settings
       from pg_roles r where r.rolname = $1`,
      [name],
    ),
  );
  if (!role) return undefined;
  const grants = await privileged((tx) =>
    tx.query<{ role: string; admin: boolean }>(
      `select g.rolname as role, bool_or(m.admin_option) as admin
       from pg_auth_members m join pg_roles g on g.oid = m.roleid join pg_roles u on u.oid = m.member
       where u.rolname = $1 and g.rolname = any($2) group by g.rolname`,
      // Only the recorded roles: test files make roles of their own, and their creator holds them.
      [name, Object.keys(SUPABASE_ROLES)],
    ),
  );
  return {
    ...role,
    memberOf: Object.fromEntries(grants.map((g) => [g.role, { admin: g.admin }])),
    settings: [...(role.settings ?? [])].sort(),
  };
}

describe('the embedded platform’s roles are Supabase’s', () => {
  for (const [name, facts] of Object.entries(SUPABASE_ROLES)) {
    it(`${name}: attributes, memberships and settings`, async () => {
      expect(await liveRole(name)).toEqual({ ...facts, settings: [...facts.settings].sort() });
    });
  }

  it('the privileged path (migrations, seed) is postgres, not a superuser', async () => {
    const [me] = await privileged((tx) =>
      tx.query<{ user: string; superuser: string }>(
        "select current_user::text as user, current_setting('is_superuser') as superuser",
      ),
    );
    expect(me).toEqual({ user: 'postgres', superuser: 'off' });
  });
});

describe('schema auth is Supabase Auth’s', () => {
  it('its helper functions belong to supabase_auth_admin', async () => {
    const owners = await privileged((tx) =>
      tx.query<{ fn: string; owner: string }>(
        `select p.oid::regprocedure::text as fn, pg_get_userbyid(p.proowner) as owner
         from pg_proc p where p.oid::regprocedure::text = any($1)`,
        [Object.keys(AUTH_FUNCTION_OWNERS)],
      ),
    );
    expect(Object.fromEntries(owners.map((o) => [o.fn, o.owner]))).toEqual(AUTH_FUNCTION_OWNERS);
  });

  it('the schema and every table in it belong to supabase_auth_admin', async () => {
    const owners = await privileged((tx) =>
      tx.query<{ owner: string }>(
        `select distinct pg_get_userbyid(nspowner) as owner from pg_namespace where nspname = 'auth'
         union
         select distinct pg_get_userbyid(c.relowner) from pg_class c
         where c.relnamespace = 'auth'::regnamespace and c.relkind in ('r', 'p', 'v', 'm')`,
      ),
    );
    expect(owners).toEqual([{ owner: AUTH_SCHEMA.owner }]);
  });

  it('postgres may use it but not create objects in it', async () => {
    const [rights] = await privileged((tx) =>
      tx.query<{ usage: boolean; create: boolean }>(
        `select has_schema_privilege('postgres', 'auth', 'USAGE') as usage,
                has_schema_privilege('postgres', 'auth', 'CREATE') as create`,
      ),
    );
    expect(rights).toEqual(AUTH_SCHEMA.postgres);
  });

  it('so a migration that adds to schema auth fails here as it would on supabase db push', async () => {
    await expect(privileged((tx) => tx.query('create table auth.from_a_migration (id int)'))).rejects.toMatchObject({
      code: '42501',
    });
    await expect(
      privileged((tx) =>
        tx.query('create or replace function auth.uid() returns uuid language sql as $$ select null::uuid $$'),
      ),
    ).rejects.toMatchObject({ code: '42501' });
  });

  it('and so does one that needs a superuser', async () => {
    await expect(
      privileged((tx) =>
        tx.query('create event trigger from_a_migration on ddl_command_start execute function pg_catalog.now()'),
      ),
    ).rejects.toMatchObject({ code: '42501' });
  });
});
