import { MAX_SCHEDULED_SESSIONS, scheduleDates, type Tx } from '@brobygger/db';
import { fail } from '../../errors.ts';
import type { ExistingSession, PlanSteps } from './plan.ts';
import type { ScheduleFields, StoredSchedule } from './schemas.ts';

type Scope = { tenantId: string; courseId: string };

/**
 * The dates a schedule gives, or the translated reason it gives none: neither or both ends, an
 * end before the start, more sessions than MAX_SCHEDULED_SESSIONS.
 */
export function checkSchedule(fields: ScheduleFields): string[] {
  if ((fields.sessionCount === null) === (fields.until === null)) return fail('schedule_needs_end');
  if (fields.until !== null && fields.until < fields.firstDate) return fail('schedule_ends_before_start');
  const dates = scheduleDates(fields);
  if (dates.length > MAX_SCHEDULED_SESSIONS) return fail('schedule_too_many_sessions');
  return dates;
}

/** The course as the caller sees it (under RLS), locked for a regeneration when asked. */
export async function requireCourse(tx: Tx, { tenantId, courseId }: Scope, lock = false) {
  const course = await tx.one<{ id: string }>(
    `select id from public.courses where tenant_id = $1 and id = $2${lock ? ' for update' : ''}`,
    [tenantId, courseId],
  );
  if (!course) fail('parent_not_found');
}

export const readSchedule = (tx: Tx, { tenantId, courseId }: Scope) =>
  tx.one<StoredSchedule>(
    `select frequency::text as frequency, to_char(first_date, 'YYYY-MM-DD') as "firstDate",
            session_count as "sessionCount", to_char(until, 'YYYY-MM-DD') as until,
            to_char(starts_at, 'HH24:MI') as "startsAt", duration_minutes as "durationMinutes", version
     from public.course_schedules where tenant_id = $1 and course_id = $2`,
    [tenantId, courseId],
  );

export const readSessions = (tx: Tx, { tenantId, courseId }: Scope) =>
  tx.query<ExistingSession>(
    `select s.id, to_char(s.held_on, 'YYYY-MM-DD') as "heldOn", to_char(s.scheduled_on, 'YYYY-MM-DD') as "scheduledOn",
            to_char(s.starts_at, 'HH24:MI') as "startsAt", s.duration_minutes as "durationMinutes", s.status::text as status,
            exists (select 1 from public.attendance a
                    where a.tenant_id = s.tenant_id and a.session_id = s.id and a.status <> 'cancelled') as attended
     from public.course_sessions s where s.tenant_id = $1 and s.course_id = $2`,
    [tenantId, courseId],
  );

/** Writes the schedule, insert or update; returns its new version. */
export async function saveSchedule(tx: Tx, { tenantId, courseId }: Scope, fields: ScheduleFields, exists: boolean) {
  const values = [
    tenantId,
    courseId,
    fields.frequency,
    fields.firstDate,
    fields.sessionCount,
    fields.until,
    fields.startsAt,
    fields.durationMinutes,
  ];
  const row = await tx.one<{ version: number }>(
    exists
      ? `update public.course_schedules set frequency = $3, first_date = $4, session_count = $5, until = $6,
           starts_at = $7, duration_minutes = $8
         where tenant_id = $1 and course_id = $2 returning version`
      : `insert into public.course_schedules (tenant_id, course_id, frequency, first_date, session_count, until, starts_at, duration_minutes)
         values ($1, $2, $3, $4, $5, $6, $7, $8) returning version`,
    values,
  );
  return row!.version;
}

/**
 * Carries out a plan, as the caller: every statement passes the sessions' policies. Removal
 * comes first, so a date freed by a removed session can be taken by a new one.
 */
export async function applySteps(
  tx: Tx,
  { tenantId, courseId }: Scope,
  steps: PlanSteps,
  timing: Pick<ScheduleFields, 'startsAt' | 'durationMinutes'>,
) {
  const scope = [tenantId, courseId];
  if (steps.remove.length)
    await tx.query(
      'delete from public.course_sessions where tenant_id = $1 and course_id = $2 and id = any($3::uuid[])',
      [...scope, steps.remove],
    );
  if (steps.detach.length)
    await tx.query(
      'update public.course_sessions set scheduled_on = null where tenant_id = $1 and course_id = $2 and id = any($3::uuid[])',
      [...scope, steps.detach],
    );
  for (const { id, date } of steps.adopt)
    await tx.query(
      'update public.course_sessions set scheduled_on = $4::date where tenant_id = $1 and course_id = $2 and id = $3',
      [...scope, id, date],
    );
  if (steps.retime.length)
    await tx.query(
      `update public.course_sessions set starts_at = $4::time, duration_minutes = $5
       where tenant_id = $1 and course_id = $2 and id = any($3::uuid[])`,
      [...scope, steps.retime, timing.startsAt, timing.durationMinutes],
    );
  if (steps.add.length)
    await tx.query(
      `insert into public.course_sessions (tenant_id, course_id, held_on, scheduled_on, starts_at, duration_minutes)
       select $1, $2, d, d, $4::time, $5 from unnest($3::date[]) as d`,
      [...scope, steps.add, timing.startsAt, timing.durationMinutes],
    );
  // The course's dates follow its sessions, so the course list shows when it runs.
  await tx.query(
    `update public.courses c set starts_on = s.first, ends_on = s.last
     from (select min(held_on) as first, max(held_on) as last from public.course_sessions
           where tenant_id = $1 and course_id = $2) s
     where c.tenant_id = $1 and c.id = $2 and s.first is not null
       and (c.starts_on is distinct from s.first or c.ends_on is distinct from s.last)`,
    scope,
  );
}
