import { withPrivilegedTx } from '@brobygger/db';
import { coordinatorWorkspace } from './coordinator.ts';
import { alternate, ratioOutcome, time, type Log } from './measure.ts';
import { seedVolunteers } from './seed.ts';
import type { BenchOutcome } from './types.ts';

/**
 * overview: the overview's figures (`overview.get`, last 12 months, as a coordinator under RLS)
 * for a workspace with 2,000 participants, 200 courses of 10 participants and 50 sessions each
 * (100,000 attendance records) and 400 volunteers, against one hand-written privileged query
 * that computes the same figures.
 */

export const TARGET_RATIO = 1.5;
export const TARGET_MS = 300;
const COURSES = 200;
const PER_COURSE = 10;
const SESSIONS = 50;
const ATTENDANCE = COURSES * PER_COURSE * SESSIONS;
const WARMUP_ROUNDS = 2;
const MEASURED_ROUNDS = 9;

/**
 * Course c has participants c*10+1 .. c*10+10 and a session every 6 days going back from today
 * (offset by c % 6), so all 50 lie in the last 12 months; every tenth record is from a session
 * in the future or cancelled, which must not count.
 */
const SEED_SQL = `
  with courses as (
    insert into public.courses (tenant_id, name)
    select $1, 'Forløb ' || lpad(c::text, 3, '0') from generate_series(0, ${COURSES - 1}) c returning id, name
  ), numbered as (
    select id, substring(name from 8)::int as c from courses
  ), people as (
    insert into public.participants (tenant_id, first_name)
    select $1, 'Deltager ' || lpad(g::text, 4, '0') from generate_series(1, ${COURSES * PER_COURSE}) g returning id, first_name
  ), enrolled as (
    insert into public.enrolments (tenant_id, course_id, participant_id)
    select $1, n.id, p.id from people p join numbered n on n.c = (substring(p.first_name from 10)::int - 1) / ${PER_COURSE}
    returning course_id, participant_id
  ), sessions as (
    insert into public.course_sessions (tenant_id, course_id, held_on, status)
    select $1, n.id, current_date - (6 * s + n.c % 6) + case when s = 0 then 14 else 0 end,
      case when s = ${SESSIONS - 1} then 'cancelled' when s % 3 = 0 then 'held' else 'planned' end::public.session_status
    from numbered n, generate_series(0, ${SESSIONS - 1}) s returning course_id, id
  )
  insert into public.attendance (tenant_id, course_id, session_id, participant_id, status)
  select $1, s.course_id, s.id, e.participant_id,
    (array['present', 'present', 'present', 'absent', 'no_show', 'cancelled']::public.attendance_status[])[1 + (abs(hashtext(s.id::text || e.participant_id::text)) % 6)]
  from sessions s join enrolled e on e.course_id = s.course_id`;

/**
 * The same figures written by hand, as one would for a report: no RLS, no per-course visibility
 * check, the workspace's id given. Parameters as the overview's: $1 workspace, $2 from, $3 to, $4 today.
 */
const BASELINE_SQL = `
  with held as (
    select s.course_id, s.id, to_char(s.held_on, 'YYYY-MM') as month
    from public.course_sessions s
    where s.tenant_id = $1 and s.held_on >= $2::date and s.held_on < $3::date and s.held_on <= $4::date and s.status <> 'cancelled'
  ), per_session as (
    select a.session_id, count(*) filter (where a.status = 'present') as present, count(*) filter (where a.status = 'absent') as absent,
      count(*) filter (where a.status = 'cancelled') as cancelled, count(*) filter (where a.status = 'no_show') as no_show
    from public.attendance a where a.tenant_id = $1 and a.session_id in (select id from held) group by a.session_id
  ), monthly as (
    select h.course_id, h.month, count(*) as sessions, coalesce(sum(p.present), 0) as present, coalesce(sum(p.absent), 0) as absent,
      coalesce(sum(p.cancelled), 0) as cancelled, coalesce(sum(p.no_show), 0) as no_show
    from held h left join per_session p on p.session_id = h.id group by 1, 2
  ), v as (
    select status, intake_on, confidentiality_signed_on, record_check_on from public.volunteers where tenant_id = $1
  ), renewal as (
    select record_check_renewal_months as months from public.tenants where id = $1
  )
  select json_build_object(
    'volunteers', (select json_build_object('active', count(*) filter (where status = 'active'), 'paused', count(*) filter (where status = 'paused'),
        'waitingForIntake', count(*) filter (where status = 'applicant' and (intake_on is null or intake_on > $4::date))) from v),
    'participantsReached', (select count(*) from (select distinct a.participant_id from public.attendance a join held h on h.id = a.session_id
        where a.tenant_id = $1 and a.status = 'present') reached),
    'courses', (select json_agg(json_build_object('id', c.id, 'name', c.name, 'months', m.months) order by c.name)
       from (select course_id, json_agg(json_build_object('month', month, 'sessions', sessions, 'present', present, 'absent', absent,
               'cancelled', cancelled, 'noShow', no_show) order by month) as months from monthly group by course_id) m
       join public.courses c on c.tenant_id = $1 and c.id = m.course_id),
    'missingConfidentiality', (select count(*) from v where status in ('active', 'paused') and confidentiality_signed_on is null),
    'recordCheckDue', (select count(*) from v, renewal where status in ('active', 'paused')
       and (record_check_on is null or record_check_on <= $4::date - make_interval(months => renewal.months))),
    'waitingForIntake', (select count(*) from v where status = 'applicant' and (intake_on is null or intake_on > $4::date))
  ) as figures`;

type Figures = {
  participantsReached: number;
  courses: { months: { sessions: number; present: number }[] }[];
  volunteers: { active: number };
};

/** What both paths must agree on before either is timed. */
const fingerprint = (f: Figures) =>
  JSON.stringify([
    f.participantsReached,
    f.volunteers.active,
    f.courses.length,
    f.courses.flatMap((c) => c.months).reduce((s, m) => s + m.sessions * 100_000 + m.present, 0),
  ]);

export async function overviewBench(log: Log): Promise<BenchOutcome> {
  const { tenant, caller } = await coordinatorWorkspace(log, 'Benchkommune overblik');
  const seeded = await time(async () => {
    await withPrivilegedTx('seed', (tx) => tx.query(SEED_SQL, [tenant.id]));
    await seedVolunteers(tenant.id, 400);
    await withPrivilegedTx('seed', (tx) =>
      tx.query(
        'analyze public.courses, public.course_sessions, public.enrolments, public.attendance, public.participants',
      ),
    );
  });
  log(`seeded ${COURSES} courses, ${ATTENDANCE} attendance records in ${seeded.ms.toFixed(0)} ms`);

  const read = () => caller.overview.get({ tenant: tenant.slug, period: 'last12' });
  const first = await read();
  const params = [tenant.id, first.period.from, first.period.to, todayOf(first.period.months)];
  const baseline = () =>
    withPrivilegedTx('test', (tx) => tx.one<{ figures: Figures }>(BASELINE_SQL, params)).then((r) => r!.figures);
  const [api, hand] = [fingerprint(first as Figures), fingerprint(await baseline())];
  if (api !== hand) throw new Error(`overview.get and the hand-written query disagree: ${api} vs ${hand}`);
  if (first.courses?.length !== COURSES)
    throw new Error(`overview.get has ${first.courses?.length} courses, expected ${COURSES}`);
  log(`both paths agree: ${api}`);

  const viaApi = async () => (await time(read)).ms;
  const viaBaseline = async () => (await time(baseline)).ms;
  const medians = await alternate(log, { warmup: WARMUP_ROUNDS, rounds: MEASURED_ROUNDS }, viaApi, viaBaseline);
  return ratioOutcome('overview', medians, { rounds: MEASURED_ROUNDS, targetRatio: TARGET_RATIO, targetMs: TARGET_MS });
}

/** Today as the API used it: the period's months end with today's month; the day is Copenhagen's. */
function todayOf(months: string[]): string {
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
  if (!today.startsWith(months.at(-1) ?? '')) throw new Error('the period does not end in this month');
  return today;
}
