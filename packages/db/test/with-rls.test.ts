import { describe, expect, it } from 'vitest';
import { getPools, openWithRls, sql, withRls, type SqlText } from '../src/index.ts';
import { as, createWorld, privileged } from '../src/testing/index.ts';

describe('withRls', () => {
  it('an anonymous transaction sees no rows of any table', async () => {
    await createWorld();
    const tenants = await as(null, (tx) => tx.query('select 1 from public.tenants').catch((e: Error) => e));
    // anon has no grant at all on tenants: either denied or empty, never rows.
    expect(Array.isArray(tenants) ? tenants.length : 'denied').toMatch(/^(0|denied)$/);
  });

  it('claims of a user with no memberships see no workspaces and no members', async () => {
    await createWorld();
    const nobody = { sub: '00000000-0000-4000-8000-000000000000', role: 'authenticated' as const };
    const rows = await withRls(nobody, async (tx) => [
      ...(await tx.query('select id from public.tenants')),
      ...(await tx.query('select id from public.memberships')),
    ]);
    expect(rows).toEqual([]);
  });

  it('the request role without `withRls` can read nothing', async () => {
    const client = await getPools().request.connect();
    try {
      await expect(client.query('select * from public.tenants')).rejects.toThrow(/permission denied/);
    } finally {
      client.release();
    }
  });

  it('a pooled connection carries no role or claims into the next request', async () => {
    const world = await createWorld();
    await as(world.users.owner, (tx) => tx.query('select 1'));
    await expect(as(world.users.owner, () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    // Check every idle connection in the pool, not just one.
    const pool = getPools().request;
    const clients = await Promise.all(Array.from({ length: pool.totalCount || 1 }, () => pool.connect()));
    try {
      for (const client of clients) {
        const { rows } = await client.query(
          "select current_user as role, coalesce(current_setting('request.jwt.claims', true), '') as claims",
        );
        expect(rows[0]).toEqual({ role: 'brobygger_api', claims: '' });
      }
    } finally {
      for (const client of clients) client.release();
    }
  });

  it('refuses a role outside the allow-list', async () => {
    const claims = { sub: '00000000-0000-4000-8000-000000000000', role: 'service_role' } as never;
    await expect(withRls(claims, (tx) => tx.query('select 1'))).rejects.toThrow(/not allowed/);
  });

  it('writes claims as a quoted literal, so quotes and backslashes in them are data', async () => {
    const world = await createWorld();
    const claims = { ...world.users.owner.claims, email: "x\\'); drop table public.tenants; --" };
    const row = await withRls(claims, (tx) => tx.one<{ email: string }>("select auth.jwt() ->> 'email' as email"));
    expect(row?.email).toBe(claims.email);
    expect(await privileged((tx) => tx.query('select 1 from public.tenants limit 1'))).toHaveLength(1);
  });
});

/** What `statement` reads as `user`, in a transaction opened for it and then ended. */
async function readAs<R extends object>(claims: Parameters<typeof openWithRls>[0], statement: SqlText) {
  const opened = await openWithRls<R>(claims, statement);
  await opened.end();
  return opened.rows;
}

describe('openWithRls: a transaction begun with its first read, in one round trip', () => {
  it('reads as the caller, like withRls', async () => {
    const world = await createWorld();
    const [row] = await readAs<{ uid: string; slugs: string[] }>(
      world.users.owner.claims,
      sql`select auth.uid()::text as uid, array(select slug from public.tenants where slug = ${world.tenant.slug}) as slugs`,
    );
    expect(row).toEqual({ uid: world.users.owner.id, slugs: [world.tenant.slug] });
    expect(
      await readAs(world.users.stranger.claims, sql`select 1 from public.tenants where slug = ${world.tenant.slug}`),
    ).toEqual([]);
  });

  it('is continued as the same transaction, as the same caller', async () => {
    const world = await createWorld();
    const opened = await openWithRls<{ xid: string }>(
      world.users.owner.claims,
      sql`select txid_current()::text as xid`,
    );
    const later = await opened.continueWith((tx) =>
      tx.one<{ xid: string; uid: string }>('select txid_current()::text as xid, auth.uid()::text as uid'),
    );
    expect(later).toEqual({ xid: opened.rows[0]!.xid, uid: world.users.owner.id });
    await opened.end(); // after continuing: nothing left to do
    expect(() => opened.continueWith(async () => 1)).toThrow(/already/);
  });

  it('commits what the continuation wrote; rolls back the opening if ended, or if the continuation fails', async () => {
    const world = await createWorld();
    const rename = (name: string) => sql`update public.tenants set name = ${name} where slug = ${world.tenant.slug}`;
    const nameNow = async () =>
      (
        await privileged((tx) =>
          tx.query<{ name: string }>('select name from public.tenants where id = $1', [world.tenant.id]),
        )
      )[0]?.name;

    const ended = await openWithRls(world.users.owner.claims, rename('Ikke gemt'));
    await ended.end();
    expect(await nameNow()).not.toBe('Ikke gemt');

    const failed = await openWithRls(world.users.owner.claims, rename('Heller ikke gemt'));
    await expect(failed.continueWith((tx) => tx.query('select 1/0'))).rejects.toThrow(/division by zero/);
    expect(await nameNow()).not.toBe('Heller ikke gemt');

    const kept = await openWithRls(world.users.owner.claims, rename('Gemt'));
    await kept.continueWith(async () => undefined);
    expect(await nameNow()).toBe('Gemt');
  });

  it('leaves no role or claims on the pooled connection, whichever way it ends', async () => {
    const world = await createWorld();
    await readAs(world.users.owner.claims, sql`select 1`);
    await (await openWithRls(world.users.owner.claims, sql`select 1`)).continueWith((tx) => tx.query('select 1'));
    await expect(openWithRls(world.users.owner.claims, sql`select 1/0`)).rejects.toThrow(/division by zero/);
    const pool = getPools().request;
    const clients = await Promise.all(Array.from({ length: pool.totalCount || 1 }, () => pool.connect()));
    try {
      for (const client of clients) {
        const { rows } = await client.query(
          "select current_user as role, coalesce(current_setting('request.jwt.claims', true), '') as claims, " +
            'pg_catalog.txid_current_if_assigned() is null as idle',
        );
        expect(rows[0]).toEqual({ role: 'brobygger_api', claims: '', idle: true });
      }
    } finally {
      for (const client of clients) client.release();
    }
  });
});

describe('sql: values written into SQL text', () => {
  it('every value comes back exactly as it went in, whatever quotes or backslashes it holds', async () => {
    const world = await createWorld();
    const values = ["O'Brien", 'back\\slash', "'; drop table public.tenants; --", "\\'", 'Æøå 🙂', '$1', '$$x$$', ''];
    for (const value of values) {
      const [row] = await readAs<{ v: string }>(world.users.owner.claims, sql`select ${value}::text as v`);
      expect(row?.v).toBe(value);
    }
    const [nothing] = await readAs<{ v: string | null }>(world.users.owner.claims, sql`select ${null}::text as v`);
    expect(nothing?.v).toBeNull();
  });

  it('refuses a NUL, which no Postgres string can hold', () => {
    expect(() => sql`select ${'a\0b'}`).toThrow(/NUL/);
  });
});
