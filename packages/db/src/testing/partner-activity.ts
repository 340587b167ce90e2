import { withPrivilegedTx } from '../rls.ts';

/**
 * A partner workspace's activity in one statement (generate_series, not row by row), for the
 * region dashboard's tests, its benchmark and its end-to-end test. Every course has its own
 * `perCourse` participants; the first `absentPerCourse` of them are absent from every session,
 * the rest present at every one, so the figures a test expects follow from the numbers:
 *   participants reached = courses * (perCourse - absentPerCourse)
 *   sessions held        = courses * sessions
 *   attendance rate      = (perCourse - absentPerCourse) / perCourse
 * `volunteers` are active since `startedOn`; `matches` are active since `startedOn`.
 */
export type PartnerActivity = {
  courses: number;
  perCourse: number;
  absentPerCourse?: number;
  sessions: number;
  /** The day of every course's first session; the next ones follow every `everyDays` days. */
  firstDay: string;
  everyDays?: number;
  volunteers: number;
  matches: number;
  startedOn: string;
};

const SEED_SQL = `
  with courses as (
    insert into public.courses (tenant_id, name)
    select $1, 'Forløb ' || lpad(c::text, 4, '0') from generate_series(0, $2::int - 1) c returning id, name
  ), numbered as (
    select id, substring(name from 8)::int as c from courses
  ), people as (
    insert into public.participants (tenant_id, first_name)
    select $1, 'Deltager ' || lpad(g::text, 6, '0') from generate_series(0, $2::int * $3::int - 1) g
    returning id, substring(first_name from 10)::int as g
  ), enrolled as (
    insert into public.enrolments (tenant_id, course_id, participant_id)
    select $1, n.id, p.id from people p join numbered n on n.c = p.g / $3::int
    returning course_id, participant_id
  ), sessions as (
    insert into public.course_sessions (tenant_id, course_id, held_on, status)
    select $1, n.id, $6::date + s * $7::int, 'held'
    from numbered n, generate_series(0, $5::int - 1) s returning course_id, id
  ), marks as (
    insert into public.attendance (tenant_id, course_id, session_id, participant_id, status)
    select $1, s.course_id, s.id, e.participant_id,
      case when p.g % $3::int < $4::int then 'absent' else 'present' end::public.attendance_status
    from sessions s join enrolled e on e.course_id = s.course_id join people p on p.id = e.participant_id
    returning 1
  ), volunteers as (
    insert into public.volunteers (tenant_id, name, status, start_date)
    select $1, 'Frivillig ' || v, 'active', $10::date from generate_series(1, $8::int) v returning id
  ), numbered_volunteers as (
    select id, row_number() over (order by id) - 1 as v from volunteers
  ), numbered_people as (
    select id, row_number() over (order by g) - 1 as p from people
  ), matches as (
    insert into public.matches (tenant_id, participant_id, volunteer_id, starts_on, status)
    select $1, p.id, v.id, $10::date, 'active'
    from generate_series(0, $9::int - 1) m
    join numbered_people p on p.p = m % ($2::int * $3::int)
    join numbered_volunteers v on v.v = m % greatest($8::int, 1)
    returning 1
  )
  select (select count(*) from marks) as marks, (select count(*) from matches) as matches`;

export async function seedPartnerActivity(tenantId: string, a: PartnerActivity): Promise<void> {
  if (a.matches > 0 && (a.volunteers === 0 || a.courses * a.perCourse === 0)) {
    throw new Error('matches need at least one volunteer and one participant');
  }
  await withPrivilegedTx('seed', (tx) =>
    tx.query(SEED_SQL, [
      tenantId,
      a.courses,
      a.perCourse,
      a.absentPerCourse ?? 0,
      a.sessions,
      a.firstDay,
      a.everyDays ?? 7,
      a.volunteers,
      a.matches,
      a.startedOn,
    ]),
  );
}
