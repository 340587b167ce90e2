import type { OverviewQuery } from './overview-section.ts';

/**
 * The courses' side of the overview. Every member may read courses and sessions, but a peer's
 * overview is about the courses they facilitate: the same narrowing the attendance policy makes
 * (roster readers see every course, a peer those where app.facilitates). Attendance itself is
 * narrowed by its own policy, so a peer's figures count only their own courses' participants.
 */
const VISIBLE_COURSE = `c.tenant_id = $1
  and (c.tenant_id = any (array(select app.tenants_where('roster.read'))) or app.facilitates(c.tenant_id, c.id))`;

/** A session held in the period: on a day in it, not after today, and not cancelled. */
const HELD_IN_PERIOD = `s.tenant_id = $1 and s.held_on >= $2::date and s.held_on < $3::date and s.held_on <= $4::date
  and s.status <> 'cancelled'`;

/** Participants reached: those present at least once at a session held in the period. */
export const participantsReached: OverviewQuery = {
  key: 'participantsReached',
  shownTo: () => true,
  // count(*) over a distinct subquery: hashed, where count(distinct) sorts 50,000 rows.
  sql: () => `(
    select count(*) from (
      select distinct a.participant_id
      from public.course_sessions s
      join public.attendance a on a.tenant_id = s.tenant_id and a.session_id = s.id
      join public.courses c on c.tenant_id = s.tenant_id and c.id = s.course_id
      where ${HELD_IN_PERIOD} and a.status = 'present' and ${VISIBLE_COURSE}) reached)`,
};

/**
 * Per course with a session held in the period, per calendar month: sessions held and the
 * attendance recorded at them, by status. The UI derives the rates as the attendance matrix does
 * (present, or no-show, out of present + absent + no-show; cancellations do not count).
 */
export const courseFigures: OverviewQuery = {
  key: 'courses',
  shownTo: () => true,
  sql: () => `(
    with held as (
      select s.course_id, s.id, to_char(s.held_on, 'YYYY-MM') as month
      from public.course_sessions s
      join public.courses c on c.tenant_id = s.tenant_id and c.id = s.course_id
      where ${HELD_IN_PERIOD} and ${VISIBLE_COURSE}
    ),
    marks as (
      select a.session_id,
        count(*) filter (where a.status = 'present') as present,
        count(*) filter (where a.status = 'absent') as absent,
        count(*) filter (where a.status = 'cancelled') as cancelled,
        count(*) filter (where a.status = 'no_show') as no_show
      from public.attendance a
      where a.tenant_id = $1 and a.session_id in (select id from held)
      group by a.session_id
    ),
    monthly as (
      select h.course_id, h.month, count(*) as sessions,
        coalesce(sum(m.present), 0) as present, coalesce(sum(m.absent), 0) as absent,
        coalesce(sum(m.cancelled), 0) as cancelled, coalesce(sum(m.no_show), 0) as no_show
      from held h left join marks m on m.session_id = h.id
      group by h.course_id, h.month
    )
    select coalesce(json_agg(json_build_object('id', c.id, 'name', c.name, 'months', t.months)
                             order by c.name collate "da-DK-x-icu", c.id), '[]')
    from (
      select course_id, json_agg(json_build_object('month', month, 'sessions', sessions, 'present', present,
        'absent', absent, 'cancelled', cancelled, 'noShow', no_show) order by month) as months
      from monthly group by course_id
    ) t
    join public.courses c on c.tenant_id = $1 and c.id = t.course_id)`,
};
