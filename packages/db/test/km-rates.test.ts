import { beforeEach, describe, expect, it } from 'vitest';
import { as, createWorld, privileged, type World } from '../src/testing/index.ts';
import { rlsMatrix } from '../src/testing/rls-matrix.ts';

const COLUMNS = 'id, tenant_id, valid_from::text, rate::text, version';

/**
 * The per-km rate history is a setting: owners and admins manage it; every member reads it (it
 * prices a peer's own transport); coordinators, peers and viewers change nothing.
 */
rlsMatrix({
  table: 'public.km_rates',
  columns: COLUMNS,
  seed: (tx, tenantId) =>
    tx.one<{ id: string }>(
      "insert into public.km_rates (tenant_id, valid_from, rate) values ($1, date '2025-01-01', 3.51) returning id",
      [tenantId],
    ),
  insert: (tenantId) => ({
    sql: `insert into public.km_rates (tenant_id, valid_from, rate) values ($1, date '2026-01-01', 3.81) returning ${COLUMNS}`,
    params: [tenantId],
    returns: { id: expect.any(String), tenant_id: tenantId, valid_from: '2026-01-01', rate: '3.81', version: 1 },
  }),
  update: {
    sql: `update public.km_rates set rate = 3.52 where id = $1 returning ${COLUMNS}`,
    returns: (before) => ({ ...before, rate: '3.52', version: 2 }),
  },
  delete: true,
  expect: {
    owner: 'edit',
    admin: 'edit',
    coordinator: 'read',
    peer: 'read',
    viewer: 'read',
    stranger: 'edit',
    regionMember: 'edit',
    twoHats: { tenant: 'read', other: 'read' },
    anonymous: 'none',
  },
});

describe('app.km_rate_at', () => {
  let world: World;

  beforeEach(async () => {
    world = await createWorld();
    await privileged(async (tx) => {
      await tx.query(
        "insert into public.km_rates (tenant_id, valid_from, rate) values ($1, date '2025-01-01', 3.51), ($1, date '2026-01-01', 3.81)",
        [world.tenant.id],
      );
      await tx.query("insert into public.km_rates (tenant_id, valid_from, rate) values ($1, date '2024-01-01', 9.99)", [
        world.other.id,
      ]);
    });
  });

  const rateAt = (day: string) =>
    as(world.users.peer, async (tx) => {
      const row = await tx.one<{ rate: string | null }>('select app.km_rate_at($1, $2::date)::text as rate', [
        world.tenant.id,
        day,
      ]);
      return row!.rate;
    });

  it('is the latest rate from on or before the day, across a change of rate', async () => {
    expect(await rateAt('2025-06-30')).toBe('3.51');
    expect(await rateAt('2025-12-31')).toBe('3.51');
    expect(await rateAt('2026-01-01')).toBe('3.81');
    expect(await rateAt('2026-11-20')).toBe('3.81');
  });

  it('is unknown before the first rate, and never another workspace’s', async () => {
    expect(await rateAt('2024-12-31')).toBeNull();
  });

  it('reads nothing for a member of another workspace', async () => {
    const rate = await as(world.users.stranger, (tx) =>
      tx.one<{ rate: string | null }>("select app.km_rate_at($1, date '2026-01-01')::text as rate", [world.tenant.id]),
    );
    expect(rate!.rate).toBeNull();
  });

  it('refuses a second rate from the same day', async () => {
    await expect(
      as(world.users.owner, (tx) =>
        tx.query("insert into public.km_rates (tenant_id, valid_from, rate) values ($1, date '2026-01-01', 4)", [
          world.tenant.id,
        ]),
      ),
    ).rejects.toMatchObject({ code: '23505' });
  });
});
