import type pg from 'pg';
import type { Workspace } from '../fixtures.ts';

/**
 * Setup for the companionship pages, on the privileged path. Matches and their meetings go with
 * their participants (`removeCourseData` in support/courses.ts clears them).
 */

/** A volunteer the matching help may suggest: active, agreement signed, record check OK. */
export async function seedMatchableVolunteer(
  db: pg.Client,
  workspace: Workspace,
  volunteer: { name: string; status?: string; userId?: string },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into public.volunteers (tenant_id, name, status, confidentiality_signed_on, record_check_on, record_check_ok, user_id)
     values ($1, $2, $3, date '2026-01-10', date '2026-01-12', true, $4) returning id`,
    [workspace.id, volunteer.name, volunteer.status ?? 'active', volunteer.userId ?? null],
  );
  return rows[0]!.id;
}

export async function seedMatch(
  db: pg.Client,
  workspace: Workspace,
  match: { participantId: string; volunteerId: string; startsOn?: string },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into public.matches (tenant_id, participant_id, volunteer_id, starts_on, status)
     values ($1, $2, $3, $4, 'active') returning id`,
    [workspace.id, match.participantId, match.volunteerId, match.startsOn ?? '2026-09-01'],
  );
  return rows[0]!.id;
}
