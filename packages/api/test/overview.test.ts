import { beforeAll, describe, expect, it } from 'vitest';
import { as, createWorld, privileged, type World } from '@brobygger/db/testing';
import type { Tx } from '@brobygger/db';
import { periodBounds } from '../src/routers/overview-period.ts';
import type { Overview } from '../src/routers/overview.types.ts';
import { callerFor } from './helpers.ts';

/**
 * The overview's figures on a small world a coordinator could count by hand (decision 021): seven
 * volunteers, two courses, four participants; the other workspace has look-alikes that must never
 * count. Dates are relative to today, and the period is the last 12 months, so a session a week
 * ago is always inside it.
 */

const today = new Date();
const daysFromToday = (days: number) => {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth(), today.getUTCDate() + days));
  return d.toISOString().slice(0, 10);
};
const monthsAgo = (months: number) => {
  const d = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - months, today.getUTCDate()));
  return d.toISOString().slice(0, 10);
};

let world: World;
const ids: Record<string, string> = {};

async function insert(tx: Tx, sql: string, params: unknown[]): Promise<string> {
  return (await tx.one<{ id: string }>(`${sql} returning id`, params))!.id;
}

/** A workspace's volunteers, courses and attendance; `peerUser` facilitates the first course. */
async function seedWorkspace(tx: Tx, tenantId: string, peerUser: string | null, tag: string) {
  const volunteer = (name: string, status: string, extra: Record<string, unknown> = {}) =>
    insert(
      tx,
      `insert into public.volunteers (tenant_id, name, status, intake_on, confidentiality_signed_on, record_check_on, user_id)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [
        tenantId,
        `${name}${tag}`,
        status,
        extra.intake ?? null,
        extra.signed ?? null,
        extra.checked ?? null,
        extra.user ?? null,
      ],
    );
  const signed = daysFromToday(-100);
  const anna = await volunteer('Anna', 'active', { signed, checked: monthsAgo(12), user: peerUser });
  ids[`bo${tag}`] = await volunteer('Bo', 'active', { checked: monthsAgo(30) });
  ids[`carl${tag}`] = await volunteer('Carl', 'paused', { signed });
  ids[`dorte${tag}`] = await volunteer('Dorte', 'applicant');
  await volunteer('Eva', 'applicant', { intake: daysFromToday(7) });
  await volunteer('Finn', 'applicant', { intake: daysFromToday(-7) });
  await volunteer('Gert', 'stopped');

  const course = (name: string, facilitator: string | null) =>
    insert(tx, 'insert into public.courses (tenant_id, name, facilitator_id) values ($1, $2, $3)', [
      tenantId,
      `${name}${tag}`,
      facilitator,
    ]);
  const session = (courseId: string, heldOn: string, status = 'planned') =>
    insert(tx, 'insert into public.course_sessions (tenant_id, course_id, held_on, status) values ($1, $2, $3, $4)', [
      tenantId,
      courseId,
      heldOn,
      status,
    ]);
  const participant = (name: string) =>
    insert(tx, 'insert into public.participants (tenant_id, first_name) values ($1, $2)', [tenantId, `${name}${tag}`]);
  const enrol = (courseId: string, participantId: string) =>
    tx.query('insert into public.enrolments (tenant_id, course_id, participant_id) values ($1, $2, $3)', [
      tenantId,
      courseId,
      participantId,
    ]);
  const mark = (courseId: string, sessionId: string, participantId: string, status: string) =>
    tx.query(
      'insert into public.attendance (tenant_id, course_id, session_id, participant_id, status) values ($1, $2, $3, $4, $5)',
      [tenantId, courseId, sessionId, participantId, status],
    );

  const walking = await course('Gåhold', anna);
  const cafe = await course('Recoverycafé', null);
  const [p1, p2, p3, p4] = [
    await participant('P1'),
    await participant('P2'),
    await participant('P3'),
    await participant('P4'),
  ];
  for (const p of [p1, p2, p3]) await enrol(walking, p);
  await enrol(cafe, p4);

  const lastWeek = await session(walking, daysFromToday(-7));
  const todays = await session(walking, daysFromToday(0), 'held');
  const cancelled = await session(walking, daysFromToday(-14), 'cancelled');
  const nextWeek = await session(walking, daysFromToday(7));
  const twoYearsAgo = await session(walking, monthsAgo(24));
  await mark(walking, lastWeek, p1, 'present');
  await mark(walking, lastWeek, p2, 'no_show');
  await mark(walking, lastWeek, p3, 'cancelled');
  await mark(walking, todays, p1, 'present');
  await mark(walking, todays, p2, 'present');
  await mark(walking, todays, p3, 'absent');
  // Recorded, but on sessions that do not count: cancelled, in the future, before the period.
  await mark(walking, cancelled, p3, 'present');
  await mark(walking, nextWeek, p3, 'present');
  await mark(walking, twoYearsAgo, p3, 'present');
  await mark(cafe, await session(cafe, daysFromToday(-7)), p4, 'present');

  // Companionship: Anna's match is past its six months, Bo's is young, Carl's has ended.
  const match = (participantId: string, volunteerId: string, startsOn: string, status: string, reason?: string) =>
    tx.query(
      `insert into public.matches (tenant_id, participant_id, volunteer_id, starts_on, status, end_reason)
       values ($1, $2, $3, $4, $5, $6)`,
      [tenantId, participantId, volunteerId, startsOn, status, reason ?? null],
    );
  await match(p1, anna, monthsAgo(8), 'active');
  await match(p2, ids[`bo${tag}`]!, monthsAgo(1), 'active');
  await match(p3, ids[`carl${tag}`]!, monthsAgo(10), 'ended', 'completed');

  // Expenses: three wait for approval (Bo's two, Anna's one), Carl's was approved.
  const expense = (volunteerId: string, status: string) =>
    tx.query(
      `insert into public.expenses (tenant_id, volunteer_id, spent_on, kind, km, purpose, status)
       values ($1, $2, $3, 'transport', 12, 'Kørsel til gåholdet', $4)`,
      [tenantId, volunteerId, daysFromToday(-3), status],
    );
  await expense(ids[`bo${tag}`]!, 'submitted');
  await expense(ids[`bo${tag}`]!, 'submitted');
  await expense(anna, 'submitted');
  await expense(ids[`carl${tag}`]!, 'approved');
  return { walking, cafe };
}

let courses: { walking: string; cafe: string };

beforeAll(async () => {
  world = await createWorld();
  courses = await privileged(async (tx) => {
    const mine = await seedWorkspace(tx, world.tenant.id, world.users.peer.id, '');
    // The other workspace: the same world again, plus one more active volunteer.
    await seedWorkspace(tx, world.other.id, null, ' (anden)');
    await tx.query("insert into public.volunteers (tenant_id, name, status) values ($1, 'Ekstra', 'active')", [
      world.other.id,
    ]);
    return mine;
  });
});

const overviewOf = (who: keyof World['users'], tenant = world.tenant.slug) =>
  callerFor(world.users[who]).api.overview.get({ tenant, period: 'last12' });

/** Each course's months summed: the figures a coordinator checks against the attendance matrix. */
const totals = (overview: Overview) =>
  Object.fromEntries(
    (overview.courses ?? []).map((c) => [
      c.name,
      c.months.reduce(
        (sum, m) => ({
          sessions: sum.sessions + m.sessions,
          present: sum.present + m.present,
          absent: sum.absent + m.absent,
          cancelled: sum.cancelled + m.cancelled,
          noShow: sum.noShow + m.noShow,
        }),
        { sessions: 0, present: 0, absent: 0, cancelled: 0, noShow: 0 },
      ),
    ]),
  );

const names = (todo: { people: { name: string }[] | null } | undefined) => todo?.people?.map((p) => p.name) ?? null;

describe('the overview as a coordinator reads it', () => {
  it('counts the volunteers by life cycle', async () => {
    expect((await overviewOf('coordinator')).volunteers).toEqual({ active: 2, paused: 1, waitingForIntake: 2 });
  });

  it('counts the participants present at least once at a session held in the period', async () => {
    // P1 and P2 on the walking team, P4 at the café; P3 only came to sessions that do not count.
    expect((await overviewOf('coordinator')).participantsReached).toBe(3);
  });

  it('tallies each course: sessions held and the attendance recorded at them', async () => {
    const overview = await overviewOf('coordinator');
    expect(totals(overview)).toEqual({
      Gåhold: { sessions: 2, present: 3, absent: 1, cancelled: 1, noShow: 1 },
      Recoverycafé: { sessions: 1, present: 1, absent: 0, cancelled: 0, noShow: 0 },
    });
    expect(overview.courses?.map((c) => c.id)).toEqual([courses.walking, courses.cafe]);
    // Every month a course has figures for is a month of the period's time axis.
    for (const c of overview.courses ?? []) for (const m of c.months) expect(overview.period.months).toContain(m.month);
  });

  it('lists what needs doing now, by name', async () => {
    const { todos } = await overviewOf('coordinator');
    expect(names(todos.missingConfidentiality)).toEqual(['Bo']);
    expect(names(todos.recordCheckDue)).toEqual(['Bo', 'Carl']);
    expect(names(todos.waitingForIntake)).toEqual(['Dorte', 'Eva']);
    expect(todos.recordCheckDue?.count).toBe(2);
    expect(todos.missingConfidentiality?.people?.[0]?.id).toBe(ids.bo);
    // Three expenses wait, from two volunteers, each named once.
    expect(todos.unapprovedExpenses?.count).toBe(3);
    expect(names(todos.unapprovedExpenses)).toEqual(['Anna', 'Bo']);
  });

  it("follows the workspace's renewal period for record checks", async () => {
    await privileged((tx) =>
      tx.query('update public.tenants set record_check_renewal_months = 36 where id = $1', [world.tenant.id]),
    );
    try {
      const overview = await overviewOf('coordinator');
      expect(names(overview.todos.recordCheckDue)).toEqual(['Carl']);
      expect(overview.recordCheckRenewalMonths).toBe(36);
    } finally {
      await privileged((tx) =>
        tx.query('update public.tenants set record_check_renewal_months = 24 where id = $1', [world.tenant.id]),
      );
    }
  });

  it('keeps the renewal period between 1 and 120 months; owners and admins set it, a coordinator cannot', async () => {
    const setTo = (months: number) =>
      privileged((tx) =>
        tx.query('update public.tenants set record_check_renewal_months = $2 where id = $1', [world.tenant.id, months]),
      );
    await expect(setTo(0)).rejects.toThrow(/check constraint/);
    await expect(setTo(121)).rejects.toThrow(/check constraint/);
    const setAs = (who: 'owner' | 'admin' | 'coordinator', months: number) =>
      callerFor(world.users[who]).api.settings.setRecordChecks({ tenant: world.tenant.slug, months });
    try {
      await expect(setAs('admin', 0)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
      await expect(setAs('coordinator', 12)).rejects.toMatchObject({ code: 'FORBIDDEN' });
      // The table says the same as the API: a coordinator's update changes no row.
      await as(world.users.coordinator, (tx) =>
        tx.query('update public.tenants set record_check_renewal_months = 12 where id = $1', [world.tenant.id]),
      ).catch(() => undefined);
      expect((await overviewOf('coordinator')).recordCheckRenewalMonths).toBe(24);
      expect(await setAs('owner', 36)).toEqual({ months: 36 });
      expect((await overviewOf('coordinator')).recordCheckRenewalMonths).toBe(36);
    } finally {
      await setTo(24);
    }
  });

  it('counts the active matches, and those past their planned end six months after the start', async () => {
    expect((await overviewOf('coordinator')).matches).toEqual({ active: 2, pastPlannedEnd: 1 });
  });
});

describe('what other roles are shown', () => {
  it('a viewer: the same figures, and the to-dos as counts without names', async () => {
    const [viewer, coordinator] = [await overviewOf('viewer'), await overviewOf('coordinator')];
    expect(viewer.volunteers).toEqual(coordinator.volunteers);
    expect(viewer.participantsReached).toBe(3);
    expect(totals(viewer)).toEqual(totals(coordinator));
    expect(viewer.todos).toEqual({
      missingConfidentiality: { count: 1, people: null },
      recordCheckDue: { count: 2, people: null },
      waitingForIntake: { count: 2, people: null },
      unapprovedExpenses: { count: 3, people: null },
    });
    expect(viewer.matches).toEqual({ active: 2, pastPlannedEnd: 1 });
    expect(JSON.stringify(viewer)).not.toContain('Dorte');
  });

  it('a peer: only the course they facilitate, no volunteers and no to-dos', async () => {
    const peer = await overviewOf('peer');
    expect(peer.volunteers).toBeUndefined();
    expect(peer.todos).toEqual({});
    // Their own match only: Anna's, past its planned end.
    expect(peer.matches).toEqual({ active: 1, pastPlannedEnd: 1 });
    expect(Object.keys(totals(peer))).toEqual(['Gåhold']);
    expect(peer.participantsReached).toBe(2);
  });

  it("another workspace's member is not let in, and their own overview counts only their rows", async () => {
    await expect(overviewOf('stranger')).rejects.toMatchObject({ message: 'errors:workspace_not_found' });
    const theirs = await overviewOf('stranger', world.other.slug);
    // Their world is ours plus one active volunteer: none of ours leak into it, nor theirs into ours.
    expect(theirs.volunteers).toEqual({ active: 3, paused: 1, waitingForIntake: 2 });
    expect(Object.keys(totals(theirs))).toEqual(['Gåhold (anden)', 'Recoverycafé (anden)']);
    expect(theirs.participantsReached).toBe(3);
    expect(names(theirs.todos.missingConfidentiality)).toEqual(['Bo (anden)', 'Ekstra']);
    expect(theirs.matches).toEqual({ active: 2, pastPlannedEnd: 1 });
    expect(names(theirs.todos.unapprovedExpenses)).toEqual(['Anna (anden)', 'Bo (anden)']);
  });
});

describe('the period', () => {
  it('is a calendar quarter, year or the last 12 months around today', () => {
    expect(periodBounds('quarter', '2026-11-26')).toMatchObject({
      from: '2026-10-01',
      to: '2027-01-01',
      months: ['2026-10', '2026-11'],
    });
    expect(periodBounds('year', '2026-02-03')).toMatchObject({
      from: '2026-01-01',
      to: '2027-01-01',
      months: ['2026-01', '2026-02'],
    });
    const last12 = periodBounds('last12', '2026-01-15');
    expect(last12).toMatchObject({ from: '2025-02-01', to: '2026-02-01' });
    expect(last12.months).toHaveLength(12);
  });

  it('refuses an unknown period with a clear message', async () => {
    await expect(
      callerFor(world.users.coordinator).api.overview.get({ tenant: world.tenant.slug, period: 'decade' as never }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
