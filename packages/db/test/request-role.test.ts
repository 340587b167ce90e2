import { randomBytes } from 'node:crypto';
import { afterAll, describe, expect, inject, it } from 'vitest';
import { checkDatabaseRole, RoleCheckError } from '../src/role-check.ts';
import { withRls } from '../src/rls.ts';
import { privileged } from '../src/testing/index.ts';

/**
 * The request path must not be able to get around row-level security: not as itself, and not
 * by `set role` to a role that can. Start-up checks the role in DATABASE_URL and refuses it.
 */

const urls = inject('db');
const made: string[] = [];

/** A login role made for one test, and the URL to connect as it. */
async function roleWith(attributes: string, then = ''): Promise<string> {
  const name = `zz_role_${randomBytes(4).toString('hex')}`;
  const password = randomBytes(8).toString('hex');
  await privileged((tx) =>
    tx.query(`create role ${name} login password '${password}' ${attributes}; ${then.replaceAll('$role', name)}`),
  );
  made.push(name);
  const url = new URL(urls.requestUrl);
  url.username = name;
  url.password = password;
  return url.toString();
}

afterAll(async () => {
  for (const name of made) {
    // `drop owned by` needs the role's privileges; postgres (not a superuser) takes them first.
    await privileged((tx) => tx.query(`grant ${name} to postgres; drop owned by ${name} cascade; drop role ${name}`));
  }
});

const problemsOf = (url: string) =>
  checkDatabaseRole(url, 'DATABASE_URL').then(
    () => [],
    (error: unknown) => {
      if (error instanceof RoleCheckError) return error.problems;
      throw error;
    },
  );

describe('the request role (brobygger_api)', () => {
  it('is what the request path logs in as', async () => {
    expect(new URL(urls.requestUrl).username).toBe('brobygger_api');
    const [who] = await withRls(null, (tx) =>
      tx.query<{ session_user: string; current_user: string }>('select session_user::text, current_user::text'),
    );
    expect(who).toEqual({ session_user: 'brobygger_api', current_user: 'anon' });
  });

  it('may become anon and authenticated, and nothing else', async () => {
    const roles = await privileged((tx) =>
      tx.query<{ rolname: string }>(
        `select r.rolname from pg_roles r
         where r.rolname <> 'brobygger_api' and pg_has_role('brobygger_api', r.oid, 'MEMBER') order by 1`,
      ),
    );
    expect(roles.map((r) => r.rolname)).toEqual(['anon', 'authenticated']);
  });

  it('cannot switch to service_role or postgres', async () => {
    for (const role of ['service_role', 'postgres', 'supabase_admin']) {
      await expect(withRls(null, (tx) => tx.query(`set local role ${role}`))).rejects.toMatchObject({ code: '42501' });
    }
  });

  it('belongs to no role that bypasses row-level security or is a superuser', async () => {
    const escapes = await privileged((tx) =>
      tx.query<{ rolname: string }>(
        `select r.rolname from pg_roles r
         where (r.rolsuper or r.rolbypassrls) and pg_has_role('brobygger_api', r.oid, 'MEMBER')`,
      ),
    );
    expect(escapes).toEqual([]);
  });

  it('passes the start-up check', async () => {
    expect(await problemsOf(urls.requestUrl)).toEqual([]);
  });
});

describe('the start-up check refuses a DATABASE_URL role that', () => {
  it('is a superuser', async () => {
    expect(await problemsOf(urls.bootstrapUrl)).toContainEqual(expect.stringMatching(/is a superuser/));
  });

  it('is the privileged path’s postgres (BYPASSRLS, and may switch to service_role)', async () => {
    expect(await problemsOf(urls.adminUrl)).toEqual([
      expect.stringMatching(/BYPASSRLS/),
      expect.stringMatching(/service_role/),
      expect.stringMatching(/owns \d+ tables/),
    ]);
  });

  it('bypasses row-level security', async () => {
    expect(await problemsOf(await roleWith('bypassrls'))).toEqual([expect.stringMatching(/BYPASSRLS/)]);
  });

  it('may switch to a role that bypasses it (service_role)', async () => {
    const url = await roleWith('noinherit', 'grant service_role to $role;');
    expect(await problemsOf(url)).toEqual([expect.stringMatching(/service_role/)]);
  });

  it('owns tables', async () => {
    const url = await roleWith(
      '',
      'grant create on schema public to $role; grant $role to postgres; set role $role; create table public.$role (id int); reset role;',
    );
    expect(await problemsOf(url)).toEqual([expect.stringMatching(/owns 1 table/)]);
  });

  it('says which variable and what to do', async () => {
    await expect(checkDatabaseRole(urls.adminUrl, 'DATABASE_URL')).rejects.toThrow(/DATABASE_URL/);
  });
});
