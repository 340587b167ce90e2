import { describe, expect, it } from 'vitest';
import { getPools, withRls } from '../src/index.ts';
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

  it('binds claims as a parameter, so quotes in them are data', async () => {
    const world = await createWorld();
    const claims = { ...world.users.owner.claims, email: "x'); drop table public.tenants; --" };
    const row = await withRls(claims, (tx) => tx.one<{ email: string }>("select auth.jwt() ->> 'email' as email"));
    expect(row?.email).toBe(claims.email);
    expect(await privileged((tx) => tx.query('select 1 from public.tenants limit 1'))).toHaveLength(1);
  });
});
