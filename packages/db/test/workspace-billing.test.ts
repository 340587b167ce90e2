import { beforeEach, describe, expect, it } from 'vitest';
import { as, createTenant, createWorld, privileged, type TestUser, type World } from '../src/testing/index.ts';
import { expectRaised, rlsMatrix } from '../src/testing/rls-matrix.ts';

/**
 * A workspace's billing row: owners and admins read their own; nobody writes it through a request
 * (the webhook and the billing service write on the privileged path). Stripe's events are not a
 * workspace's rows and no request reads them.
 */
rlsMatrix({
  table: 'public.workspace_billing',
  key: 'tenant_id',
  seed: (tx, tenantId) =>
    tx.one<{ id: string }>(
      `insert into public.workspace_billing (tenant_id, stripe_customer_id, plan, status)
       values ($1, $2, 'municipality_annual', 'active') returning tenant_id::text as id`,
      [tenantId, `cus_${tenantId.slice(0, 8)}`],
    ),
  insert: () => ({
    sql: "insert into public.workspace_billing (tenant_id, plan, status) values ($1, 'region_annual', 'active') returning tenant_id",
    // A workspace of its own, so that a refused insert is refused for its rights, not its key.
    params: [crypto.randomUUID()],
  }),
  update: {
    sql: "update public.workspace_billing set status = 'canceled' where tenant_id::text = $1 returning tenant_id",
  },
  delete: { sql: 'delete from public.workspace_billing where tenant_id::text = $1 returning tenant_id' },
  expect: {
    owner: 'read',
    admin: 'read',
    coordinator: 'none',
    peer: 'none',
    viewer: 'none',
    stranger: 'read',
    regionMember: 'read',
    twoHats: 'none',
    anonymous: 'none',
  },
});

describe('app.stripe_events', () => {
  it('no request reads or writes the events already applied', async () => {
    const world = await createWorld();
    await privileged((tx) =>
      tx.query("insert into app.stripe_events (id, type, created_at) values ('evt_rls_test', 'invoice.paid', now())"),
    );
    for (const user of [world.users.owner, world.users.stranger, null]) {
      await expect(as(user, (tx) => tx.query('select id from app.stripe_events'))).rejects.toThrow(/permission denied/);
      await expect(
        as(user, (tx) => tx.query("insert into app.stripe_events (id, type, created_at) values ('evt_x', 'x', now())")),
      ).rejects.toThrow(/permission denied/);
    }
  });
});

describe('entitlements in SQL', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });

  const setBilling = (tenantId: string, status: string, pastDueDays?: number) =>
    privileged((tx) =>
      tx.query(
        `insert into public.workspace_billing (tenant_id, plan, status, past_due_since)
         values ($1, 'municipality_annual', $2, now() - make_interval(days => $3::int))
         on conflict (tenant_id) do update set status = excluded.status, past_due_since = excluded.past_due_since`,
        [tenantId, status, pastDueDays ?? null],
      ),
    );
  const locks = (user: TestUser, tenantId: string) =>
    as(user, (tx) =>
      tx.one<{ locked: boolean }>('select app.billing_locks_writes($1) as locked', [tenantId]).then((r) => r!.locked),
    );

  it('active, trialing, and past due within the grace period leave writes open', async () => {
    for (const [status, days] of [['active'], ['trialing'], ['past_due', 13]] as const) {
      await setBilling(world.tenant.id, status, days);
      expect(await locks(world.users.coordinator, world.tenant.id), status).toBe(false);
    }
  });

  it('past due beyond the grace period, cancelled or unpaid lock writes', async () => {
    for (const [status, days] of [['past_due', 15], ['canceled'], ['unpaid']] as const) {
      await setBilling(world.tenant.id, status, days);
      expect(await locks(world.users.viewer, world.tenant.id), status).toBe(true);
    }
  });

  it('a workspace without billing is never locked, and a non-member learns nothing', async () => {
    expect(await locks(world.users.owner, world.tenant.id)).toBe(false);
    await setBilling(world.tenant.id, 'canceled');
    expect(await locks(world.users.stranger, world.tenant.id)).toBe(false);
    const entitlement = await as(world.users.stranger, (tx) =>
      tx.query('select * from app.billing_entitlement($1)', [world.tenant.id]),
    );
    expect(entitlement).toEqual([]);
  });

  it('every member reads the entitlement: plan, status and when the grace period ends', async () => {
    await setBilling(world.tenant.id, 'past_due', 3);
    const row = await as(world.users.peer, (tx) =>
      tx.one<{ plan: string; status: string; days: number; locks_writes: boolean; covered: boolean }>(
        `select plan, status, locks_writes, covered, round(extract(epoch from grace_ends_at - now()) / 86400)::int as days
         from app.billing_entitlement($1)`,
        [world.tenant.id],
      ),
    );
    expect(row).toEqual({
      plan: 'municipality_annual',
      status: 'past_due',
      days: 11,
      locks_writes: false,
      covered: false,
    });
  });
});

describe('a region covers a partner', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });

  const cover = (user: TestUser, region: string, partner: string, covered = true) =>
    as(user, (tx) =>
      tx.one<{ covered: boolean }>('select app.set_partner_coverage($1, $2, $3) as covered', [
        region,
        partner,
        covered,
      ]),
    );
  const coverage = (user: TestUser, tenantId: string) =>
    as(user, (tx) => tx.query('select relation, name from app.billing_coverage($1)', [tenantId]));

  it('the region covers its active partner; both sides see it by name; the partner is not locked', async () => {
    await privileged((tx) =>
      tx.query("insert into public.workspace_billing (tenant_id, status) values ($1, 'canceled')", [world.tenant.id]),
    );
    expect(await cover(world.users.regionMember, world.region.id, world.tenant.id)).toEqual({ covered: true });
    expect(await coverage(world.users.owner, world.tenant.id)).toEqual([
      { relation: 'covered_by', name: world.region.name },
    ]);
    expect(await coverage(world.users.regionMember, world.region.id)).toEqual([
      { relation: 'covers', name: world.tenant.name },
    ]);
    const locked = await as(world.users.coordinator, (tx) =>
      tx.one<{ locked: boolean }>('select app.billing_locks_writes($1) as locked', [world.tenant.id]),
    );
    expect(locked).toEqual({ locked: false });
  });

  it('coverage lapses with the partnership', async () => {
    await cover(world.users.regionMember, world.region.id, world.tenant.id);
    await privileged((tx) =>
      tx.query("update public.partnerships set status = 'ended', ended_on = current_date where tenant_id = $1", [
        world.region.id,
      ]),
    );
    expect(await coverage(world.users.owner, world.tenant.id)).toEqual([]);
  });

  it('needs an active partnership, the region’s billing right, and no other region covering', async () => {
    const stranger = await createTenant('association');
    await expectRaised(cover(world.users.regionMember, world.region.id, stranger.id), 'partnership_not_found');
    // The partner's own owner cannot mark itself covered.
    await expectRaised(cover(world.users.owner, world.region.id, world.tenant.id), 'partnership_not_found');
    const otherRegion = await createTenant('region');
    await privileged(async (tx) => {
      await tx.query(
        "insert into public.partnerships (tenant_id, partner_tenant_id, status, started_on) values ($1, $2, 'active', current_date)",
        [otherRegion.id, world.tenant.id],
      );
      await tx.query('insert into public.workspace_billing (tenant_id, covered_by_tenant_id) values ($1, $2)', [
        world.tenant.id,
        otherRegion.id,
      ]);
    });
    await expectRaised(cover(world.users.regionMember, world.region.id, world.tenant.id), 'billing_covered_by_other');
  });

  it('coordinators and peers see no coverage, and the region can stop covering', async () => {
    await cover(world.users.regionMember, world.region.id, world.tenant.id);
    expect(await coverage(world.users.coordinator, world.tenant.id)).toEqual([]);
    expect(await cover(world.users.regionMember, world.region.id, world.tenant.id, false)).toEqual({ covered: false });
    expect(await coverage(world.users.owner, world.tenant.id)).toEqual([]);
  });
});

/**
 * Billing's lock is the workspace's read-only state (migration read_only_joins_billing): the same
 * refusals as a closed workspace, lifted by paying or by a region covering the workspace.
 */
describe('a workspace billing has locked is read-only', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });

  const setStatus = (status: string) =>
    privileged((tx) =>
      tx.query(
        `insert into public.workspace_billing (tenant_id, plan, status) values ($1, 'municipality_annual', $2)
         on conflict (tenant_id) do update set status = excluded.status`,
        [world.tenant.id, status],
      ),
    );
  const addVolunteer = () =>
    as(world.users.coordinator, (tx) =>
      tx.query("insert into public.volunteers (tenant_id, name) values ($1, 'Ny frivillig') returning id", [
        world.tenant.id,
      ]),
    );
  const addProgramme = () =>
    as(world.users.coordinator, (tx) =>
      tx.query(
        `insert into public.programmes (tenant_id, name, funder_kind, starts_on, ends_on)
         values ($1, 'Nyt program', 'foundation', '2027-01-01', '2027-12-31') returning id`,
        [world.tenant.id],
      ),
    );

  it('refuses writes to the rosters and the programmes while cancelled, and reads go on', async () => {
    await privileged((tx) =>
      tx.query("insert into public.volunteers (tenant_id, name) values ($1, 'Før') returning id", [world.tenant.id]),
    );
    await setStatus('canceled');
    await expect(addVolunteer()).rejects.toThrow(/workspace_read_only|row-level security/);
    await expect(addProgramme()).rejects.toThrow(/workspace_read_only|row-level security/);
    const seen = await as(world.users.viewer, (tx) =>
      tx.query<{ name: string }>('select name from public.volunteers where tenant_id = $1', [world.tenant.id]),
    );
    expect(seen.map((r) => r.name)).toEqual(['Før']);
  });

  it('opens again when the subscription is active again', async () => {
    await setStatus('canceled');
    await expect(addVolunteer()).rejects.toThrow();
    await setStatus('active');
    expect(await addVolunteer()).toHaveLength(1);
    expect(await addProgramme()).toHaveLength(1);
  });

  it('stays writable while a region covers it', async () => {
    await setStatus('canceled');
    await as(world.users.regionMember, (tx) =>
      tx.query('select app.set_partner_coverage($1, $2, true)', [world.region.id, world.tenant.id]),
    );
    expect(await addVolunteer()).toHaveLength(1);
  });
});
