import { withPrivilegedTx } from '@brobygger/db';

/**
 * `rows` varied, valid volunteers in one set-based insert (the insert audit trigger fires once):
 * every status, option and date column filled the way a real roster would be, some left empty.
 * Names are "Frivillig 00001", "Frivillig 00002", ... so a page can be checked for the right rows.
 */
const SEED_SQL = `
  insert into public.volunteers (tenant_id, name, email, phone, status, status_changed_on, start_date, recruited_via,
    intake_on, confidentiality_signed_on, record_check_on, record_check_ok, meets_children_under_15, peer_education,
    peer_education_provider, short_courses, note)
  select $1,
    'Frivillig ' || lpad(g::text, 5, '0'),
    'frivillig' || g || '@example.dk',
    '+45 ' || lpad((g % 100)::text, 2, '0') || ' ' || lpad((g % 997)::text, 3, '0'),
    (array['applicant', 'active', 'paused', 'stopped']::public.volunteer_status[])[1 + g % 4],
    date '2026-01-01' + (g % 300),
    case when g % 3 = 0 then null else date '2025-01-01' + (g % 365) end,
    (array['frivilligjob', 'volunteer_centre', 'word_of_mouth', 'partner', 'social_media', 'other'])[1 + g % 6],
    date '2024-06-01' + (g % 500),
    case when g % 2 = 0 then date '2024-07-01' + (g % 400) end,
    case when g % 5 <> 0 then date '2024-08-01' + (g % 300) end,
    case when g % 5 <> 0 then g % 7 <> 0 end,
    g % 4 = 0,
    (array['none', 'in_progress', 'completed']::public.peer_education[])[1 + g % 3],
    case when g % 3 = 2 then 'Peer-netværket' end,
    case g % 4 when 0 then '{}'::text[] when 1 then array['first_aid'] when 2 then array['first_aid', 'recovery']
      else array['conflict_handling', 'psychosis_support', 'suicide_prevention'] end,
    'Startnote ' || g
  from generate_series(1, $2::int) g`;

/**
 * Seeds the workspace's roster, then ANALYZEs the table: steady state, planner statistics as
 * autovacuum would leave them (without them RLS quals make the planner expect ~1 row).
 */
export async function seedVolunteers(tenantId: string, rows: number): Promise<void> {
  await withPrivilegedTx('seed', (tx) => tx.query(SEED_SQL, [tenantId, rows]));
  await withPrivilegedTx('seed', (tx) => tx.query('analyze public.volunteers'));
}
