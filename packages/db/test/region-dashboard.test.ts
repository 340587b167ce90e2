import { beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  as,
  createTenant,
  createUser,
  createWorld,
  privileged,
  seedPartnerActivity,
  type PartnerActivity,
  type TestTenant,
  type TestUser,
  type World,
} from '../src/testing/index.ts';
import { expectRaised } from './helpers.ts';

/**
 * aggregates.region_dashboard: what a region learns about its partners. Every figure below
 * follows from `seedPartnerActivity`'s rule (see there): reached = courses × (perCourse − absent).
 */

type Cell = {
  partner_id: string | null;
  partner_name: string | null;
  quarter: string;
  metric: string;
  value: string | null;
  suppressed: boolean;
};

const Q1 = '2026-01-01';
const Q2 = '2026-04-01';

/** Big enough that no figure is suppressed: 2 courses × 10, 2 absent each, 6 sessions in Q1. */
const LARGE: PartnerActivity = {
  courses: 2,
  perCourse: 10,
  absentPerCourse: 2,
  sessions: 6,
  firstDay: '2026-01-05',
  volunteers: 7,
  matches: 6,
  startedOn: '2025-12-01',
};
/** 3 participants reached, 3 volunteers, 2 matches: small counts; 4 sessions. */
const SMALL: PartnerActivity = {
  courses: 1,
  perCourse: 3,
  sessions: 4,
  firstDay: '2026-02-02',
  volunteers: 3,
  matches: 2,
  startedOn: '2025-12-01',
};

let world: World;

const dashboard = (tx: TestUser | null = world.users.regionMember, from = Q1, to = Q1) =>
  as(tx, (t) =>
    t.query<Cell>(
      `select partner_id, partner_name, quarter::text, metric, value::text, suppressed
       from aggregates.region_dashboard($1, $2, $3)`,
      [world.region.id, from, to],
    ),
  );

const cell = (cells: Cell[], partner: TestTenant | null, metric: string, quarter = Q1) =>
  cells.find((c) => c.partner_id === (partner?.id ?? null) && c.metric === metric && c.quarter === quarter);

const shown = (c: Cell | undefined) => (c?.suppressed ? '<5' : c?.value);

async function activePartner(name: string, activity: PartnerActivity): Promise<TestTenant> {
  const partner = await createTenant('association', name);
  await seedPartnerActivity(partner.id, activity);
  await privileged((tx) =>
    tx.query("insert into public.partnerships (tenant_id, partner_tenant_id, status) values ($1, $2, 'active')", [
      world.region.id,
      partner.id,
    ]),
  );
  return partner;
}

beforeEach(async () => {
  world = await createWorld();
  await seedPartnerActivity(world.tenant.id, LARGE);
});

describe('figures of an active partner', () => {
  it('counts per quarter from the partner’s records', async () => {
    const cells = await dashboard(undefined, Q1, Q2);
    const q1 = (metric: string) => shown(cell(cells, world.tenant, metric));
    expect(q1('participantsReached')).toBe('16');
    expect(q1('sessionsHeld')).toBe('12');
    expect(q1('attendanceRate')).toBe('0.8000');
    expect(q1('volunteersActive')).toBe('7');
    expect(q1('activeMatches')).toBe('6');
    expect(cell(cells, world.tenant, 'participantsReached')?.partner_name).toBe(world.tenant.name);
    // Nothing was held in Q2; volunteers and matches are still active.
    expect(shown(cell(cells, world.tenant, 'sessionsHeld', Q2))).toBe('0');
    expect(shown(cell(cells, world.tenant, 'activeMatches', Q2))).toBe('6');
    // One partner: the total is its figures.
    expect(shown(cell(cells, null, 'participantsReached'))).toBe('16');
  });

  it('partners that are proposed, ended or someone else’s do not appear', async () => {
    const proposed = await createTenant('municipality', 'Foreslået kommune');
    await seedPartnerActivity(proposed.id, LARGE);
    await privileged((tx) =>
      tx.query('insert into public.partnerships (tenant_id, partner_tenant_id) values ($1, $2)', [
        world.region.id,
        proposed.id,
      ]),
    );
    const partners = new Set((await dashboard()).map((c) => c.partner_id));
    expect(partners).toEqual(new Set([world.tenant.id, null]));
  });
});

describe('small counts', () => {
  it('a count from 1 to 4 is suppressed, 0 and 5 are not', async () => {
    const small = await activePartner('Lille forening', SMALL);
    const five = await activePartner('Fem forening', { ...SMALL, perCourse: 5, volunteers: 5, matches: 0 });
    const cells = await dashboard();
    expect(cell(cells, small, 'participantsReached')).toMatchObject({ value: null, suppressed: true });
    expect(cell(cells, small, 'volunteersActive')).toMatchObject({ value: null, suppressed: true });
    expect(cell(cells, small, 'sessionsHeld')).toMatchObject({ value: null, suppressed: true });
    expect(cell(cells, small, 'activeMatches')).toMatchObject({ value: null, suppressed: true });
    expect(shown(cell(cells, five, 'participantsReached'))).toBe('5');
    expect(shown(cell(cells, five, 'activeMatches'))).toBe('0');
  });

  it('a rate is suppressed when its numerator or its denominator is from 1 to 4', async () => {
    // 3 present of 12 expected: the numerator is small.
    const fewPresent = await activePartner('Få fremmødte', { ...SMALL, perCourse: 4, absentPerCourse: 3, sessions: 3 });
    // All 20 present: neither is small.
    const many = await activePartner('Mange', { ...SMALL, perCourse: 5, sessions: 4 });
    const cells = await dashboard();
    expect(cell(cells, fewPresent, 'attendanceRate')).toMatchObject({ value: null, suppressed: true });
    expect(shown(cell(cells, many, 'attendanceRate'))).toBe('1.0000');
  });

  it('the total is the sum of the partners shown: total minus the shown cells is 0, nothing hidden', async () => {
    const small = await activePartner('Lille forening', SMALL);
    const cells = await dashboard();
    // Shown: the large partner's 16. Hidden: the small partner's 3, which the total leaves out.
    expect(shown(cell(cells, world.tenant, 'participantsReached'))).toBe('16');
    expect(shown(cell(cells, small, 'participantsReached'))).toBe('<5');
    expect(cell(cells, null, 'participantsReached')).toMatchObject({ value: '16', suppressed: false });
    // The small partner's rate is shown (12 present of 12), so it is in the total's rate:
    // (16 × 6 + 12) present of (20 × 6 + 12) expected.
    expect(shown(cell(cells, small, 'attendanceRate'))).toBe('1.0000');
    expect(shown(cell(cells, null, 'attendanceRate'))).toBe((108 / 132).toFixed(4));
    // For every quarter and count: the total is never hidden and is exactly the sum of shown cells.
    const groups = new Map<string, Cell[]>();
    for (const c of cells)
      groups.set(`${c.quarter} ${c.metric}`, [...(groups.get(`${c.quarter} ${c.metric}`) ?? []), c]);
    expect(groups.size).toBe(5);
    expect(cells.filter((c) => c.suppressed).length).toBeGreaterThan(0);
    for (const group of groups.values()) {
      const total = group.find((c) => c.partner_id === null)!;
      expect(total.suppressed).toBe(false);
      if (total.metric === 'attendanceRate') continue;
      const shownSum = group.filter((c) => c.partner_id && !c.suppressed).reduce((n, c) => n + Number(c.value), 0);
      expect(Number(total.value)).toBe(shownSum);
    }
  });

  it('with every cell shown, the total is their sum', async () => {
    const second = await activePartner('Anden stor', { ...LARGE, perCourse: 6, absentPerCourse: 0 });
    const cells = await dashboard();
    expect(shown(cell(cells, second, 'participantsReached'))).toBe('12');
    expect(shown(cell(cells, null, 'participantsReached'))).toBe('28');
    // (16×6 + 12×6) present of (20×6 + 12×6) expected.
    expect(shown(cell(cells, null, 'attendanceRate'))).toBe((168 / 192).toFixed(4));
  });

  it('when every partner is hidden, the total is 0 of the partners shown, not their hidden sum', async () => {
    const onlySmall = await createTenant('association', 'Kun små');
    await seedPartnerActivity(onlySmall.id, SMALL);
    await privileged((tx) =>
      tx.query("update public.partnerships set status = 'ended' where tenant_id = $1", [world.region.id]),
    );
    await privileged((tx) =>
      tx.query("insert into public.partnerships (tenant_id, partner_tenant_id, status) values ($1, $2, 'active')", [
        world.region.id,
        onlySmall.id,
      ]),
    );
    const cells = await dashboard();
    expect(cell(cells, onlySmall, 'activeMatches')).toMatchObject({ suppressed: true, value: null });
    expect(cell(cells, null, 'activeMatches')).toMatchObject({ suppressed: false, value: '0' });
    // Its rate (12 present of 12) is not small: it is shown, and the total's rate is the same.
    expect(cell(cells, null, 'attendanceRate')).toMatchObject({ suppressed: false, value: '1.0000' });
    expect(cell(cells, onlySmall, 'attendanceRate')).toMatchObject({ suppressed: false, value: '1.0000' });
  });
});

describe('who may ask', () => {
  it('ending a partnership removes its figures from the very next call', async () => {
    expect((await dashboard()).some((c) => c.partner_id === world.tenant.id)).toBe(true);
    await as(world.users.owner, (tx) =>
      tx.query('select app.respond_to_partnership(id, false) from public.partnerships where partner_tenant_id = $1', [
        world.tenant.id,
      ]),
    );
    expect(await dashboard()).toEqual([]);
  });

  it('only members of the region: the partner’s own members and strangers are refused', async () => {
    await expectRaised(dashboard(world.users.owner), 'region_dashboard_not_allowed');
    await expectRaised(dashboard(world.users.stranger), 'region_dashboard_not_allowed');
    await expect(dashboard(null)).rejects.toThrow(/permission denied/);
  });

  it('every role of the region may read it', async () => {
    const viewer = await createUser('region-viewer');
    await addMember(world.region, viewer, 'viewer');
    expect((await dashboard(viewer)).length).toBeGreaterThan(0);
  });

  it('a period of more than 8 quarters, or backwards, is refused', async () => {
    await expectRaised(dashboard(undefined, '2024-01-01', '2026-01-01'), 'region_dashboard_bad_period');
    await expectRaised(dashboard(undefined, Q2, Q1), 'region_dashboard_bad_period');
  });
});
