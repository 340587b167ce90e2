import type { Tx } from '../tx.ts';

/**
 * Demo rosters, modelled on the documents in shared/seeds (Frederiksberg's 6-8 volunteers at the
 * start, recruitment through frivilligjob.dk and the volunteer centre, peer education with
 * Peer-Netværk Danmark and Recovery Lab). Every name is invented; participants are first names
 * or initials only, as the product asks of real users.
 */
type DemoVolunteer = [
  name: string,
  status: string,
  via: string,
  education: string,
  courses: string[],
  note: string | null,
];

const FREDERIKSBERG_VOLUNTEERS: DemoVolunteer[] = [
  ['Anne-Mette Lund', 'active', 'frivilligjob', 'completed', ['first_aid', 'psychosis_support'], 'Går gerne ture'],
  ['Kasper Nørgaard', 'active', 'volunteer_centre', 'in_progress', ['conflict_handling'], null],
  ['Fatima Yilmaz', 'active', 'word_of_mouth', 'completed', ['first_aid'], 'Taler tyrkisk'],
  ['Jens Ove Madsen', 'paused', 'partner', 'completed', [], 'Pause til februar'],
  ['Louise Brandt', 'active', 'frivilligjob', 'none', ['recovery'], null],
  ['Rasmus Thorsen', 'applicant', 'social_media', 'none', [], 'Indledende samtale aftalt'],
  ['Helle Kristoffersen', 'active', 'volunteer_centre', 'completed', ['first_aid', 'conflict_handling'], null],
  ['Mikkel Aagaard', 'stopped', 'frivilligjob', 'in_progress', [], 'Flyttet til Aarhus'],
];

const FREDERIKSBERG_PARTICIPANTS: [string, number | null, string, string][] = [
  ['Signe', 1994, 'psychiatry', 'active'],
  ['T.H.', 1987, 'housing_support', 'active'],
  ['Nikolaj', 2001, 'self', 'active'],
  ['Birthe', 1962, 'job_centre', 'paused'],
  ['A.K.', null, 'housing_support', 'waiting'],
  ['Omar', 1998, 'psychiatry', 'active'],
  ['Lis', 1975, 'general_practitioner', 'ended'],
  ['J.P.', 1990, 'self', 'waiting'],
];

export async function seedDemoRosters(tx: Tx, tenantId: string): Promise<void> {
  await tx.query(
    `insert into public.volunteers (tenant_id, name, email, status, status_changed_on, start_date, recruited_via,
       intake_on, confidentiality_signed_on, peer_education, short_courses, note)
     select $1, v.name, lower(replace(split_part(v.name, ' ', 1), '-', '')) || '@frivillig.example', v.status::public.volunteer_status,
            date '2026-02-01' + (v.n * 9), date '2026-02-01' + (v.n * 7), v.via, date '2026-01-20' + (v.n * 7),
            case when v.status <> 'applicant' then date '2026-01-25' + (v.n * 7) end,
            v.education::public.peer_education, v.courses, v.note
     from jsonb_to_recordset($2::jsonb) as v(n int, name text, status text, via text, education text, courses text[], note text)`,
    [
      tenantId,
      JSON.stringify(
        FREDERIKSBERG_VOLUNTEERS.map(([name, status, via, education, courses, note], n) => ({
          n,
          name,
          status,
          via,
          education,
          courses,
          note,
        })),
      ),
    ],
  );
  await tx.query(
    `insert into public.participants (tenant_id, first_name, birth_year, referred_by, consent_on, status)
     select $1, p.first_name, p.birth_year, p.referred_by, date '2026-03-01' + (p.n * 5), p.status::public.participant_status
     from jsonb_to_recordset($2::jsonb) as p(n int, first_name text, birth_year int, referred_by text, status text)`,
    [
      tenantId,
      JSON.stringify(
        FREDERIKSBERG_PARTICIPANTS.map(([first_name, birth_year, referred_by, status], n) => ({
          n,
          first_name,
          birth_year,
          referred_by,
          status,
        })),
      ),
    ],
  );
}
