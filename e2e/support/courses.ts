import type pg from 'pg';
import type { User, Workspace } from '../fixtures.ts';

/**
 * Setup for the courses pages, written straight into the e2e database on the privileged path
 * (as the roster tests seed volunteers): people, courses and their sessions, enrolments and
 * attendance. Each returns the ids a test needs to build URLs or check the database.
 */

type Role = 'owner' | 'admin' | 'coordinator' | 'peer' | 'viewer';

export async function addMembership(db: pg.Client, workspace: Workspace, user: User, role: Role) {
  await db.query(
    'insert into public.memberships (tenant_id, user_id, role, display_name, email) values ($1, $2, $3, $4, $5)',
    [workspace.id, user.id, role, user.name, user.email],
  );
}

export async function seedVolunteer(
  db: pg.Client,
  workspace: Workspace,
  volunteer: { name: string; email?: string; userId?: string },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    "insert into public.volunteers (tenant_id, name, email, status, user_id) values ($1, $2, $3, 'active', $4) returning id",
    [workspace.id, volunteer.name, volunteer.email ?? null, volunteer.userId ?? null],
  );
  return rows[0]!.id;
}

/** Participants by first name, in the order given; returns their ids in that order. */
export async function seedParticipants(db: pg.Client, workspace: Workspace, firstNames: string[]): Promise<string[]> {
  const ids: string[] = [];
  for (const firstName of firstNames) {
    const { rows } = await db.query<{ id: string }>(
      "insert into public.participants (tenant_id, first_name, status) values ($1, $2, 'active') returning id",
      [workspace.id, firstName],
    );
    ids.push(rows[0]!.id);
  }
  return ids;
}

export async function seedCourse(
  db: pg.Client,
  workspace: Workspace,
  course: { name: string; facilitatorId?: string },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    'insert into public.courses (tenant_id, name, facilitator_id) values ($1, $2, $3) returning id',
    [workspace.id, course.name, course.facilitatorId ?? null],
  );
  return rows[0]!.id;
}

/** Held sessions on the given ISO dates; returns their ids in date order. */
export async function seedSessions(
  db: pg.Client,
  workspace: Workspace,
  courseId: string,
  dates: string[],
): Promise<string[]> {
  const ids: string[] = [];
  for (const heldOn of dates) {
    const { rows } = await db.query<{ id: string }>(
      "insert into public.course_sessions (tenant_id, course_id, held_on, status) values ($1, $2, $3, 'held') returning id",
      [workspace.id, courseId, heldOn],
    );
    ids.push(rows[0]!.id);
  }
  return ids;
}

export async function enrol(db: pg.Client, workspace: Workspace, courseId: string, participantIds: string[]) {
  for (const participantId of participantIds) {
    await db.query('insert into public.enrolments (tenant_id, course_id, participant_id) values ($1, $2, $3)', [
      workspace.id,
      courseId,
      participantId,
    ]);
  }
}

export async function recordAttendance(
  db: pg.Client,
  workspace: Workspace,
  courseId: string,
  sessionId: string,
  statuses: { participantId: string; status: string }[],
) {
  for (const { participantId, status } of statuses) {
    await db.query(
      'insert into public.attendance (tenant_id, course_id, session_id, participant_id, status) values ($1, $2, $3, $4, $5)',
      [workspace.id, courseId, sessionId, participantId, status],
    );
  }
}

/**
 * The audit trigger cannot write while the workspace itself is being deleted (the fixture's
 * cleanup), so a test removes its rows first; courses take their sessions, enrolments and
 * attendance with them.
 */
export async function removeCourseData(db: pg.Client, workspace: Workspace) {
  await db.query('delete from public.courses where tenant_id = $1', [workspace.id]);
  await db.query('delete from public.participants where tenant_id = $1', [workspace.id]);
  await db.query('delete from public.volunteers where tenant_id = $1', [workspace.id]);
}
