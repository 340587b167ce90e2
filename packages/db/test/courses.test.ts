import { expect } from 'vitest';
import { rlsMatrix, type MatrixContext } from '../src/testing/rls-matrix.ts';
import type { Tx } from '../src/tx.ts';
import { seedCourses, seededRows, type CourseSeed } from './course-fixtures.ts';

const COURSE_COLUMNS = 'id, tenant_id, name, kind, location, facilitator_id, co_facilitator_id, version';
const SESSION_COLUMNS = 'id, tenant_id, course_id, held_on::text, status, note, version';

/** The seed of each workspace of the current matrix world, by tenant id, for the insert builders. */
const seeds = new Map<string, CourseSeed>();
/**
 * Every workspace gets the same courses; the peer's account is linked to a facilitator in each,
 * but only in the municipality, where they are a peer, does that make a course theirs.
 */
const seed = async (tx: Tx, tenantId: string, { world }: MatrixContext) => {
  const s = await seedCourses(tx, tenantId, world.users.peer.id);
  seeds.set(tenantId, s);
  return s;
};
const seedOf = (tenantId: string) => seeds.get(tenantId)!;

/**
 * Every member reads the courses, peers too (a course is an offer, not personal data). Owners,
 * admins and coordinators add, change and remove them; a peer changes only the courses they lead
 * or co-lead, and adds or removes none; a viewer only reads. Members of the association and the
 * region (in active partnership with the municipality) see only their own workspace's courses.
 */
rlsMatrix({
  table: 'public.courses',
  columns: COURSE_COLUMNS,
  seed: async (tx, tenantId, ctx) => seededRows(await seed(tx, tenantId, ctx), 'peer', (c) => [c.id]),
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
  seed: async (tx, tenantId, ctx) => seededRows(await seed(tx, tenantId, ctx), 'peer', (c) => [c.session]),
  insert: (tenantId, { mine }) => {
    const courseId = seedOf(tenantId).courses[mine ? 'led' : 'others'].id;
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
