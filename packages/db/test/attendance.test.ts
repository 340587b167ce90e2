import { expect } from 'vitest';
import { rlsMatrix } from '../src/testing/rls-matrix.ts';
import { courseMatrixSeed } from './course-fixtures.ts';

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
