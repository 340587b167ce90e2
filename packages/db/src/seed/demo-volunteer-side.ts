import type { Tx } from '../tx.ts';

/**
 * The volunteers' side of Frederiksberg's demo: the per-km rate history (the state's lower
 * rate style, round figures), three volunteer meetings with minutes and who attended, and a few
 * expenses, some waiting for approval and one of them entered by the demo peer Ali. Hillerød gets
 * the rate history too, so its settings page is not empty.
 */
const KM_RATES: [string, number][] = [
  ['2025-01-01', 3.51],
  ['2026-01-01', 3.81],
];

type DemoMeeting = {
  kind: 'monthly_meeting' | 'supervision';
  heldOn: string;
  topic: string;
  minutes: string;
  came: string[];
};

const MEETINGS: DemoMeeting[] = [
  {
    kind: 'monthly_meeting',
    heldOn: '2026-09-08',
    topic: 'Opstart på efterårets hold',
    minutes:
      'Vi gennemgik efterårets forløb og fordelte facilitatorer. Anne-Mette og Helle tager "Vejen til hverdagslivet", Ali og Fatima recovery-caféen.\n\nHusk at aflevere kørselsbilag senest den 5. i måneden efter.',
    came: ['Anne-Mette Lund', 'Helle Kristoffersen', 'Ali Demir', 'Fatima Yilmaz'],
  },
  {
    kind: 'supervision',
    heldOn: '2026-10-13',
    topic: 'Grænser i følgeskaber',
    minutes:
      'Supervision med psykolog Maria Holm. Vi talte om at sige fra, når en deltager ringer uden for aftalt tid, og om at bruge koordinatoren som bagstopper.',
    came: ['Anne-Mette Lund', 'Kasper Nørgaard', 'Louise Brandt'],
  },
  {
    kind: 'monthly_meeting',
    heldOn: '2026-11-10',
    topic: 'Status og julearrangement',
    minutes:
      'Status på holdene: god stabil deltagelse i caféen. Vi holder julearrangement for frivillige den 15. december; Louise undersøger lokale.',
    came: ['Helle Kristoffersen', 'Ali Demir', 'Louise Brandt', 'Kasper Nørgaard', 'Fatima Yilmaz'],
  },
];

type DemoExpense = {
  volunteer: string;
  spentOn: string;
  kind: 'transport' | 'other';
  km?: number;
  amount?: number;
  purpose: string;
  status: 'submitted' | 'approved' | 'rejected';
};

const EXPENSES: DemoExpense[] = [
  {
    volunteer: 'Anne-Mette Lund',
    spentOn: '2026-10-01',
    kind: 'transport',
    km: 18,
    purpose: 'Kørsel til gruppeforløb',
    status: 'approved',
  },
  {
    volunteer: 'Helle Kristoffersen',
    spentOn: '2026-10-08',
    kind: 'other',
    amount: 124.5,
    purpose: 'Frugt og kaffe til forløbet',
    status: 'approved',
  },
  {
    volunteer: 'Fatima Yilmaz',
    spentOn: '2026-10-13',
    kind: 'transport',
    km: 32.5,
    purpose: 'Kørsel til supervision',
    status: 'approved',
  },
  {
    volunteer: 'Kasper Nørgaard',
    spentOn: '2026-10-20',
    kind: 'other',
    amount: 60,
    purpose: 'Billetter til museumsbesøg',
    status: 'rejected',
  },
  {
    volunteer: 'Anne-Mette Lund',
    spentOn: '2026-11-05',
    kind: 'transport',
    km: 18,
    purpose: 'Kørsel til gruppeforløb',
    status: 'submitted',
  },
  {
    volunteer: 'Ali Demir',
    spentOn: '2026-11-10',
    kind: 'transport',
    km: 24,
    purpose: 'Kørsel til recovery-café og frivilligmøde',
    status: 'submitted',
  },
  {
    volunteer: 'Louise Brandt',
    spentOn: '2026-11-17',
    kind: 'other',
    amount: 89.95,
    purpose: 'Materialer til ungecaféen',
    status: 'submitted',
  },
];

async function seedKmRates(tx: Tx, tenantId: string) {
  for (const [validFrom, rate] of KM_RATES) {
    await tx.query('insert into public.km_rates (tenant_id, valid_from, rate) values ($1, $2, $3)', [
      tenantId,
      validFrom,
      rate,
    ]);
  }
}

export async function seedDemoVolunteerSide(tx: Tx, tenantIds: Map<string, string>): Promise<void> {
  const frederiksberg = tenantIds.get('frederiksberg')!;
  await seedKmRates(tx, frederiksberg);
  await seedKmRates(tx, tenantIds.get('hilleroed')!);
  for (const m of MEETINGS) {
    const meeting = await tx.one<{ id: string }>(
      `insert into public.volunteer_meetings (tenant_id, kind, held_on, topic, minutes)
       values ($1, $2, $3, $4, $5) returning id`,
      [frederiksberg, m.kind, m.heldOn, m.topic, m.minutes],
    );
    await tx.query(
      `insert into public.volunteer_meeting_attendees (tenant_id, meeting_id, volunteer_id)
       select $1, $2, v.id from public.volunteers v where v.tenant_id = $1 and v.name = any($3::text[])`,
      [frederiksberg, meeting!.id, m.came],
    );
  }
  for (const e of EXPENSES) {
    await tx.query(
      `insert into public.expenses (tenant_id, volunteer_id, spent_on, kind, km, amount, purpose, status)
       select $1, v.id, $3, $4, $5, $6, $7, $8 from public.volunteers v where v.tenant_id = $1 and v.name = $2`,
      [frederiksberg, e.volunteer, e.spentOn, e.kind, e.km ?? null, e.amount ?? null, e.purpose, e.status],
    );
  }
}
