import { beforeEach, describe, expect, it } from 'vitest';
import { addMember, as, createUser, privileged, type TestUser, type World } from '../src/testing/index.ts';
import { expectNoWrite, rlsMatrix } from '../src/testing/rls-matrix.ts';
import {
  COURSE_NAMES,
  courseMatrixSeed,
  createCourseWorld,
  MISSING_PARENT,
  type CourseSeed,
} from './course-fixtures.ts';
import { ids } from './helpers.ts';

const COURSE_COLUMNS = 'id, tenant_id, name, kind, location, facilitator_id, co_facilitator_id, version';
const SESSION_COLUMNS = 'id, tenant_id, course_id, held_on::text, status, note, version';

const courses = courseMatrixSeed((c) => [c.id]);
// Sessions with recorded attendance cannot be deleted (attendance-sessions.test.ts).
const sessions = courseMatrixSeed((c) => [c.emptySession]);

/**
 * Owners, admins, coordinators and viewers read every course; a peer reads only the courses they
 * lead or co-lead (decision 018). Owners, admins and coordinators add, change and remove them; a
 * peer changes only their own courses, and adds or removes none; a viewer only reads. Members of the association and the
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
    peer: { select: 'own', update: 'own' },
    viewer: 'read',
    stranger: 'edit',
    regionMember: 'edit',
    twoHats: { tenant: 'edit', other: 'read' },
    anonymous: 'none',
  },
});

/**
 * Sessions follow their course: editors and viewers read them all, a peer those of the courses
 * they facilitate; editors do everything; a peer adds sessions only to their own courses, changes
 * only those courses' sessions and removes none; a viewer only reads.
 */
rlsMatrix({
  table: 'public.course_sessions',
  // The later, still empty session of each course (see `sessions` above), and those inserted.
  where: "t.held_on = date '2026-01-26'",
  columns: SESSION_COLUMNS,
  seed: sessions.seed,
  insert: (tenantId, { mine }) => {
    const courseId = sessions.seedOf(tenantId).courses[mine ? 'led' : 'others'].id;
    return {
      sql: `insert into public.course_sessions (tenant_id, course_id, held_on, starts_at, duration_minutes)
            values ($1, $2, date '2026-01-26', time '10:00', 90) returning ${SESSION_COLUMNS}`,
      params: [tenantId, courseId],
      returns: {
        id: expect.any(String),
        tenant_id: tenantId,
        course_id: courseId,
        held_on: '2026-01-26',
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
    peer: { select: 'own', insert: 'own', update: 'own' },
    viewer: 'read',
    stranger: 'edit',
    regionMember: 'edit',
    twoHats: { tenant: 'edit', other: 'read' },
    anonymous: 'none',
  },
});

type Course = { id: string; name: string; facilitator_id: string | null; version: number };

describe('beyond the matrix', () => {
  let world: World;
  let seeds: Record<'tenant' | 'other', CourseSeed>;

  beforeEach(async () => {
    ({ world, seeds } = await createCourseWorld());
  });

  const rename = (user: TestUser, courseId: string) =>
    as(user, (tx) =>
      tx.query<Course>(
        "update public.courses set name = 'Omdøbt' where id = $1 returning id, name, facilitator_id, version",
        [courseId],
      ),
    );
  const addSession = (user: TestUser, workspace: 'tenant' | 'other', courseId: string) =>
    as(user, (tx) =>
      tx.query<{ id: string }>(
        "insert into public.course_sessions (tenant_id, course_id, held_on) values ($1, $2, date '2026-02-09') returning id",
        [world[workspace].id, courseId],
      ),
    );
  const recordAttendance = (user: TestUser, seed: CourseSeed, courseId: string, sessionId: string) =>
    as(user, (tx) =>
      tx.query<{ id: string }>(
        "insert into public.attendance (tenant_id, course_id, session_id, participant_id, status) values ($1, $2, $3, $4, 'present') returning id",
        [seed.tenantId, courseId, sessionId, seed.participants.second],
      ),
    );
  const storedCourse = (id: string) =>
    privileged((tx) =>
      tx.one<Course>('select id, name, facilitator_id, version from public.courses where id = $1', [id]),
    );
  const rowsOf = (table: string, tenantId: string) =>
    privileged((tx) => tx.query<{ id: string }>(`select id from ${table} where tenant_id = $1`, [tenantId]));

  /** A course of `workspace` led by a volunteer linked to `user`, written on the privileged path. */
  const courseLedBy = (workspace: 'tenant' | 'other', user: TestUser, id?: string) =>
    privileged(async (tx) => {
      const volunteer = await tx.one<{ id: string }>(
        "insert into public.volunteers (tenant_id, name, status, user_id) values ($1, 'Linket', 'active', $2) returning id",
        [world[workspace].id, user.id],
      );
      const course = await tx.one<{ id: string }>(
        `insert into public.courses (tenant_id, id, name, facilitator_id) values ($1, coalesce($2::uuid, gen_random_uuid()), 'Linket kursus', $3) returning id`,
        [world[workspace].id, id ?? null, volunteer!.id],
      );
      const session = await tx.one<{ id: string }>(
        "insert into public.course_sessions (tenant_id, course_id, held_on) values ($1, $2, date '2026-02-02') returning id",
        [world[workspace].id, course!.id],
      );
      await tx.query('insert into public.enrolments (tenant_id, course_id, participant_id) values ($1, $2, $3)', [
        world[workspace].id,
        course!.id,
        seeds[workspace].participants.second,
      ]);
      return { course: course!.id, session: session!.id };
    });

  describe('own courses are those of a peer', () => {
    it('a viewer linked to a course’s facilitator may still only read it', async () => {
      const { course, session } = await courseLedBy('tenant', world.users.viewer);
      expect(await rename(world.users.viewer, course)).toEqual([]);
      await expectNoWrite(addSession(world.users.viewer, 'tenant', course));
      await expectNoWrite(recordAttendance(world.users.viewer, seeds.tenant, course, session));
      expect(await storedCourse(course)).toMatchObject({ name: 'Linket kursus', version: 1 });
      expect(ids(await rowsOf('public.course_sessions', world.tenant.id))).toHaveLength(7);
    });

    it('a peer made viewer loses the courses they facilitate', async () => {
      const led = seeds.tenant.courses.led.id;
      expect(await rename(world.users.peer, led)).toEqual([expect.objectContaining({ name: 'Omdøbt', version: 2 })]);
      await privileged((tx) =>
        tx.query("update public.memberships set role = 'viewer' where id = $1", [world.memberships.peer]),
      );
      expect(await rename(world.users.peer, led)).toEqual([]);
      expect(await storedCourse(led)).toMatchObject({ name: 'Omdøbt', version: 2 });
    });

    it('a peer who facilitates no course changes none', async () => {
      const newcomer = await createUser('newcomer');
      await addMember(world.tenant, newcomer, 'peer');
      for (const name of COURSE_NAMES) expect(await rename(newcomer, seeds.tenant.courses[name].id)).toEqual([]);
      await expectNoWrite(addSession(newcomer, 'tenant', seeds.tenant.courses.led.id));
    });

    // A course id may leak (a link shared, an old export); a second account that owns another
    // workspace can give a course there the same id and link the peer to it as facilitator.
    it('a course of another workspace with the same id gives a peer no rights on the municipality’s', async () => {
      const target = seeds.tenant.courses.others;
      await addMember(world.other, world.users.peer, 'peer');
      // The seed already linked the peer's account to a volunteer of the association.
      const linked = await as(world.users.stranger, (tx) =>
        tx.query<{ id: string }>(
          "insert into public.courses (tenant_id, id, name, facilitator_id) values ($1, $2, 'Kopi', $3) returning id",
          [world.other.id, target.id, seeds.other.volunteers.facilitator],
        ),
      );
      expect(linked).toEqual([{ id: target.id }]);

      expect(
        await as(world.users.peer, (tx) =>
          tx.query<Course>("update public.courses set name = 'Kapret' where tenant_id = $1 and id = $2 returning id", [
            world.tenant.id,
            target.id,
          ]),
        ),
      ).toEqual([]);
      await expectNoWrite(addSession(world.users.peer, 'tenant', target.id));
      await expectNoWrite(recordAttendance(world.users.peer, seeds.tenant, target.id, target.session));
      const visible = await as(world.users.peer, (tx) =>
        tx.query<{ id: string }>('select id from public.enrolments where tenant_id = $1', [world.tenant.id]),
      );
      expect(ids(visible)).toEqual(
        [...seeds.tenant.courses.led.enrolments, ...seeds.tenant.courses.coLed.enrolments].sort(),
      );
    });

    it('an outsider facilitating a course with the same id in their workspace reads nothing of the municipality', async () => {
      const target = seeds.tenant.courses.others;
      const outsider = await createUser('outsider');
      await addMember(world.other, outsider, 'peer');
      await courseLedBy('other', outsider, target.id);
      for (const table of ['public.enrolments', 'public.attendance']) {
        const visible = await as(outsider, (tx) =>
          tx.query<{ id: string }>(`select id from ${table} where tenant_id = $1`, [world.tenant.id]),
        );
        expect(visible, table).toEqual([]);
      }
    });
  });

  describe('volunteers.user_id', () => {
    it('links an account to at most one volunteer per workspace', async () => {
      const duplicate = { code: '23505', constraint: 'volunteers_tenant_id_user_id_key' };
      await expect(
        privileged((tx) =>
          tx.query("insert into public.volunteers (tenant_id, name, user_id) values ($1, 'Frida igen', $2)", [
            world.tenant.id,
            world.users.peer.id,
          ]),
        ),
      ).rejects.toMatchObject(duplicate);
      await expect(
        as(world.users.coordinator, (tx) =>
          tx.query('update public.volunteers set user_id = $2 where id = $1', [
            seeds.tenant.volunteers.colleague,
            world.users.peer.id,
          ]),
        ),
      ).rejects.toMatchObject(duplicate);
      // Unlinked volunteers are many; the same account is linked once in each workspace (the seed).
      await privileged((tx) =>
        tx.query("insert into public.volunteers (tenant_id, name) values ($1, 'Uden konto'), ($1, 'Også uden')", [
          world.tenant.id,
        ]),
      );
      const linked = await privileged((tx) =>
        tx.query<{ tenant_id: string }>('select tenant_id from public.volunteers where user_id = $1 order by 1', [
          world.users.peer.id,
        ]),
      );
      expect(linked.map((r) => r.tenant_id).sort()).toEqual([world.tenant.id, world.other.id].sort());
    });
  });

  describe('integrity', () => {
    it('a course cannot be led by a volunteer of another workspace', async () => {
      await expect(
        privileged((tx) =>
          tx.query("insert into public.courses (tenant_id, name, facilitator_id) values ($1, 'Lånt', $2)", [
            world.tenant.id,
            seeds.other.volunteers.colleague,
          ]),
        ),
      ).rejects.toMatchObject(MISSING_PARENT);
    });

    it('a session cannot hang under a course of another workspace', async () => {
      await expect(
        privileged((tx) =>
          tx.query('insert into public.course_sessions (tenant_id, course_id, held_on) values ($1, $2, current_date)', [
            world.tenant.id,
            seeds.other.courses.others.id,
          ]),
        ),
      ).rejects.toMatchObject(MISSING_PARENT);
    });

    it('nobody moves a row to another course or workspace, not even the owner', async () => {
      const { led, others } = seeds.tenant.courses;
      const moves = [
        ['public.course_sessions', 'course_id', led.session, others.id],
        ['public.enrolments', 'course_id', led.enrolments[0], others.id],
        ['public.attendance', 'course_id', led.attendance, others.id],
        ['public.courses', 'tenant_id', led.id, world.other.id],
        ['public.course_sessions', 'tenant_id', led.session, world.other.id],
      ] as const;
      for (const [table, column, id, value] of moves) {
        const before = await privileged((tx) => tx.one(`select * from ${table} where id = $1`, [id]));
        await expect(
          as(world.users.owner, (tx) => tx.query(`update ${table} set ${column} = $2 where id = $1`, [id, value])),
          `${table}.${column}`,
        ).rejects.toThrow(/permission denied/);
        expect(await privileged((tx) => tx.one(`select * from ${table} where id = $1`, [id]))).toEqual(before);
      }
    });

    it('removing a course removes its sessions and attendance, and only its', async () => {
      const { led, coLed, others } = seeds.tenant.courses;
      expect(
        await as(world.users.coordinator, (tx) =>
          tx.query('delete from public.courses where id = $1 returning id', [led.id]),
        ),
      ).toEqual([{ id: led.id }]);
      expect(ids(await rowsOf('public.attendance', world.tenant.id))).toEqual(
        [coLed.attendance, others.attendance].sort(),
      );
      expect(ids(await rowsOf('public.course_sessions', world.tenant.id))).toEqual(
        [coLed.session, coLed.emptySession, others.session, others.emptySession].sort(),
      );
    });
  });
});
