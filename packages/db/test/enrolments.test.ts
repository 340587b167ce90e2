import { expect } from 'vitest';
import { rlsMatrix } from '../src/testing/rls-matrix.ts';
import { courseMatrixSeed } from './course-fixtures.ts';

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
