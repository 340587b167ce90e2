import { createWorld, privileged } from '../src/testing/index.ts';
import type { Tx } from '../src/tx.ts';
import type { MatrixContext, SeededRow } from '../src/testing/rls-matrix.ts';

/**
 * One workspace's courses, as the per-table course tests need them, written on the privileged
 * path. `linkedUserId`'s account is linked to the volunteer `facilitator`, who leads `led` and
 * co-leads `coLed`; `others` is led by a volunteer linked to nobody. Each course has one session,
 * two enrolled participants (`first`, `second`) and one attendance row (`first` at the session),
 * so a test can still add the second participant's attendance; and a later session with no
 * attendance yet (`emptySession`), which may still be deleted. `spare` is enrolled nowhere.
 */
export type CourseSeed = {
  tenantId: string;
  volunteers: { facilitator: string; colleague: string };
  participants: { first: string; second: string; spare: string };
  courses: Record<CourseName, CourseRows>;
};
export type CourseName = 'led' | 'coLed' | 'others';
export type CourseRows = {
  id: string;
  session: string;
  emptySession: string;
  enrolments: string[];
  attendance: string;
};

export const COURSE_NAMES: CourseName[] = ['led', 'coLed', 'others'];
/** The courses the linked account facilitates (as lead or as co-facilitator). */
export const OWN_COURSES: CourseName[] = ['led', 'coLed'];

export async function seedCourses(tx: Tx, tenantId: string, linkedUserId: string | null): Promise<CourseSeed> {
  const id = async (sql: string, params: unknown[]) => (await tx.one<{ id: string }>(sql, params))!.id;
  const volunteer = (name: string, userId: string | null) =>
    id("insert into public.volunteers (tenant_id, name, status, user_id) values ($1, $2, 'active', $3) returning id", [
      tenantId,
      name,
      userId,
    ]);
  const participant = (firstName: string) =>
    id('insert into public.participants (tenant_id, first_name, birth_year) values ($1, $2, 1990) returning id', [
      tenantId,
      firstName,
    ]);

  const volunteers = { facilitator: await volunteer('Frida', linkedUserId), colleague: await volunteer('Kim', null) };
  const participants = {
    first: await participant('Mette'),
    second: await participant('Jonas'),
    spare: await participant('Sara'),
  };
  const leads: Record<CourseName, [string, string | null]> = {
    led: [volunteers.facilitator, null],
    coLed: [volunteers.colleague, volunteers.facilitator],
    others: [volunteers.colleague, null],
  };

  const courses = {} as Record<CourseName, CourseRows>;
  for (const name of COURSE_NAMES) {
    const [facilitator, coFacilitator] = leads[name];
    const course = await id(
      `insert into public.courses (tenant_id, name, facilitator_id, co_facilitator_id, starts_on)
       values ($1, $2, $3, $4, date '2026-01-05') returning id`,
      [tenantId, `Kursus ${name}`, facilitator, coFacilitator],
    );
    const session = await id(
      "insert into public.course_sessions (tenant_id, course_id, held_on) values ($1, $2, date '2026-01-12') returning id",
      [tenantId, course],
    );
    const emptySession = await id(
      "insert into public.course_sessions (tenant_id, course_id, held_on) values ($1, $2, date '2026-01-26') returning id",
      [tenantId, course],
    );
    const enrolments = [];
    for (const p of [participants.first, participants.second]) {
      enrolments.push(
        await id(
          "insert into public.enrolments (tenant_id, course_id, participant_id, started_on) values ($1, $2, $3, date '2026-01-05') returning id",
          [tenantId, course, p],
        ),
      );
    }
    const attendance = await id(
      "insert into public.attendance (tenant_id, course_id, session_id, participant_id, status) values ($1, $2, $3, $4, 'present') returning id",
      [tenantId, course, session, participants.first],
    );
    courses[name] = { id: course, session, emptySession, enrolments, attendance };
  }
  return { tenantId, volunteers, participants, courses };
}

/**
 * An rlsMatrix seed over `seedCourses`: every workspace gets the same courses, the peer's account
 * linked to the facilitator in each. Only in the municipality, where they are a peer, does that
 * make a course theirs; elsewhere the link must give them nothing. `rowsOf` picks the table's rows
 * of a course; those of the courses the peer facilitates are marked as theirs. `seedOf` gives the
 * current world's seed of a workspace, for the insert builders.
 */
export function courseMatrixSeed(rowsOf: (course: CourseRows) => string[]) {
  const seeds = new Map<string, CourseSeed>();
  const seed = async (tx: Tx, tenantId: string, { world }: MatrixContext): Promise<SeededRow[]> => {
    const s = await seedCourses(tx, tenantId, world.users.peer.id);
    seeds.set(tenantId, s);
    return COURSE_NAMES.flatMap((name) =>
      rowsOf(s.courses[name]).map((id) => (OWN_COURSES.includes(name) ? { id, ownedBy: ['peer' as const] } : { id })),
    );
  };
  return { seed, seedOf: (tenantId: string) => seeds.get(tenantId)! };
}

/** `createWorld` with courses in the municipality and the association, the peer linked in both. */
export async function createCourseWorld() {
  const world = await createWorld();
  const seeds = {
    tenant: await privileged((tx) => seedCourses(tx, world.tenant.id, world.users.peer.id)),
    other: await privileged((tx) => seedCourses(tx, world.other.id, world.users.peer.id)),
  };
  return { world, seeds };
}

/** What Postgres reports when a foreign key has no matching row. */
export const MISSING_PARENT = { code: '23503' };
