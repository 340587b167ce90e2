import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, privileged, type World } from '@brobygger/db/testing';
import { callerFor } from './helpers.ts';

/**
 * Generating a course's sessions from its schedule through the API: what the preview promises
 * is what happens, all as the caller under RLS, and recorded attendance never goes.
 */
let world: World;
let api: ReturnType<typeof callerFor>['api'];
let tenant: string;
let course: string;

const TEN_WEEKS = {
  frequency: 'weekly',
  firstDate: '2026-09-24',
  sessionCount: 10,
  until: null,
  startsAt: '17:00',
  durationMinutes: 120,
} as const;

/** Thursdays from 24 September 2026, one week apart. */
const thursdays = (n: number, from = 0) =>
  Array.from({ length: n }, (_, i) => new Date(Date.UTC(2026, 8, 24 + 7 * (from + i))).toISOString().slice(0, 10));

const sessionsOf = (courseId = course) =>
  privileged((tx) =>
    tx.query<{
      id: string;
      held_on: string;
      scheduled_on: string | null;
      starts_at: string;
      duration_minutes: number;
      status: string;
    }>(
      `select id, held_on::text, scheduled_on::text, to_char(starts_at, 'HH24:MI') as starts_at, duration_minutes, status::text
       from public.course_sessions where course_id = $1 order by held_on`,
      [courseId],
    ),
  );

async function addCourse(tenantId: string, name: string, facilitatorUser?: string) {
  return privileged(async (tx) => {
    const volunteer = facilitatorUser
      ? await tx.one<{ id: string }>(
          "insert into public.volunteers (tenant_id, name, status, user_id) values ($1, 'Ali', 'active', $2) returning id",
          [tenantId, facilitatorUser],
        )
      : undefined;
    const row = await tx.one<{ id: string }>(
      'insert into public.courses (tenant_id, name, facilitator_id) values ($1, $2, $3) returning id',
      [tenantId, name, volunteer?.id ?? null],
    );
    return row!.id;
  });
}

beforeEach(async () => {
  world = await createWorld();
  api = callerFor(world.users.coordinator).api;
  tenant = world.tenant.slug;
  course = await addCourse(world.tenant.id, 'Vejen til hverdagslivet');
});

describe('a new schedule', () => {
  it('previews ten weekly sessions without writing, then generates them', async () => {
    const plan = await api.courseSchedules.preview({ tenant, course, schedule: TEN_WEEKS });
    expect(plan).toEqual({ dates: thursdays(10), add: thursdays(10), retime: [], remove: [], keep: [], unchanged: 0 });
    expect(await sessionsOf()).toEqual([]);

    const result = await api.courseSchedules.generate({ tenant, course, schedule: TEN_WEEKS, version: null });
    expect(result).toEqual({ plan, version: 1 });
    const sessions = await sessionsOf();
    expect(sessions.map((s) => [s.held_on, s.scheduled_on, s.starts_at, s.duration_minutes, s.status])).toEqual(
      thursdays(10).map((d) => [d, d, '17:00', 120, 'planned']),
    );
    expect(await api.courseSchedules.get({ tenant, course })).toEqual({
      schedule: { ...TEN_WEEKS, version: 1 },
      canEdit: true,
    });
    // The course list shows when the course runs.
    const { row } = await api.courses.get({ tenant, id: course });
    expect(row).toMatchObject({ startsOn: '2026-09-24', endsOn: '2026-11-26' });
  });

  // Summer time ends on 25 October 2026 and begins on 28 March 2027 in Europe/Copenhagen.
  it('every 14 days until an end date, across both clock changes, always at 15:00 local time', async () => {
    const schedule = {
      ...TEN_WEEKS,
      frequency: 'fortnightly',
      firstDate: '2026-10-01',
      sessionCount: null,
      until: '2027-04-30',
      startsAt: '15:00',
    } as const;
    await api.courseSchedules.generate({ tenant, course, schedule, version: null });
    const instants = await privileged((tx) =>
      tx.query<{ held_on: string; local: string; utc: string }>(
        `select held_on::text,
                to_char((held_on + starts_at) at time zone 'Europe/Copenhagen' at time zone 'Europe/Copenhagen', 'HH24:MI') as local,
                to_char((held_on + starts_at) at time zone 'Europe/Copenhagen' at time zone 'UTC', 'HH24:MI') as utc
         from public.course_sessions where course_id = $1 order by held_on`,
        [course],
      ),
    );
    expect(instants.map((s) => s.held_on)).toEqual([
      '2026-10-01',
      '2026-10-15',
      '2026-10-29',
      '2026-11-12',
      '2026-11-26',
      '2026-12-10',
      '2026-12-24',
      '2027-01-07',
      '2027-01-21',
      '2027-02-04',
      '2027-02-18',
      '2027-03-04',
      '2027-03-18',
      '2027-04-01',
      '2027-04-15',
      '2027-04-29',
    ]);
    expect(new Set(instants.map((s) => s.local))).toEqual(new Set(['15:00']));
    expect(instants.map((s) => s.utc)).toEqual([
      '13:00',
      '13:00',
      ...Array<string>(11).fill('14:00'),
      '13:00',
      '13:00',
      '13:00',
    ]);
  });
});

describe('regenerating keeps what happened', () => {
  it('keeps attended, moved, cancelled and hand-added sessions; retimes and removes only untouched ones', async () => {
    const first = await api.courseSchedules.generate({ tenant, course, schedule: TEN_WEEKS, version: null });
    const [s1, s2, s3, s4] = await sessionsOf();
    const participant = await privileged(async (tx) => {
      const p = await tx.one<{ id: string }>(
        "insert into public.participants (tenant_id, first_name) values ($1, 'Signe') returning id",
        [world.tenant.id],
      );
      await tx.query('insert into public.enrolments (tenant_id, course_id, participant_id) values ($1, $2, $3)', [
        world.tenant.id,
        course,
        p!.id,
      ]);
      return p!.id;
    });
    // Attendance at the first two sessions, the third moved a day, the fourth cancelled, one extra added.
    await privileged(async (tx) => {
      for (const s of [s1!, s2!])
        await tx.query(
          "insert into public.attendance (tenant_id, course_id, session_id, participant_id, status) values ($1, $2, $3, $4, 'present')",
          [world.tenant.id, course, s.id, participant],
        );
      await tx.query('update public.course_sessions set held_on = held_on + 1 where id = $1', [s3!.id]);
      await tx.query("update public.course_sessions set status = 'cancelled' where id = $1", [s4!.id]);
      await tx.query(
        "insert into public.course_sessions (tenant_id, course_id, held_on, starts_at) values ($1, $2, date '2026-12-03', time '17:00')",
        [world.tenant.id, course],
      );
    });

    // One week later, four sessions, at 18:00.
    const later = { ...TEN_WEEKS, firstDate: '2026-10-01', sessionCount: 4, startsAt: '18:00' } as const;
    const plan = await api.courseSchedules.preview({ tenant, course, schedule: later });
    expect(plan).toEqual({
      dates: thursdays(4, 1),
      add: [],
      retime: [thursdays(1, 4)[0]],
      remove: thursdays(5, 5),
      keep: [{ heldOn: '2026-09-24', reason: 'attendance' }],
      unchanged: 3,
    });
    const result = await api.courseSchedules.generate({ tenant, course, schedule: later, version: first.version });
    expect(result).toEqual({ plan, version: 2 });

    expect((await sessionsOf()).map((s) => [s.held_on, s.scheduled_on, s.starts_at, s.status])).toEqual([
      ['2026-09-24', null, '17:00', 'planned'],
      ['2026-10-01', '2026-10-01', '17:00', 'planned'],
      ['2026-10-09', '2026-10-08', '17:00', 'planned'],
      ['2026-10-15', '2026-10-15', '17:00', 'cancelled'],
      ['2026-10-22', '2026-10-22', '18:00', 'planned'],
      ['2026-12-03', null, '17:00', 'planned'],
    ]);
    const attendance = await privileged((tx) =>
      tx.query<{ session_id: string; status: string }>(
        'select session_id, status::text from public.attendance where course_id = $1 order by status, session_id',
        [course],
      ),
    );
    expect(attendance).toEqual(
      [
        { session_id: s4!.id, status: 'cancelled' },
        { session_id: s1!.id, status: 'present' },
        { session_id: s2!.id, status: 'present' },
      ].sort((a, b) => a.status.localeCompare(b.status) || a.session_id.localeCompare(b.session_id)),
    );
  });

  it('takes over sessions entered by hand on the schedule’s dates instead of doubling them', async () => {
    await privileged((tx) =>
      tx.query(
        `insert into public.course_sessions (tenant_id, course_id, held_on, starts_at, duration_minutes, status)
         select $1, $2, d, time '17:00', 120, 'held' from unnest($3::date[]) d`,
        [world.tenant.id, course, thursdays(3)],
      ),
    );
    const { plan } = await api.courseSchedules.generate({ tenant, course, schedule: TEN_WEEKS, version: null });
    expect(plan).toMatchObject({ add: thursdays(7, 3), unchanged: 3 });
    expect((await sessionsOf()).map((s) => s.scheduled_on)).toEqual(thursdays(10));
  });
});

describe('refusals', () => {
  it.each([
    ['neither a count nor an end date', { sessionCount: null, until: null }, 'errors:schedule_needs_end'],
    ['both a count and an end date', { sessionCount: 10, until: '2026-12-31' }, 'errors:schedule_needs_end'],
    ['an end before the start', { sessionCount: null, until: '2026-09-01' }, 'errors:schedule_ends_before_start'],
    ['five years of weeks', { sessionCount: null, until: '2031-09-24' }, 'errors:schedule_too_many_sessions'],
    ['201 sessions', { sessionCount: 201 }, 'errors:schedule_too_many_sessions'],
    // Input zod refuses (over HTTP the formatter names it errors:invalid_input).
    ['a date that does not exist', { firstDate: '2026-02-30' }, undefined],
    ['a time that does not exist', { startsAt: '25:00' }, undefined],
  ] as const)('%s', async (_name, change, message) => {
    const schedule = { ...TEN_WEEKS, ...change };
    const refusal = message ? { code: 'BAD_REQUEST', message } : { code: 'BAD_REQUEST' };
    await expect(api.courseSchedules.preview({ tenant, course, schedule })).rejects.toMatchObject(refusal);
    await expect(api.courseSchedules.generate({ tenant, course, schedule, version: null })).rejects.toMatchObject(
      refusal,
    );
    expect(await sessionsOf()).toEqual([]);
  });

  it('a schedule changed meanwhile is not overwritten', async () => {
    await api.courseSchedules.generate({ tenant, course, schedule: TEN_WEEKS, version: null });
    await expect(
      api.courseSchedules.generate({ tenant, course, schedule: { ...TEN_WEEKS, sessionCount: 3 }, version: null }),
    ).rejects.toMatchObject({ code: 'CONFLICT', message: 'errors:stale_version' });
    expect(await sessionsOf()).toHaveLength(10);
  });

  it('peers and viewers may not generate; a peer reads the schedule of their own course only', async () => {
    const own = await addCourse(world.tenant.id, 'Alis hold', world.users.peer.id);
    await api.courseSchedules.generate({ tenant, course: own, schedule: TEN_WEEKS, version: null });
    for (const who of ['peer', 'viewer'] as const) {
      await expect(
        callerFor(world.users[who]).api.courseSchedules.generate({
          tenant,
          course: own,
          schedule: TEN_WEEKS,
          version: 1,
        }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    const peer = callerFor(world.users.peer).api.courseSchedules;
    expect(await peer.get({ tenant, course: own })).toEqual({ schedule: { ...TEN_WEEKS, version: 1 }, canEdit: false });
    await expect(peer.get({ tenant, course })).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('a course of another workspace is not found', async () => {
    const theirs = await addCourse(world.other.id, 'Foreningens hold');
    await expect(
      api.courseSchedules.generate({ tenant, course: theirs, schedule: TEN_WEEKS, version: null }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'errors:parent_not_found' });
    expect(await sessionsOf(theirs)).toEqual([]);
  });
});
