import { expect } from 'vitest';
import { rlsMatrix } from '../src/testing/rls-matrix.ts';
import { courseMatrixSeed } from './course-fixtures.ts';

const COLUMNS = 'id, tenant_id, course_id, session_id, volunteer_id, status, version';

// The courses only; the presence rows are added below, one per course.
const facilitators = courseMatrixSeed(() => []);

/**
 * The facilitators' own presence follows attendance: editors record it on every course, viewers
 * read it, a peer reads and records it on the courses they lead or co-lead only; nobody sees
 * another workspace's.
 */
rlsMatrix({
  table: 'public.facilitator_attendance',
  columns: COLUMNS,
  seed: async (tx, tenantId, ctx) => {
    // The course seed first, then one record per course: its lead volunteer at its first session.
    await facilitators.seed(tx, tenantId, ctx);
    const seed = facilitators.seedOf(tenantId);
    const out = [];
    for (const [name, course] of Object.entries(seed.courses)) {
      const volunteer = name === 'led' ? seed.volunteers.facilitator : seed.volunteers.colleague;
      const row = await tx.one<{ id: string }>(
        `insert into public.facilitator_attendance (tenant_id, course_id, session_id, volunteer_id, status)
         values ($1, $2, $3, $4, 'present') returning id`,
        [tenantId, course.id, course.session, volunteer],
      );
      out.push(name === 'others' ? { id: row!.id } : { id: row!.id, ownedBy: ['peer' as const] });
    }
    return out;
  },
  insert: (tenantId, { mine }) => {
    const seed = facilitators.seedOf(tenantId);
    const course = seed.courses[mine ? 'led' : 'others'];
    // Nobody's presence at the later session is recorded yet.
    return {
      sql: `insert into public.facilitator_attendance (tenant_id, course_id, session_id, volunteer_id, status)
            values ($1, $2, $3, $4, 'absent') returning ${COLUMNS}`,
      params: [tenantId, course.id, course.emptySession, seed.volunteers.colleague],
      returns: {
        id: expect.any(String),
        tenant_id: tenantId,
        course_id: course.id,
        session_id: course.emptySession,
        volunteer_id: seed.volunteers.colleague,
        status: 'absent',
        version: 1,
      },
    };
  },
  update: {
    sql: `update public.facilitator_attendance set status = 'absent' where id = $1 returning ${COLUMNS}`,
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
