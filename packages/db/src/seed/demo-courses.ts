import { scheduleDates, type Schedule } from '../schedule.ts';
import type { Tx } from '../tx.ts';

/**
 * Demo courses after the programmes in shared/seeds: Frederiksberg's 10-week "Vejen til
 * hverdagslivet" led by two volunteer peers, a recovery café every 14 days for four months and a
 * weekly youth café for 14-20-year-olds; Hillerød's three training teams run with DGI and
 * Hillerød Fodbold. Each course has a schedule, and its sessions are the schedule's dates (the
 * same rrule expansion the API uses). Sessions before the demo's "today" are held, with
 * attendance recorded.
 */
type DemoCourse = {
  name: string;
  kind: string;
  location: string;
  partner?: string;
  facilitators: string[];
  capacity: number;
  ages?: [number, number];
  schedule: Omit<Schedule, 'sessionCount' | 'until'> & { sessionCount?: number; until?: string };
  /** First names of the participants enrolled (Frederiksberg's demo participants). */
  enrolled: string[];
};

const TODAY = '2026-11-26';

const FREDERIKSBERG: DemoCourse[] = [
  {
    name: 'Vejen til hverdagslivet – efterår',
    kind: 'group_course',
    location: 'Frederiksberg Hovedbibliotek, mødelokale 2',
    facilitators: ['Anne-Mette Lund', 'Helle Kristoffersen'],
    capacity: 10,
    schedule: {
      frequency: 'weekly',
      firstDate: '2026-09-24',
      sessionCount: 10,
      startsAt: '17:00',
      durationMinutes: 120,
    },
    enrolled: ['Signe', 'T.H.', 'Nikolaj', 'Omar', 'Birthe', 'J.P.'],
  },
  {
    name: 'Recovery-café',
    kind: 'recovery_cafe',
    location: 'Café Bro, Gl. Kongevej',
    partner: 'Recovery Lab',
    facilitators: ['Ali Demir', 'Fatima Yilmaz'],
    capacity: 20,
    // Every 14 days for four months: an end date rather than a count.
    schedule: {
      frequency: 'fortnightly',
      firstDate: '2026-09-01',
      until: '2026-12-31',
      startsAt: '15:00',
      durationMinutes: 120,
    },
    enrolled: ['Signe', 'Omar', 'A.K.'],
  },
  {
    name: 'Ungecafé tirsdag',
    kind: 'youth_cafe',
    location: 'Ungdomshuset, Frederiksberg',
    facilitators: ['Louise Brandt'],
    capacity: 15,
    ages: [14, 20],
    schedule: {
      frequency: 'weekly',
      firstDate: '2026-10-06',
      sessionCount: 12,
      startsAt: '18:00',
      durationMinutes: 120,
    },
    enrolled: [],
  },
];

const HILLEROED: DemoCourse[] = [
  {
    name: 'Styrketræning',
    kind: 'training_team',
    location: 'DGI-huset Hillerød',
    partner: 'DGI',
    facilitators: [],
    capacity: 12,
    schedule: {
      frequency: 'weekly',
      firstDate: '2026-09-07',
      sessionCount: 16,
      startsAt: '10:00',
      durationMinutes: 60,
    },
    enrolled: [],
  },
  {
    name: 'Gåhold',
    kind: 'training_team',
    location: 'Slotsparken, Hillerød',
    partner: 'Frivilligcenter Hillerød',
    facilitators: [],
    capacity: 15,
    schedule: {
      frequency: 'weekly',
      firstDate: '2026-09-09',
      sessionCount: 16,
      startsAt: '10:00',
      durationMinutes: 60,
    },
    enrolled: [],
  },
  {
    name: 'Fodbold',
    kind: 'training_team',
    location: 'Hillerød Stadion',
    partner: 'Hillerød Fodbold',
    facilitators: [],
    capacity: 20,
    schedule: {
      frequency: 'weekly',
      firstDate: '2026-09-10',
      sessionCount: 16,
      startsAt: '16:30',
      durationMinutes: 90,
    },
    enrolled: [],
  },
];

/** Attendance that looks lived-in: mostly present, now and then absent or a no-show. */
const STATUS_CYCLE = ['present', 'present', 'present', 'absent', 'present', 'present', 'no_show', 'present'];

async function seedCourse(tx: Tx, tenantId: string, c: DemoCourse): Promise<void> {
  const schedule: Schedule = {
    ...c.schedule,
    sessionCount: c.schedule.sessionCount ?? null,
    until: c.schedule.until ?? null,
  };
  const dates = scheduleDates(schedule);
  const course = await tx.one<{ id: string }>(
    `insert into public.courses (tenant_id, name, kind, location, partner_organisation, facilitator_id, co_facilitator_id,
       capacity, min_age, max_age, starts_on, ends_on)
     values ($1, $2, $3::public.course_kind, $4, $5,
       (select id from public.volunteers where tenant_id = $1 and name = $6),
       (select id from public.volunteers where tenant_id = $1 and name = $7),
       $8, $9, $10, $11::date, $12::date)
     returning id`,
    [
      tenantId,
      c.name,
      c.kind,
      c.location,
      c.partner ?? null,
      c.facilitators[0] ?? null,
      c.facilitators[1] ?? null,
      c.capacity,
      c.ages?.[0] ?? null,
      c.ages?.[1] ?? null,
      dates[0],
      dates.at(-1),
    ],
  );
  await tx.query(
    `insert into public.course_schedules (tenant_id, course_id, frequency, first_date, session_count, until, starts_at, duration_minutes)
     values ($1, $2, $3, $4, $5, $6, $7, $8)`,
    [
      tenantId,
      course!.id,
      schedule.frequency,
      schedule.firstDate,
      schedule.sessionCount,
      schedule.until,
      schedule.startsAt,
      schedule.durationMinutes,
    ],
  );
  await tx.query(
    `insert into public.course_sessions (tenant_id, course_id, held_on, scheduled_on, starts_at, duration_minutes, status)
     select $1, $2, d, d, $3::time, $4, case when d < $5::date then 'held' else 'planned' end::public.session_status
     from unnest($6::date[]) as d`,
    [tenantId, course!.id, schedule.startsAt, schedule.durationMinutes, TODAY, dates],
  );
  // The facilitators came to every session held, but for the odd one.
  await tx.query(
    `insert into public.facilitator_attendance (tenant_id, course_id, session_id, volunteer_id, status)
     select s.tenant_id, s.course_id, s.id, v.id,
            case when (row_number() over (order by s.held_on, v.id)) % 7 = 0 then 'absent' else 'present' end
     from public.course_sessions s
     join public.courses c on c.tenant_id = s.tenant_id and c.id = s.course_id
     join public.volunteers v on v.tenant_id = c.tenant_id and v.id in (c.facilitator_id, c.co_facilitator_id)
     where s.tenant_id = $1 and s.course_id = $2 and s.status = 'held'`,
    [tenantId, course!.id],
  );
  if (c.enrolled.length === 0) return;
  await tx.query(
    `insert into public.enrolments (tenant_id, course_id, participant_id, started_on)
     select $1, $2, p.id, $3::date from public.participants p where p.tenant_id = $1 and p.first_name = any($4::text[])`,
    [tenantId, course!.id, schedule.firstDate, c.enrolled],
  );
  await tx.query(
    `insert into public.attendance (tenant_id, course_id, session_id, participant_id, status)
     select $1, $2, s.id, e.participant_id,
            ($3::text[])[1 + (row_number() over (order by s.held_on, e.participant_id))::int % array_length($3::text[], 1)]::public.attendance_status
     from public.course_sessions s join public.enrolments e on e.tenant_id = s.tenant_id and e.course_id = s.course_id
     where s.tenant_id = $1 and s.course_id = $2 and s.status = 'held'`,
    [tenantId, course!.id, STATUS_CYCLE],
  );
}

/** Ali, the demo peer, is also a volunteer of Frederiksberg's, and co-runs the recovery café. */
export async function seedDemoCourses(tx: Tx, tenantIds: Map<string, string>): Promise<void> {
  const frederiksberg = tenantIds.get('frederiksberg')!;
  await tx.query(
    `insert into public.volunteers (tenant_id, name, email, status, start_date, peer_education, user_id)
     select $1, 'Ali Demir', u.email, 'active', date '2026-03-01', 'completed', u.id from auth.users u where u.email = 'ali@demo.brobygger.dk'`,
    [frederiksberg],
  );
  for (const c of FREDERIKSBERG) await seedCourse(tx, frederiksberg, c);
  for (const c of HILLEROED) await seedCourse(tx, tenantIds.get('hilleroed')!, c);
}
