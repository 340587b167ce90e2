import { beforeEach, describe, expect, it } from 'vitest';
import { as, privileged, type World } from '../src/testing/index.ts';
import { rlsMatrix } from '../src/testing/rls-matrix.ts';
import { courseMatrixSeed, createCourseWorld, MISSING_PARENT, type CourseSeed } from './course-fixtures.ts';

const COLUMNS = 'id, tenant_id, course_id, participant_id, started_on::text, ended_on::text, status, version';

const enrolments = courseMatrixSeed((c) => c.enrolments);

/**
 * Who is on a course is personal data: owners, admins and coordinators do everything, viewers
 * read, and a peer reads only the enrolments of the courses they lead or co-lead and changes none.
 * Nobody sees or touches another workspace's enrolments.
 */
rlsMatrix({
  table: 'public.enrolments',
  columns: COLUMNS,
  seed: enrolments.seed,
  insert: (tenantId) => {
    const seed = enrolments.seedOf(tenantId);
    return {
      sql: `insert into public.enrolments (tenant_id, course_id, participant_id, started_on)
            values ($1, $2, $3, date '2026-02-02') returning ${COLUMNS}`,
      params: [tenantId, seed.courses.led.id, seed.participants.spare],
      returns: {
        id: expect.any(String),
        tenant_id: tenantId,
        course_id: seed.courses.led.id,
        participant_id: seed.participants.spare,
        started_on: '2026-02-02',
        ended_on: null,
        status: 'enrolled',
        version: 1,
      },
    };
  },
  update: {
    sql: `update public.enrolments set status = 'completed', ended_on = date '2026-03-30' where id = $1 returning ${COLUMNS}`,
    returns: (before) => ({ ...before, status: 'completed', ended_on: '2026-03-30', version: 2 }),
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

describe('composite keys', () => {
  let world: World;
  let seeds: Record<'tenant' | 'other', CourseSeed>;

  beforeEach(async () => {
    ({ world, seeds } = await createCourseWorld());
  });

  /** An enrolment in the municipality, on the privileged path, which no policy narrows. */
  const enrol = (courseId: string, participantId: string) =>
    privileged((tx) =>
      tx.query<{ id: string }>(
        'insert into public.enrolments (tenant_id, course_id, participant_id) values ($1, $2, $3) returning id',
        [world.tenant.id, courseId, participantId],
      ),
    );

  it('enrols a participant of the workspace on its course', async () => {
    expect(await enrol(seeds.tenant.courses.led.id, seeds.tenant.participants.spare)).toEqual([
      { id: expect.any(String) },
    ]);
  });

  it('refuses a course of another workspace', async () => {
    await expect(enrol(seeds.other.courses.led.id, seeds.tenant.participants.spare)).rejects.toMatchObject(
      MISSING_PARENT,
    );
  });

  it('refuses a participant of another workspace', async () => {
    await expect(enrol(seeds.tenant.courses.led.id, seeds.other.participants.spare)).rejects.toMatchObject(
      MISSING_PARENT,
    );
  });

  it('refuses moving an enrolment to a participant of another workspace', async () => {
    await expect(
      as(world.users.coordinator, (tx) =>
        tx.query('update public.enrolments set participant_id = $2 where id = $1', [
          seeds.tenant.courses.led.enrolments[0],
          seeds.other.participants.spare,
        ]),
      ),
    ).rejects.toMatchObject(MISSING_PARENT);
  });
});
