import { volunteers, ZVolunteerRow, type VolunteerRow } from '@brobygger/api/rosters';
import { withPrivilegedTx } from '@brobygger/db';
import { coordinatorWorkspace } from './coordinator.ts';
import { alternate, ratioOutcome, time, type Log } from './measure.ts';
import { seedVolunteers } from './seed.ts';
import type { BenchOutcome } from './types.ts';

/**
 * grid-save-10k: 10,000 changed volunteer rows saved through `volunteers.save` as a coordinator
 * (tRPC input parsing, row validation, RLS transaction, version-checked update returning the
 * rows) against a plain privileged upsert of the same rows and columns. Both fire the same
 * triggers (version bump, statement-level audit), so the ratio isolates RLS and API overhead.
 */

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

export async function gridSave10k(log: Log): Promise<BenchOutcome> {
  const { tenant, caller } = await coordinatorWorkspace(log, 'Benchkommune');

  const seeded = await time(() => seedVolunteers(tenant.id, ROWS));
  log(`seeded ${ROWS} volunteers in ${seeded.ms.toFixed(0)} ms`);

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

  const medians = await alternate(log, { warmup: WARMUP_ROUNDS, rounds: MEASURED_ROUNDS }, viaApi, viaBaseline);
  return ratioOutcome('grid-save-10k', medians, {
    rounds: MEASURED_ROUNDS,
    targetRatio: TARGET_RATIO,
    targetMs: TARGET_MS,
  });
}
