import { ATTENDANCE_STATUSES, type AttendanceRow } from '@brobygger/api/rosters';
import { withPrivilegedTx } from '@brobygger/db';
import { coordinatorWorkspace } from './coordinator.ts';
import { alternate, ratioOutcome, time, type Log } from './measure.ts';
import type { BenchOutcome } from './types.ts';

/**
 * attendance-save: 10,000 changed attendance cells (100 participants x 100 sessions of one course)
 * saved through `attendance.save` as a coordinator (tRPC input, row validation, the RLS
 * transaction with the attendance policies, version-checked update returning the rows) against a
 * privileged upsert of the same cells. Both fire the same triggers (version bump, audit).
 */

export const TARGET_RATIO = 1.5;
const PARTICIPANTS = 100;
const SESSIONS = 100;
const CELLS = PARTICIPANTS * SESSIONS;
const WARMUP_ROUNDS = 1;
const MEASURED_ROUNDS = 7;

const SEED_SQL = `
  with course as (
    insert into public.courses (tenant_id, name) values ($1, 'Benchforløb') returning id
  ), people as (
    insert into public.participants (tenant_id, first_name)
    select $1, 'Deltager ' || lpad(g::text, 3, '0') from generate_series(1, ${PARTICIPANTS}) g returning id
  ), enrolled as (
    insert into public.enrolments (tenant_id, course_id, participant_id)
    select $1, course.id, people.id from course, people returning course_id, participant_id
  ), sessions as (
    insert into public.course_sessions (tenant_id, course_id, held_on, status)
    select $1, course.id, date '2026-01-05' + 7 * g, 'held' from course, generate_series(0, ${SESSIONS - 1}) g
    returning course_id, id
  )
  insert into public.attendance (tenant_id, course_id, session_id, participant_id, status)
  select $1, s.course_id, s.id, e.participant_id, 'present'
  from sessions s join enrolled e on e.course_id = s.course_id
  returning course_id`;

const SELECT_CELLS = `
  select id, version, participant_id as "participantId", session_id as "sessionId", status::text as status
  from public.attendance where tenant_id = $1 order by id`;

/** The privileged baseline: one set-based upsert of the same columns, no version check, no RLS. */
const BASELINE_SQL = `
  insert into public.attendance as t (tenant_id, id, course_id, session_id, participant_id, status)
  select $1, x.id, $2, x."sessionId", x."participantId", x.status
  from jsonb_to_recordset($3::jsonb) as x(id uuid, "sessionId" uuid, "participantId" uuid, status public.attendance_status)
  on conflict (tenant_id, id) do update
    set session_id = excluded.session_id, participant_id = excluded.participant_id, status = excluded.status`;

/** Every cell moves on to the next code, so each round really changes all 10,000. */
type Status = (typeof ATTENDANCE_STATUSES)[number];
const nextStatus = (status: Status | null): Status =>
  ATTENDANCE_STATUSES[(ATTENDANCE_STATUSES.indexOf(status ?? 'present') + 1) % ATTENDANCE_STATUSES.length]!;

export async function attendanceSave(log: Log): Promise<BenchOutcome> {
  const { tenant, caller } = await coordinatorWorkspace(log, 'Benchkommune fremmøde');
  const seeded = await time(() =>
    withPrivilegedTx('seed', async (tx) => {
      const rows = await tx.query<{ course_id: string }>(SEED_SQL, [tenant.id]);
      await tx.query('analyze public.attendance');
      return rows[0]!.course_id;
    }),
  );
  const courseId = seeded.result;
  log(`seeded ${CELLS} attendance cells in ${seeded.ms.toFixed(0)} ms`);

  const load = () => withPrivilegedTx('test', (tx) => tx.query<AttendanceRow>(SELECT_CELLS, [tenant.id]));
  const versionSum = () =>
    withPrivilegedTx('test', (tx) =>
      tx.one<{ n: number }>('select sum(version)::int as n from public.attendance where tenant_id = $1', [tenant.id]),
    ).then((r) => r?.n ?? 0);
  const changed = async () => (await load()).map((r) => ({ ...r, status: nextStatus(r.status) }));

  /** Times `save`, then checks that every cell got a new version: 10,000 really changed. */
  async function timed(save: (upserts: AttendanceRow[]) => Promise<unknown>, what: string): Promise<number> {
    const upserts = await changed();
    if (upserts.length !== CELLS) throw new Error(`expected ${CELLS} cells, found ${upserts.length}`);
    const before = await versionSum();
    const { ms } = await time(() => save(upserts));
    const bumped = (await versionSum()) - before;
    if (bumped !== CELLS) throw new Error(`after ${what} ${bumped} cells have a new version, expected ${CELLS}`);
    return ms;
  }

  const viaApi = () =>
    timed(async (upserts) => {
      const result = await caller.attendance.save({ tenant: tenant.slug, parent: courseId, upserts, deletes: [] });
      if (!result.ok)
        throw new Error(
          `attendance.save returned ok:false (${result.conflicts.length} conflicts, ${result.errors.length} errors, e.g. ${JSON.stringify(result.errors[0] ?? result.conflicts[0])})`,
        );
    }, 'attendance.save');
  const viaBaseline = () =>
    timed(
      (upserts) =>
        withPrivilegedTx('test', (tx) => tx.query(BASELINE_SQL, [tenant.id, courseId, JSON.stringify(upserts)])),
      'the baseline upsert',
    );

  const medians = await alternate(log, { warmup: WARMUP_ROUNDS, rounds: MEASURED_ROUNDS }, viaApi, viaBaseline);
  return ratioOutcome('attendance-save', medians, { rounds: MEASURED_ROUNDS, targetRatio: TARGET_RATIO });
}
