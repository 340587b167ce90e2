import { withPrivilegedTx, withRls, type Claims } from '@brobygger/db';
import { createTenant, seedPartnerActivity } from '@brobygger/db/testing';
import { coordinatorWorkspace } from './coordinator.ts';
import { alternate, ratioOutcome, time, type Log } from './measure.ts';
import type { BenchOutcome } from './types.ts';

/**
 * region-dashboard: the region dashboard's figures (`regionDashboard.get`, last 4 quarters, as a
 * region admin under RLS, through aggregates.region_dashboard) for 100 active partners with
 * together 20,000 participants, 1,000 courses and 1,000,000 attendance records, against one
 * hand-written privileged query that computes the same figures unsuppressed.
 */

export const TARGET_RATIO = 1.5;
export const TARGET_MS = 300;
const PARTNERS = 100;
const COURSES_EACH = 10;
const PER_COURSE = 20;
const SESSIONS = 50;
const WARMUP_ROUNDS = 2;
const MEASURED_ROUNDS = 9;

/**
 * The same figures written by hand, as one would for a report: the region's active partners, per
 * partner and quarter. $1 region, $2 first quarter, $3 first day after the last, $4 today.
 */
const BASELINE_SQL = `
  with partners as (
    select partner_tenant_id as id from public.partnerships where tenant_id = $1 and status = 'active'
  ), held as (
    select s.tenant_id, s.id, date_trunc('quarter', s.held_on)::date as q from public.course_sessions s
    where s.tenant_id in (select id from partners) and s.held_on >= $2::date and s.held_on < $3::date
      and s.held_on <= $4::date and s.status <> 'cancelled'
  ), marks as (
    select h.tenant_id, h.q, a.participant_id, a.status from held h
    join public.attendance a on a.tenant_id = h.tenant_id and a.session_id = h.id
  ), quarters as (
    select g::date as q_start, (g + interval '3 months')::date as q_end from generate_series($2::date, $3::date - 1, interval '3 months') g
  )
  select
    (select count(*) from held) as sessions,
    (select count(*) from (select distinct tenant_id, q, participant_id from marks where status = 'present') r) as reached,
    (select count(*) filter (where status = 'present') from marks) as present,
    (select count(*) filter (where status in ('present', 'absent', 'no_show')) from marks) as expected,
    (select count(*) from public.volunteers v join quarters q on coalesce(v.start_date, v.created_at::date) < q.q_end
       and (v.status = 'active' or (v.status in ('paused', 'stopped') and v.status_changed_on >= q.q_start))
     where v.tenant_id in (select id from partners) and v.status <> 'applicant') as volunteers,
    (select count(*) from public.matches x join quarters q on x.starts_on < q.q_end
       and (x.status in ('active', 'paused') or coalesce(x.planned_end_on, x.starts_on) >= q.q_start)
     where x.tenant_id in (select id from partners) and x.status <> 'proposed' and x.starts_on is not null) as matches`;

type Totals = { sessions: number; reached: number; volunteers: number; matches: number };

const daysAgo = (days: number) => new Date(Date.now() - days * 86_400_000).toISOString().slice(0, 10);

export async function regionDashboardBench(log: Log): Promise<BenchOutcome> {
  const {
    tenant: region,
    caller,
    coordinator: admin,
  } = await coordinatorWorkspace(log, 'Benchregion', { kind: 'region', role: 'admin' });
  const seeded = await time(async () => {
    for (let i = 0; i < PARTNERS; i++) {
      const partner = await createTenant('municipality', `Benchkommune ${String(i).padStart(3, '0')}`);
      // A session every 7 days for 50 weeks back from today: the last 4 quarters hold nearly all.
      await seedPartnerActivity(partner.id, {
        courses: COURSES_EACH,
        perCourse: PER_COURSE,
        absentPerCourse: 3,
        sessions: SESSIONS,
        firstDay: daysAgo(7 * (SESSIONS - 1)),
        everyDays: 7,
        volunteers: 20,
        matches: 10,
        startedOn: daysAgo(500),
      });
      await withPrivilegedTx('seed', (tx) =>
        tx.query("insert into public.partnerships (tenant_id, partner_tenant_id, status) values ($1, $2, 'active')", [
          region.id,
          partner.id,
        ]),
      );
    }
    await withPrivilegedTx('seed', (tx) =>
      tx.query(
        'analyze public.partnerships, public.courses, public.course_sessions, public.enrolments, public.attendance, public.participants, public.volunteers, public.matches',
      ),
    );
  });
  const attendance = PARTNERS * COURSES_EACH * PER_COURSE * SESSIONS;
  log(
    `seeded ${PARTNERS} partners, ${PARTNERS * COURSES_EACH} courses, ${attendance} attendance records in ${seeded.ms.toFixed(0)} ms`,
  );

  const read = () => caller.regionDashboard.get({ tenant: region.slug, period: 'last4' });
  const first = await read();
  const after = new Date(`${first.quarters.at(-1)}T12:00:00Z`);
  after.setUTCMonth(after.getUTCMonth() + 3);
  const today = new Intl.DateTimeFormat('en-CA', { timeZone: 'Europe/Copenhagen' }).format(new Date());
  const params = [region.id, first.quarters[0], after.toISOString().slice(0, 10), today];
  const baseline = () =>
    withPrivilegedTx('test', (tx) => tx.one<Record<keyof Totals, string>>(BASELINE_SQL, params)).then((r) => r!);

  // Both paths must agree before either is timed: the partners' cells summed, nothing suppressed.
  const sum = (metric: string) =>
    first.cells.filter((c) => c.partnerId && c.metric === metric).reduce((s, c) => s + (c.value ?? 0), 0);
  if (first.partners.length !== PARTNERS) throw new Error(`${first.partners.length} partners, expected ${PARTNERS}`);
  if (first.cells.some((c) => c.suppressed)) throw new Error('the bench scenario should suppress nothing');
  const api = [sum('sessionsHeld'), sum('participantsReached'), sum('volunteersActive'), sum('activeMatches')].join();
  const hand = await baseline();
  const byHand = [hand.sessions, hand.reached, hand.volunteers, hand.matches].map(Number).join();
  if (api !== byHand) throw new Error(`regionDashboard.get and the hand-written query disagree: ${api} vs ${byHand}`);
  log(`both paths agree: ${api}`);
  if (process.env.BENCH_EXPLAIN)
    await explainBoth(log, params, [region.id, first.quarters[0], first.quarters.at(-1)], admin.claims);

  const viaApi = async () => (await time(read)).ms;
  const viaBaseline = async () => (await time(baseline)).ms;
  const medians = await alternate(log, { warmup: WARMUP_ROUNDS, rounds: MEASURED_ROUNDS }, viaApi, viaBaseline);
  return ratioOutcome('region-dashboard', medians, {
    rounds: MEASURED_ROUNDS,
    targetRatio: TARGET_RATIO,
    targetMs: TARGET_MS,
  });
}

/**
 * BENCH_EXPLAIN=1: before timing, the plan of the hand-written query (whose joins the function's
 * first version shared) and the function's own buffers and time, to stderr.
 */
async function explainBoth(
  log: Log,
  baselineParams: unknown[],
  functionParams: unknown[],
  claims: Claims,
): Promise<void> {
  const text = (rows: { 'QUERY PLAN': string }[]) => rows.map((r) => r['QUERY PLAN']).join('\n');
  const plan = `explain (analyze, buffers) ${BASELINE_SQL}`;
  log(`baseline plan:\n${text(await withPrivilegedTx('test', (tx) => tx.query(plan, baselineParams)))}`);
  const call = 'explain (analyze, buffers) select * from aggregates.region_dashboard($1, $2, $3)';
  log(`function:\n${text(await withRls(claims, (tx) => tx.query(call, functionParams)))}`);
}
