import type { Tx } from '@brobygger/db';
import type { z } from 'zod';
import { attendanceRateSql } from '../../rosters/definitions/courses.ts';
import type { ZPersonCourse } from './schemas.ts';

type CourseRow = z.input<typeof ZPersonCourse>;

/** Held sessions of the course `c`: what a rate is measured against. */
const SESSIONS_HELD = `(select count(*)::int from public.course_sessions s
  where s.tenant_id = c.tenant_id and s.course_id = c.id and s.status = 'held')`;

/**
 * The courses a volunteer facilitates, with the sessions held, those they were at and their own
 * rate (present / recorded), from the facilitators' presence on the attendance page: counted once
 * per course.
 */
export const facilitatedCourses = (tx: Tx, tenantId: string, volunteerId: string) =>
  tx.query<CourseRow>(
    `select c.id, c.name, c.kind::text as kind,
            case when c.facilitator_id = $2 then 'facilitator' else 'coFacilitator' end as role,
            null as status, c.starts_on as "from", c.ends_on as "to",
            ${SESSIONS_HELD} as "sessionsHeld", own.present as attended,
            round(100.0 * own.present / nullif(own.recorded, 0))::int as "attendanceRate"
     from public.courses c
     cross join lateral (
       select count(*) filter (where f.status = 'present')::int as present, count(*)::int as recorded
       from public.facilitator_attendance f
       where f.tenant_id = c.tenant_id and f.course_id = c.id and f.volunteer_id = $2
     ) own
     where c.tenant_id = $1 and $2::uuid in (c.facilitator_id, c.co_facilitator_id)
     order by c.starts_on desc nulls last, c.name collate "da-DK-x-icu", c.id`,
    [tenantId, volunteerId],
  );

/**
 * A participant's enrolments, with the sessions held on each course, those they attended and
 * their rate. Row-level security on enrolments and attendance decides which courses the caller
 * sees: a peer only those they facilitate.
 */
export const enrolledCourses = (tx: Tx, tenantId: string, participantId: string) =>
  tx.query<CourseRow>(
    `select c.id, c.name, c.kind::text as kind, 'participant' as role, e.status::text as status,
            e.started_on as "from", e.ended_on as "to",
            ${SESSIONS_HELD} as "sessionsHeld",
            (select count(*)::int from public.attendance a
              where a.tenant_id = e.tenant_id and a.course_id = e.course_id
                and a.participant_id = e.participant_id and a.status = 'present') as attended,
            ${attendanceRateSql('a.tenant_id = e.tenant_id and a.course_id = e.course_id and a.participant_id = e.participant_id')} as "attendanceRate"
     from public.enrolments e
     join public.courses c on c.tenant_id = e.tenant_id and c.id = e.course_id
     where e.tenant_id = $1 and e.participant_id = $2
     order by e.started_on desc nulls last, c.name collate "da-DK-x-icu", c.id`,
    [tenantId, participantId],
  );
