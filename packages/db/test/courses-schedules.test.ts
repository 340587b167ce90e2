import { beforeEach, describe, expect, it } from 'vitest';
import { scheduleDates } from '../src/schedule.ts';
import { as, privileged, type World } from '../src/testing/index.ts';
import { rlsMatrix, type MatrixContext, type SeededRow } from '../src/testing/rls-matrix.ts';
import type { Tx } from '../src/tx.ts';
import { createCourseWorld, seedCourses, type CourseSeed } from './course-fixtures.ts';

const COLUMNS = 'id, tenant_id, course_id, frequency, session_count, until::text, starts_at::text, version';

const seeds = new Map<string, CourseSeed>();

/** Schedules on `led` (the peer's) and `others`; `coLed` has none yet, so an insert can add one. */
async function seedSchedules(tx: Tx, tenantId: string, { world }: MatrixContext): Promise<SeededRow[]> {
  const seed = await seedCourses(tx, tenantId, world.users.peer.id);
  seeds.set(tenantId, seed);
  const rows: SeededRow[] = [];
  for (const name of ['led', 'others'] as const) {
    const row = await tx.one<{ id: string }>(
      `insert into public.course_schedules (tenant_id, course_id, frequency, first_date, session_count, starts_at, duration_minutes)
       values ($1, $2, 'weekly', date '2026-01-12', 10, time '17:00', 120) returning id`,
      [tenantId, seed.courses[name].id],
    );
    rows.push(name === 'led' ? { id: row!.id, ownedBy: ['peer'] } : { id: row!.id });
  }
  return rows;
}

/**
 * Schedules are read by whoever reads the course (a peer: their own courses only) and set,
 * changed and removed only by owners, admins and coordinators: regenerating one removes sessions,
 * which a peer may not.
 */
rlsMatrix({
  table: 'public.course_schedules',
  columns: COLUMNS,
  seed: seedSchedules,
  insert: (tenantId) => {
    const courseId = seeds.get(tenantId)!.courses.coLed.id;
    return {
      sql: `insert into public.course_schedules (tenant_id, course_id, frequency, first_date, until, starts_at, duration_minutes)
            values ($1, $2, 'fortnightly', date '2026-03-05', date '2026-07-02', time '15:00', 120) returning ${COLUMNS}`,
      params: [tenantId, courseId],
      returns: {
        id: expect.any(String),
        tenant_id: tenantId,
        course_id: courseId,
        frequency: 'fortnightly',
        session_count: null,
        until: '2026-07-02',
        starts_at: '15:00:00',
        version: 1,
      },
    };
  },
  update: {
    sql: `update public.course_schedules set session_count = 12 where id = $1 returning ${COLUMNS}`,
    returns: (before) => ({ ...before, session_count: 12, version: 2 }),
  },
  delete: true,
  expect: {
    owner: 'edit',
    admin: 'edit',
    coordinator: 'edit',
    peer: { select: 'own' },
    viewer: 'read',
    stranger: 'edit',
    regionMember: 'edit',
    twoHats: { tenant: 'edit', other: 'read' },
    anonymous: 'none',
  },
});

describe('a schedule in the database', () => {
  let world: World;
  let seed: CourseSeed;

  beforeEach(async () => {
    let both;
    ({ world, seeds: both } = await createCourseWorld());
    seed = both.tenant;
  });

  it('ends either after a number of sessions or on a date, never both or neither, never before it starts', async () => {
    const course = seed.courses.coLed.id;
    const write = (count: number | null, until: string | null) =>
      as(world.users.coordinator, (tx) =>
        tx.query(
          `insert into public.course_schedules (tenant_id, course_id, first_date, session_count, until, starts_at, duration_minutes)
           values ($1, $2, date '2026-03-05', $3, $4::date, time '15:00', 120) returning id`,
          [world.tenant.id, course, count, until],
        ),
      );
    await expect(write(null, null)).rejects.toMatchObject({ constraint: 'course_schedules_one_end' });
    await expect(write(10, '2026-06-01')).rejects.toMatchObject({ constraint: 'course_schedules_one_end' });
    await expect(write(null, '2026-03-01')).rejects.toMatchObject({
      constraint: 'course_schedules_until_after_first',
    });
    expect(await write(10, null)).toHaveLength(1);
  });

  // 2026: summer time begins on 29 March and ends on 25 October in Europe/Copenhagen.
  it('every 14 days across both daylight-saving changes, a 15:00 session stays 15:00 local', async () => {
    const dates = scheduleDates({
      frequency: 'fortnightly',
      firstDate: '2026-03-12',
      sessionCount: null,
      until: '2026-11-30',
    });
    const course = seed.courses.coLed.id;
    await as(world.users.coordinator, (tx) =>
      tx.query(
        `insert into public.course_sessions (tenant_id, course_id, held_on, scheduled_on, starts_at, duration_minutes)
         select $1, $2, d, d, time '15:00', 120 from unnest($3::date[]) d`,
        [world.tenant.id, course, dates],
      ),
    );
    const sessions = await as(world.users.coordinator, (tx) =>
      tx.query<{ held_on: string; local: string; utc: string; gap: number | null }>(
        `select held_on::text,
                to_char((held_on + starts_at) at time zone 'Europe/Copenhagen' at time zone 'Europe/Copenhagen', 'HH24:MI') as local,
                to_char((held_on + starts_at) at time zone 'Europe/Copenhagen' at time zone 'UTC', 'HH24:MI') as utc,
                held_on - lag(held_on) over (order by held_on) as gap
         from public.course_sessions
         -- The schedule's sessions, not the fixture's own sessions of the course.
         where course_id = $1 and scheduled_on is not null order by held_on`,
        [course],
      ),
    );
    expect(sessions).toHaveLength(19);
    expect(sessions[0]).toMatchObject({ held_on: '2026-03-12', utc: '14:00' });
    expect(sessions.at(-1)).toMatchObject({ held_on: '2026-11-19', utc: '14:00' });
    expect(sessions.slice(1).every((s) => s.gap === 14)).toBe(true);
    expect(new Set(sessions.map((s) => s.local))).toEqual(new Set(['15:00']));
    // The instant moves an hour with the clocks; the wall-clock time does not.
    const summer = sessions.filter((s) => s.held_on > '2026-03-29' && s.held_on < '2026-10-25');
    const winter = sessions.filter((s) => s.held_on < '2026-03-29' || s.held_on > '2026-10-25');
    expect(summer.map((s) => s.held_on)).toContain('2026-04-09');
    expect(winter.map((s) => s.held_on)).toEqual(['2026-03-12', '2026-03-26', '2026-11-05', '2026-11-19']);
    expect(new Set(summer.map((s) => s.utc))).toEqual(new Set(['13:00']));
    expect(new Set(winter.map((s) => s.utc))).toEqual(new Set(['14:00']));
  });

  it('a schedule goes with its course', async () => {
    const course = seed.courses.coLed.id;
    await privileged((tx) =>
      tx.query(
        `insert into public.course_schedules (tenant_id, course_id, first_date, session_count, starts_at, duration_minutes)
         values ($1, $2, date '2026-03-05', 4, time '15:00', 120)`,
        [world.tenant.id, course],
      ),
    );
    await as(world.users.coordinator, (tx) => tx.query('delete from public.courses where id = $1', [course]));
    expect(
      await privileged((tx) => tx.query('select id from public.course_schedules where course_id = $1', [course])),
    ).toEqual([]);
  });
});
