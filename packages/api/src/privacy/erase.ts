import type { Tx } from '@brobygger/db';

export type PersonKind = 'participant' | 'volunteer';

/**
 * Where a person's participation moves to: statements over `$1` (workspace), `$2` (the person)
 * and `$3` (their anonymous stand-in), run as the caller under each table's policies. Together
 * they leave nothing that names the person, and every row a figure counts still there.
 */
const MOVES: Record<PersonKind, string[]> = {
  participant: [
    // Attendance names its enrolment (course, participant): the stand-in gets copies first.
    `insert into public.enrolments (tenant_id, course_id, participant_id, started_on, ended_on, status, drop_out_reason)
     select e.tenant_id, e.course_id, $3, e.started_on, e.ended_on, e.status, e.drop_out_reason
     from public.enrolments e where e.tenant_id = $1 and e.participant_id = $2`,
    `update public.attendance set participant_id = $3 where tenant_id = $1 and participant_id = $2`,
    `update public.matches set participant_id = $3 where tenant_id = $1 and participant_id = $2`,
  ],
  volunteer: [
    `update public.facilitator_attendance set volunteer_id = $3 where tenant_id = $1 and volunteer_id = $2`,
    `update public.matches set volunteer_id = $3 where tenant_id = $1 and volunteer_id = $2`,
    `update public.matches set co_volunteer_id = $3 where tenant_id = $1 and co_volunteer_id = $2`,
    `update public.volunteer_meeting_attendees set volunteer_id = $3 where tenant_id = $1 and volunteer_id = $2`,
    // The amounts stay in the books; the purpose is free text that may say who and where.
    `update public.expenses set volunteer_id = $3, purpose = '–' where tenant_id = $1 and volunteer_id = $2`,
    // A course's facilitator is not a figure: it is emptied rather than pointed at the stand-in.
    `update public.courses set facilitator_id = null where tenant_id = $1 and facilitator_id = $2`,
    `update public.courses set co_facilitator_id = null where tenant_id = $1 and co_facilitator_id = $2`,
  ],
};

/** Postgres refuses more parameters than a statement names, and not every move names the stand-in. */
const highestParameter = (sql: string) => Math.max(...[...sql.matchAll(/\$(\d+)/g)].map((m) => Number(m[1])));

const TABLE: Record<PersonKind, string> = { participant: 'public.participants', volunteer: 'public.volunteers' };

/**
 * Erases one person everywhere, in the caller's transaction (decision 024): their participation
 * moves to an anonymous stand-in that keeps the figures, their row is deleted (and with it what
 * cascades), then `app.erase_traces` removes them from the audit trail, the access log and save
 * receipts and records the erasure. A request runs this as the member under RLS; the retention
 * job runs the same code on the privileged path. Fails `row_not_found` when the person is not
 * there for the caller, `forbidden` without the right.
 */
export async function erasePerson(tx: Tx, tenantId: string, kind: PersonKind, id: string): Promise<void> {
  const standIn = await tx.one<{ id: string }>('select app.erasure_stand_in($1, $2, $3) as id', [tenantId, kind, id]);
  const params = [tenantId, id, standIn!.id];
  for (const move of MOVES[kind]) await tx.query(move, params.slice(0, highestParameter(move)));
  await tx.query(`delete from ${TABLE[kind]} where tenant_id = $1 and id = $2`, [tenantId, id]);
  await tx.query('select app.erase_traces($1, $2, $3, $4)', [tenantId, kind, id, standIn!.id]);
}
