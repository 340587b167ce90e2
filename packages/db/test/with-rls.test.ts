import { describe, expect, it } from 'vitest';
import { getPools, readWithRls, sql, withRls } from '../src/index.ts';
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

describe('readWithRls: one read in one round trip', () => {
  it('reads as the caller, like withRls', async () => {
    const world = await createWorld();
    const [row] = await readWithRls<{ uid: string; slugs: string[] }>(
      world.users.owner.claims,
      sql`select auth.uid()::text as uid, array(select slug from public.tenants where slug = ${world.tenant.slug}) as slugs`,
    );
    expect(row).toEqual({ uid: world.users.owner.id, slugs: [world.tenant.slug] });
    const stranger = await readWithRls(
      world.users.stranger.claims,
      sql`select 1 from public.tenants where slug = ${world.tenant.slug}`,
    );
    expect(stranger).toEqual([]);
  });

  it('leaves no role or claims on the pooled connection, after a read or a failed one', async () => {
    const world = await createWorld();
    await readWithRls(world.users.owner.claims, sql`select 1`);
    await expect(readWithRls(world.users.owner.claims, sql`select 1/0`)).rejects.toThrow(/division by zero/);
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

  it('runs its statements as one transaction: a failure undoes what came before it', async () => {
    const world = await createWorld();
    const name = `Rullet tilbage ${Date.now()}`;
    await expect(
      readWithRls(
        world.users.owner.claims,
        sql`update public.tenants set name = ${name} where slug = ${world.tenant.slug}; select 1/0`,
      ),
    ).rejects.toThrow(/division by zero/);
    const nameNow = async () =>
      (
        await privileged((tx) =>
          tx.query<{ name: string }>('select name from public.tenants where id = $1', [world.tenant.id]),
        )
      )[0]?.name;
    expect(await nameNow()).not.toBe(name);
    // The same update on its own does change the name: it was the failure that undid it.
    await readWithRls(
      world.users.owner.claims,
      sql`update public.tenants set name = ${name} where slug = ${world.tenant.slug}`,
    );
    expect(await nameNow()).toBe(name);
  });
});

describe('sql: values written into SQL text', () => {
  it('every value comes back exactly as it went in, whatever quotes or backslashes it holds', async () => {
    const world = await createWorld();
    const values = ["O'Brien", 'back\\slash', "'; drop table public.tenants; --", "\\'", 'Æøå 🙂', '$1', '$$x$$', ''];
    for (const value of values) {
      const [row] = await readWithRls<{ v: string }>(world.users.owner.claims, sql`select ${value}::text as v`);
      expect(row?.v).toBe(value);
    }
    const [nothing] = await readWithRls<{ v: string | null }>(world.users.owner.claims, sql`select ${null}::text as v`);
    expect(nothing?.v).toBeNull();
  });

  it('refuses a NUL, which no Postgres string can hold', () => {
    expect(() => sql`select ${'a\0b'}`).toThrow(/NUL/);
  });
});
