import { expect } from 'vitest';
import { rlsMatrix } from '../src/testing/rls-matrix.ts';
import { courseMatrixSeed } from './course-fixtures.ts';

const COURSE_COLUMNS = 'id, tenant_id, name, kind, location, facilitator_id, co_facilitator_id, version';
const SESSION_COLUMNS = 'id, tenant_id, course_id, held_on::text, status, note, version';

const courses = courseMatrixSeed((c) => [c.id]);
const sessions = courseMatrixSeed((c) => [c.session]);

/**
 * Every member reads the courses, peers too (a course is an offer, not personal data). Owners,
 * admins and coordinators add, change and remove them; a peer changes only the courses they lead
 * or co-lead, and adds or removes none; a viewer only reads. Members of the association and the
 * region (in active partnership with the municipality) see only their own workspace's courses.
 */
rlsMatrix({
  table: 'public.courses',
  columns: COURSE_COLUMNS,
  seed: courses.seed,
  insert: (tenantId) => ({
    sql: `insert into public.courses (tenant_id, name, kind, location) values ($1, 'Recovery-café', 'recovery_cafe', 'Biblioteket') returning ${COURSE_COLUMNS}`,
    params: [tenantId],
    returns: {
      id: expect.any(String),
      tenant_id: tenantId,
      name: 'Recovery-café',
      kind: 'recovery_cafe',
      location: 'Biblioteket',
      facilitator_id: null,
      co_facilitator_id: null,
      version: 1,
    },
  }),
  update: {
    sql: `update public.courses set name = 'Flyttet kursus', location = 'Medborgerhuset' where id = $1 returning ${COURSE_COLUMNS}`,
    returns: (before) => ({ ...before, name: 'Flyttet kursus', location: 'Medborgerhuset', version: 2 }),
  },
  delete: true,
  expect: {
    owner: 'edit',
    admin: 'edit',
    coordinator: 'edit',
    peer: { select: 'all', update: 'own' },
    viewer: 'read',
    stranger: 'edit',
    regionMember: 'edit',
    twoHats: { tenant: 'edit', other: 'read' },
    anonymous: 'none',
  },
});

/**
 * Sessions follow their course: every member reads them; editors do everything; a peer adds
 * sessions only to the courses they facilitate, changes only those courses' sessions and removes
 * none; a viewer only reads.
 */
rlsMatrix({
  table: 'public.course_sessions',
  columns: SESSION_COLUMNS,
  seed: sessions.seed,
  insert: (tenantId, { mine }) => {
    const courseId = sessions.seedOf(tenantId).courses[mine ? 'led' : 'others'].id;
    return {
      sql: `insert into public.course_sessions (tenant_id, course_id, held_on, starts_at, duration_minutes)
            values ($1, $2, date '2026-01-19', time '10:00', 90) returning ${SESSION_COLUMNS}`,
      params: [tenantId, courseId],
      returns: {
        id: expect.any(String),
        tenant_id: tenantId,
        course_id: courseId,
        held_on: '2026-01-19',
        status: 'planned',
        note: null,
        version: 1,
      },
    };
  },
  update: {
    sql: `update public.course_sessions set status = 'held', note = 'Seks fremmødte' where id = $1 returning ${SESSION_COLUMNS}`,
    returns: (before) => ({ ...before, status: 'held', note: 'Seks fremmødte', version: 2 }),
  },
  delete: true,
  expect: {
    owner: 'edit',
    admin: 'edit',
    coordinator: 'edit',
    peer: { select: 'all', insert: 'own', update: 'own' },
    viewer: 'read',
    stranger: 'edit',
    regionMember: 'edit',
    twoHats: { tenant: 'edit', other: 'read' },
    anonymous: 'none',
  },
});
