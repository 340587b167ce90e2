import { performance } from 'node:perf_hooks';
import { createCaller } from '@brobygger/api';
import { volunteers, ZVolunteerRow, type VolunteerRow } from '@brobygger/api/rosters';
import { withPrivilegedTx, withRls } from '@brobygger/db';
import { addMember, createTenant, createUser } from '@brobygger/db/testing';

/**
 * grid-save-10k: 10,000 changed volunteer rows saved through `volunteers.save` as a coordinator
 * (tRPC input parsing, row validation, RLS transaction, version-checked update returning the
 * rows) against a plain privileged upsert of the same rows and columns. Both fire the same
 * triggers (version bump, statement-level audit), so the ratio isolates RLS and API overhead.
 */

export type BenchResult = {
  bench: string;
  ms: number;
  baseline_ms: number;
  ratio: number;
  rounds: number;
  target_ratio: number;
};

export const TARGET_RATIO = 1.5;
export const TARGET_MS = 1000;

const ROWS = 10_000;
const WARMUP_ROUNDS = 1;
const MEASURED_ROUNDS = 7;

// The columns the volunteers router saves: the baseline upserts exactly these.
const COLUMNS = volunteers.columns;

const recordType = ['id uuid', 'version integer', ...COLUMNS.map((c) => `"${c.field}" ${c.sqlType}`)].join(', ');

/** The privileged baseline: one set-based upsert, no version check, no RLS, nothing returned. */
const BASELINE_SQL = `
  insert into public.volunteers as t (tenant_id, id, ${COLUMNS.map((c) => c.column).join(', ')})
  select $1, x.id, ${COLUMNS.map((c) => `x."${c.field}"`).join(', ')}
  from jsonb_to_recordset($2::jsonb) as x(${recordType})
  on conflict (tenant_id, id) do update set ${COLUMNS.map((c) => `${c.column} = excluded.${c.column}`).join(', ')}`;

const SELECT_ROWS = `
  select id, version, ${COLUMNS.map((c) => `${c.column} as "${c.field}"`).join(', ')}
  from public.volunteers where tenant_id = $1 order by id`;

/** One set-based insert of ROWS varied, valid volunteers (the insert audit trigger fires once). */
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

type Log = (line: string) => void;

const median = (values: number[]) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

export async function gridSave10k(log: Log): Promise<BenchResult> {
  const tenant = await createTenant('municipality', 'Benchkommune');
  const coordinator = await createUser('coordinator');
  await addMember(tenant, coordinator, 'coordinator');
  const caller = createCaller({
    session: { userId: coordinator.id, email: coordinator.email, claims: coordinator.claims },
    db: { tx: (fn) => withRls(coordinator.claims, fn) },
    mailer: { send: async () => {} },
    appUrl: 'http://localhost:3000',
    locale: 'da',
    log: (level, message, extra) => log(`[api ${level}] ${message} ${extra ? JSON.stringify(extra) : ''}`),
  });

  const seeded = await time(() => withPrivilegedTx('seed', (tx) => tx.query(SEED_SQL, [tenant.id, ROWS])));
  log(`seeded ${ROWS} volunteers in ${seeded.ms.toFixed(0)} ms`);
  // Steady state: planner statistics as autovacuum would leave them. Without them the RLS quals
  // make the planner expect ~1 volunteer row, and the save's UPDATE ... FROM jsonb_to_recordset
  // becomes a nested loop over 10,000 x 10,000 rows (a minute or more, see README).
  await withPrivilegedTx('seed', (tx) => tx.query('analyze public.volunteers'));

  const load = () => withPrivilegedTx('test', (tx) => tx.query<VolunteerRow>(SELECT_ROWS, [tenant.id]));
  const countTagged = (note: string) =>
    withPrivilegedTx('test', (tx) =>
      tx.one<{ n: number }>('select count(*)::int as n from public.volunteers where tenant_id = $1 and note like $2', [
        tenant.id,
        `${note}%`,
      ]),
    ).then((r) => r?.n ?? 0);

  /**
   * The changed rows for one measurement: every row gets a new phone and note, distinct per round
   * and per path, so both paths really change 10,000 rows (and the audit trigger logs 10,000).
   */
  const change = (rows: VolunteerRow[], tag: string, k: number): VolunteerRow[] =>
    rows.map((r, i) => ({
      ...r,
      phone: `+45 ${String(k).padStart(2, '0')} ${String(i).padStart(5, '0')}`,
      note: `${tag} række ${i}`,
    }));

  const current = await load();
  if (current.length !== ROWS) throw new Error(`expected ${ROWS} seeded rows, found ${current.length}`);
  const sample = change(current, 'check', 0);
  const invalid = sample.filter((r) => !ZVolunteerRow.safeParse(r).success);
  if (invalid.length)
    throw new Error(`${invalid.length} generated rows fail ZVolunteerRow, e.g. ${JSON.stringify(invalid[0])}`);

  async function viaApi(round: number): Promise<number> {
    const tag = `api r${round}`;
    const upserts = change(await load(), tag, 2 * round);
    const { ms, result } = await time(() => caller.volunteers.save({ tenant: tenant.slug, upserts, deletes: [] }));
    if (!result.ok) {
      throw new Error(
        `volunteers.save returned ok:false (${result.conflicts.length} conflicts, ${result.errors.length} errors, e.g. ${JSON.stringify(result.errors[0] ?? result.conflicts[0])})`,
      );
    }
    if (result.rows.length !== ROWS)
      throw new Error(`volunteers.save returned ${result.rows.length} rows, expected ${ROWS}`);
    const n = await countTagged(tag);
    if (n !== ROWS) throw new Error(`after volunteers.save ${n} rows carry the new note, expected ${ROWS}`);
    return ms;
  }

  async function viaBaseline(round: number): Promise<number> {
    const tag = `base r${round}`;
    const upserts = change(await load(), tag, 2 * round + 1);
    const { ms } = await time(() =>
      withPrivilegedTx('test', (tx) => tx.query(BASELINE_SQL, [tenant.id, JSON.stringify(upserts)])),
    );
    const n = await countTagged(tag);
    if (n !== ROWS) throw new Error(`after the baseline upsert ${n} rows carry the new note, expected ${ROWS}`);
    return ms;
  }

  const apiMs: number[] = [];
  const baseMs: number[] = [];
  for (let round = 0; round < WARMUP_ROUNDS + MEASURED_ROUNDS; round++) {
    const apiFirst = round % 2 === 0;
    let a: number;
    let b: number;
    if (apiFirst) {
      a = await viaApi(round);
      b = await viaBaseline(round);
    } else {
      b = await viaBaseline(round);
      a = await viaApi(round);
    }
    const warmup = round < WARMUP_ROUNDS;
    log(
      `${warmup ? 'warm-up' : `round ${round - WARMUP_ROUNDS + 1}/${MEASURED_ROUNDS}`} (${apiFirst ? 'api first' : 'baseline first'}): ` +
        `api ${a.toFixed(0)} ms, baseline ${b.toFixed(0)} ms, ratio ${(a / b).toFixed(2)}`,
    );
    if (!warmup) {
      apiMs.push(a);
      baseMs.push(b);
    }
  }

  const ms = median(apiMs);
  const baseline = median(baseMs);
  return {
    bench: 'grid-save-10k',
    ms: Math.round(ms),
    baseline_ms: Math.round(baseline),
    ratio: Math.round((ms / baseline) * 100) / 100,
    rounds: MEASURED_ROUNDS,
    target_ratio: TARGET_RATIO,
  };
}
