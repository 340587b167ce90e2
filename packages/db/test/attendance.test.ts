import { beforeEach, describe, expect, it } from 'vitest';
import { as, privileged, type World } from '../src/testing/index.ts';
import { rlsMatrix } from '../src/testing/rls-matrix.ts';
import { courseMatrixSeed, createCourseWorld, MISSING_PARENT, type CourseSeed } from './course-fixtures.ts';

const COLUMNS = 'id, tenant_id, course_id, session_id, participant_id, status, version';

const attendance = courseMatrixSeed((c) => [c.attendance]);

/**
 * Owners, admins and coordinators record everyone's attendance, viewers read it, and a peer reads
 * and records (adds, changes, clears) attendance only on the courses they lead or co-lead.
 * Nobody sees or touches another workspace's attendance.
 */
rlsMatrix({
  table: 'public.attendance',
  columns: COLUMNS,
  seed: attendance.seed,
  // The seed recorded the first participant at each session; the second one is still open.
  insert: (tenantId, { mine }) => {
    const seed = attendance.seedOf(tenantId);
    const course = seed.courses[mine ? 'led' : 'others'];
    return {
      sql: `insert into public.attendance (tenant_id, course_id, session_id, participant_id, status)
            values ($1, $2, $3, $4, 'no_show') returning ${COLUMNS}`,
      params: [tenantId, course.id, course.session, seed.participants.second],
      returns: {
        id: expect.any(String),
        tenant_id: tenantId,
        course_id: course.id,
        session_id: course.session,
        participant_id: seed.participants.second,
        status: 'no_show',
        version: 1,
      },
    };
  },
  update: {
    sql: `update public.attendance set status = 'absent' where id = $1 returning ${COLUMNS}`,
    returns: (before) => ({ ...before, status: 'absent', version: 2 }),
  },
  delete: true,
  expect: {
    owner: 'edit',
    admin: 'edit',
    coordinator: 'edit',
    peer: { select: 'own', insert: 'own', update: 'own', delete: 'own' },
    viewer: 'read',
    stranger: 'edit',
    regionMember: 'edit',
    twoHats: { tenant: 'edit', other: 'read' },
    anonymous: 'none',
  },
});

describe('composite keys', () => {
  let world: World;
  let seeds: Record<'tenant' | 'other', CourseSeed>;

  beforeEach(async () => {
    ({ world, seeds } = await createCourseWorld());
  });

  type Attendance = { course: string; session: string; participant: string };

  /** Attendance on the privileged path, which no policy narrows: only the keys can refuse it. */
  const attend = ({ course, session, participant }: Attendance) =>
    privileged((tx) =>
      tx.query<{ id: string }>(
        "insert into public.attendance (tenant_id, course_id, session_id, participant_id, status) values ($1, $2, $3, $4, 'present') returning id",
        [world.tenant.id, course, session, participant],
      ),
    );

  it('records an enrolled participant at a session of the course', async () => {
    const { led } = seeds.tenant.courses;
    expect(
      await attend({ course: led.id, session: led.session, participant: seeds.tenant.participants.second }),
    ).toEqual([{ id: expect.any(String) }]);
  });

  it('refuses a session of one course under another', async () => {
    const { led, others } = seeds.tenant.courses;
    await expect(
      attend({ course: led.id, session: others.session, participant: seeds.tenant.participants.second }),
    ).rejects.toMatchObject(MISSING_PARENT);
  });

  it('refuses a participant not enrolled on the course', async () => {
    const { led } = seeds.tenant.courses;
    await expect(
      attend({ course: led.id, session: led.session, participant: seeds.tenant.participants.spare }),
    ).rejects.toMatchObject(MISSING_PARENT);
  });

  it('refuses a course, session or participant of another workspace', async () => {
    const mine = seeds.tenant.courses.led;
    const theirs = seeds.other.courses.led;
    const cases: Attendance[] = [
      // The association's rows, filed under the municipality.
      { course: theirs.id, session: theirs.session, participant: seeds.other.participants.second },
      { course: mine.id, session: theirs.session, participant: seeds.tenant.participants.second },
      { course: mine.id, session: mine.session, participant: seeds.other.participants.second },
    ];
    for (const row of cases) await expect(attend(row)).rejects.toMatchObject(MISSING_PARENT);
  });

  it('refuses moving attendance to a session of another course', async () => {
    const { led, others } = seeds.tenant.courses;
    // A session of the other course at which the participant has no attendance yet.
    const later = await privileged((tx) =>
      tx.one<{ id: string }>(
        "insert into public.course_sessions (tenant_id, course_id, held_on) values ($1, $2, date '2026-01-19') returning id",
        [world.tenant.id, others.id],
      ),
    );
    await expect(
      as(world.users.coordinator, (tx) =>
        tx.query('update public.attendance set session_id = $2 where id = $1', [led.attendance, later!.id]),
      ),
    ).rejects.toMatchObject(MISSING_PARENT);
  });
});
