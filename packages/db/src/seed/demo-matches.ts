import type { Tx } from '../tx.ts';

/**
 * Demo companionship in Frederiksberg: Ali, the demo peer, with Omar since September; Signe's
 * match with Anne-Mette, still active past its six months; a proposed and an ended match. Each
 * active or ended one has a short meeting log. The volunteers who may be matched get the
 * record check that the matching help asks for, so its suggestions are not empty.
 */
type DemoMatch = {
  participant: string;
  volunteers: [string] | [string, string];
  status: 'proposed' | 'active' | 'paused' | 'ended';
  endReason?: string;
  intakeOn: string;
  startsOn: string | null;
  /** Meetings as [date, minutes, kind]. */
  meetings: [string, number, string][];
};

const CHECKED_VOLUNTEERS = ['Anne-Mette Lund', 'Fatima Yilmaz', 'Louise Brandt', 'Helle Kristoffersen', 'Ali Demir'];

const FREDERIKSBERG: DemoMatch[] = [
  {
    participant: 'Omar',
    volunteers: ['Ali Demir'],
    status: 'active',
    intakeOn: '2026-09-02',
    startsOn: '2026-09-15',
    meetings: [
      ['2026-09-22', 60, 'walk'],
      ['2026-10-06', 90, 'activity'],
      ['2026-10-20', 45, 'conversation'],
      ['2026-11-10', 75, 'walk'],
    ],
  },
  {
    participant: 'Signe',
    volunteers: ['Anne-Mette Lund', 'Louise Brandt'],
    status: 'active',
    intakeOn: '2026-03-10',
    startsOn: '2026-04-01',
    meetings: [
      ['2026-04-08', 60, 'conversation'],
      ['2026-05-13', 120, 'activity'],
      ['2026-07-01', 60, 'walk'],
      ['2026-09-16', 45, 'conversation'],
    ],
  },
  {
    participant: 'Nikolaj',
    volunteers: ['Fatima Yilmaz'],
    status: 'proposed',
    intakeOn: '2026-11-18',
    startsOn: '2026-12-01',
    meetings: [],
  },
  {
    participant: 'Lis',
    volunteers: ['Helle Kristoffersen'],
    status: 'ended',
    endReason: 'completed',
    intakeOn: '2026-01-12',
    startsOn: '2026-02-01',
    meetings: [
      ['2026-02-10', 60, 'walk'],
      ['2026-04-14', 90, 'activity'],
      ['2026-07-21', 60, 'conversation'],
    ],
  },
];

export async function seedDemoMatches(tx: Tx, tenantId: string): Promise<void> {
  await tx.query(
    `update public.volunteers set record_check_on = date '2026-01-15', record_check_ok = true,
       confidentiality_signed_on = coalesce(confidentiality_signed_on, date '2026-03-01')
     where tenant_id = $1 and name = any($2::text[])`,
    [tenantId, CHECKED_VOLUNTEERS],
  );
  for (const m of FREDERIKSBERG) {
    const match = await tx.one<{ id: string }>(
      `insert into public.matches (tenant_id, participant_id, volunteer_id, co_volunteer_id, intake_on, starts_on, status, end_reason)
       select $1, p.id, v.id, co.id, $5::date, $6::date, $7::public.match_status, $8
       from public.participants p
       join public.volunteers v on v.tenant_id = p.tenant_id and v.name = $3
       left join public.volunteers co on co.tenant_id = p.tenant_id and co.name = $4
       where p.tenant_id = $1 and p.first_name = $2
       returning id`,
      [
        tenantId,
        m.participant,
        m.volunteers[0],
        m.volunteers[1] ?? null,
        m.intakeOn,
        m.startsOn,
        m.status,
        m.endReason ?? null,
      ],
    );
    if (m.meetings.length === 0) continue;
    await tx.query(
      `insert into public.match_meetings (tenant_id, match_id, met_on, minutes, kind)
       select $1, $2, x.met_on, x.minutes, x.kind::public.meeting_kind
       from jsonb_to_recordset($3::jsonb) as x(met_on date, minutes int, kind text)`,
      [tenantId, match!.id, JSON.stringify(m.meetings.map(([met_on, minutes, kind]) => ({ met_on, minutes, kind })))],
    );
  }
}
