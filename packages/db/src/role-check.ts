import pg from 'pg';

export class RoleCheckError extends Error {
  constructor(
    readonly variable: string,
    readonly role: string,
    readonly problems: string[],
  ) {
    super(
      `${variable} connects as role "${role}", which could get around row-level security:\n` +
        problems.map((p) => `  - ${p}`).join('\n') +
        '\nUse the request role `brobygger_api`, which can only `set role` to anon and authenticated ' +
        '(see README, Configuration).',
    );
    this.name = 'RoleCheckError';
  }
}

/**
 * Refuses a request-path role that could read or change every workspace: a superuser, a role
 * with BYPASSRLS, a member of a role that has either (it could `set role` to it), or the owner
 * of tables (owners are exempt from their tables' policies unless FORCE is set, and may alter
 * them). Run at start-up, so a wrong DATABASE_URL stops the app instead of leaking data.
 */
export async function checkDatabaseRole(url: string, variable: string): Promise<void> {
  const client = new pg.Client({ connectionString: url, application_name: 'brobygger-role-check' });
  await client.connect();
  try {
    const { rows } = await client.query<{
      role: string;
      superuser: boolean;
      bypassrls: boolean;
      escapes: string[];
      owned: number;
    }>(
      `select r.rolname as role, r.rolsuper as superuser, r.rolbypassrls as bypassrls,
         array(select o.rolname from pg_roles o
               where o.oid <> r.oid and (o.rolsuper or o.rolbypassrls) and pg_has_role(r.oid, o.oid, 'MEMBER')
               order by 1)::text[] as escapes,
         (select count(*)::int from pg_class c join pg_namespace n on n.oid = c.relnamespace
          where c.relowner = r.oid and c.relkind in ('r', 'p', 'v', 'm', 'f')
            and n.nspname not in ('pg_catalog', 'information_schema') and n.nspname not like 'pg_toast%') as owned
       from pg_roles r where r.rolname = current_user`,
    );
    const row = rows[0]!;
    const problems = [
      row.superuser ? 'it is a superuser' : null,
      row.bypassrls ? 'it has BYPASSRLS' : null,
      row.escapes.length ? `it may switch to ${row.escapes.join(', ')}, which bypass row-level security` : null,
      row.owned ? `it owns ${row.owned} table${row.owned === 1 ? '' : 's'} or view${row.owned === 1 ? '' : 's'}` : null,
    ].filter((p): p is string => p !== null);
    if (problems.length) throw new RoleCheckError(variable, row.role, problems);
  } finally {
    await client.end();
  }
}
