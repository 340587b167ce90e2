import { beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  createTenant,
  createUser,
  createWorld,
  seedPartnerActivity,
  type TestTenant,
  type World,
} from '@brobygger/db/testing';
import { cellOf, hiddenPartners, REGION_METRICS } from '../src/routers/region-dashboard/region-dashboard.types.ts';
import { quartersOf } from '../src/routers/region-dashboard/quarters.ts';
import { callerFor } from './helpers.ts';

/**
 * Partnerships through the API, as the partners page uses them, and the region's dashboard. The
 * region's admin is `regionMember`; the partner's owner and admin answer.
 */

let world: World;
let partner: TestTenant;

const region = () => callerFor(world.users.regionMember).api;
const partnerOwner = () => callerFor(world.users.owner).api;
const thisQuarter = () => quartersOf('last4').at(-1)!;

beforeEach(async () => {
  world = await createWorld();
  partner = await createTenant('association', `Forening ${Math.random().toString(36).slice(2, 8)}`);
  await addMember(partner, world.users.owner, 'owner');
});

const errorKey = (promise: Promise<unknown>) =>
  promise.then(
    () => 'no error',
    (error: Error) => error.message,
  );

describe('the life cycle through the API', () => {
  it('the region finds the partner by name, invites it, the partner accepts, and both see the history', async () => {
    const found = await region().partnerships.candidates({
      tenant: world.region.slug,
      words: partner.name.slice(0, 12),
    });
    expect(found).toEqual([{ id: partner.id, name: partner.name, kind: 'association' }]);
    const { id } = await region().partnerships.invite({ tenant: world.region.slug, partnerId: partner.id });

    expect(await partnerOwner().partnerships.act({ tenant: partner.slug, id, action: 'accept' })).toEqual({
      status: 'active',
    });
    const seenByPartner = await partnerOwner().partnerships.history({ tenant: partner.slug });
    expect(seenByPartner.filter((e) => e.partnershipId === id).map((e) => `${e.event}:${e.side}`)).toEqual([
      'proposed:region',
      'accepted:partner',
    ]);
    // A time a browser can read (new Date), with the offset as JavaScript writes it.
    expect(Number.isNaN(new Date(seenByPartner[0]!.occurredAt).getTime())).toBe(false);
    const seenByRegion = await region().partnerships.history({ tenant: world.region.slug });
    expect(seenByRegion.filter((e) => e.partnershipId === id).map((e) => e.event)).toEqual(['proposed', 'accepted']);
  });

  it('search never offers regions, and needs two letters', async () => {
    const otherRegion = await createTenant('region', 'Region Søgbar');
    const found = await region().partnerships.candidates({ tenant: world.region.slug, words: 'Region Søgbar' });
    expect(found.map((c) => c.id)).not.toContain(otherRegion.id);
    expect(await errorKey(region().partnerships.candidates({ tenant: world.region.slug, words: 'x' }))).toMatch(
      /invalid|too_small|>=2|at least/i,
    );
  });

  it('refuses what does not fit, each with its own message', async () => {
    const { id } = await region().partnerships.invite({ tenant: world.region.slug, partnerId: partner.id });
    expect(await errorKey(region().partnerships.invite({ tenant: world.region.slug, partnerId: partner.id }))).toBe(
      'errors:partnership_exists',
    );
    expect(await errorKey(region().partnerships.act({ tenant: world.region.slug, id, action: 'accept' }))).toBe(
      'errors:partnership_partner_only',
    );
    expect(await errorKey(partnerOwner().partnerships.act({ tenant: partner.slug, id, action: 'end' }))).toBe(
      'errors:partnership_not_active',
    );
    expect(await errorKey(partnerOwner().partnerships.act({ tenant: partner.slug, id, action: 'withdraw' }))).toBe(
      'errors:partnership_region_only',
    );
    await partnerOwner().partnerships.act({ tenant: partner.slug, id, action: 'decline' });
    expect(await errorKey(partnerOwner().partnerships.act({ tenant: partner.slug, id, action: 'accept' }))).toBe(
      'errors:partnership_not_proposed',
    );
    // A coordinator of the partner cannot answer at all.
    const coordinator = await createUser('coord');
    await addMember(partner, coordinator, 'coordinator');
    expect(
      await errorKey(callerFor(coordinator).api.partnerships.act({ tenant: partner.slug, id, action: 'end' })),
    ).toBe('errors:forbidden');
  });

  it('after a decline the region invites again on the same partnership; it may withdraw that', async () => {
    const { id } = await region().partnerships.invite({ tenant: world.region.slug, partnerId: partner.id });
    await partnerOwner().partnerships.act({ tenant: partner.slug, id, action: 'decline' });
    const again = await region().partnerships.invite({ tenant: world.region.slug, partnerId: partner.id });
    expect(again.id).toBe(id);
    expect(await region().partnerships.act({ tenant: world.region.slug, id, action: 'withdraw' })).toEqual({
      status: 'ended',
    });
    const events = await region().partnerships.history({ tenant: world.region.slug });
    expect(events.filter((e) => e.partnershipId === id).map((e) => e.event)).toEqual([
      'proposed',
      'declined',
      'proposed',
      'withdrawn',
    ]);
  });
});

describe('the dashboard through the API', () => {
  it('shows an accepted partner’s figures, and none once the partner ends it', async () => {
    await seedPartnerActivity(partner.id, {
      courses: 2,
      perCourse: 8,
      sessions: 1,
      firstDay: thisQuarter(),
      volunteers: 6,
      matches: 5,
      startedOn: '2025-01-01',
    });
    const { id } = await region().partnerships.invite({ tenant: world.region.slug, partnerId: partner.id });
    await partnerOwner().partnerships.act({ tenant: partner.slug, id, action: 'accept' });

    const before = await region().regionDashboard.get({ tenant: world.region.slug, period: 'last4' });
    expect(before.partners.map((p) => p.name)).toContain(partner.name);
    expect(cellOf(before, partner.id, thisQuarter(), 'participantsReached')).toMatchObject({ value: 16 });
    expect(cellOf(before, partner.id, thisQuarter(), 'volunteersActive')).toMatchObject({ value: 6 });

    await partnerOwner().partnerships.act({ tenant: partner.slug, id, action: 'end' });
    const after = await region().regionDashboard.get({ tenant: world.region.slug, period: 'last4' });
    expect(after.partners.map((p) => p.name)).not.toContain(partner.name);
    expect(after.cells.filter((c) => c.partnerId === partner.id)).toEqual([]);
  });

  it('the total adds up the partners shown and says how many it leaves out', async () => {
    const activity = {
      courses: 1,
      sessions: 2,
      firstDay: thisQuarter(),
      volunteers: 0,
      matches: 0,
      startedOn: '2025-01-01',
    };
    // The world's municipality (already an active partner): 3 participants, hidden. The association: 12.
    await seedPartnerActivity(world.tenant.id, { ...activity, perCourse: 3 });
    await seedPartnerActivity(partner.id, { ...activity, perCourse: 12 });
    const { id } = await region().partnerships.invite({ tenant: world.region.slug, partnerId: partner.id });
    await partnerOwner().partnerships.act({ tenant: partner.slug, id, action: 'accept' });

    const d = await region().regionDashboard.get({ tenant: world.region.slug, period: 'last4' });
    const q = thisQuarter();
    expect(cellOf(d, world.tenant.id, q, 'participantsReached')).toMatchObject({ value: null, suppressed: true });
    expect(cellOf(d, null, q, 'participantsReached')).toMatchObject({ value: 12, suppressed: false });
    expect(hiddenPartners(d, q, 'participantsReached')).toBe(1);
    // Every total is the exact sum of the cells shown beside it: subtracting them leaves nothing.
    for (const metric of REGION_METRICS.filter((m) => m !== 'attendanceRate')) {
      for (const quarter of d.quarters) {
        const shown = d.partners.reduce((n, p) => n + (cellOf(d, p.id, quarter, metric)?.value ?? 0), 0);
        expect(cellOf(d, null, quarter, metric)?.value, `${metric} ${quarter}`).toBe(shown);
      }
    }
  });

  it('is for regions only', async () => {
    expect(await errorKey(partnerOwner().regionDashboard.get({ tenant: partner.slug, period: 'last4' }))).toBe(
      'errors:region_dashboard_not_allowed',
    );
  });
});

describe('quarters of a period', () => {
  it('counts back from today’s quarter, across the new year', () => {
    expect(quartersOf('last4', '2026-02-10')).toEqual(['2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01']);
    expect(quartersOf('thisYear', '2026-11-26')).toEqual(['2026-01-01', '2026-04-01', '2026-07-01', '2026-10-01']);
    expect(quartersOf('lastYear', '2026-11-26')[0]).toBe('2025-01-01');
    expect(quartersOf('last8', '2026-11-26')).toHaveLength(8);
  });
});

describe('the runs-activities setting', () => {
  it('owners and admins turn it on; the workspace then says so', async () => {
    expect((await region().workspaces.get({ tenant: world.region.slug })).runsActivities).toBe(false);
    await region().settings.setRunsActivities({ tenant: world.region.slug, runsActivities: true });
    expect((await region().workspaces.get({ tenant: world.region.slug })).runsActivities).toBe(true);
    const viewer = await createUser('viewer');
    await addMember(world.region, viewer, 'viewer');
    expect(
      await errorKey(
        callerFor(viewer).api.settings.setRunsActivities({ tenant: world.region.slug, runsActivities: false }),
      ),
    ).toBe('errors:forbidden');
  });
});
