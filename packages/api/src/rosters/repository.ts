import type { Tx } from '@brobygger/db';
import type { z } from 'zod';
import type { FieldDef } from './kit/fields.ts';
import { shownIn, type ColumnMap, type DerivedRoster, type ReadView } from './kit/define.ts';
import { recordedResult, recordResult, requestHashOf, type ReceiptKey } from './receipts.ts';
import type { RowError, SaveResult } from './save.ts';

type Versioned = { id: string; version: number | null };

/** Where a roster's rows live: a workspace, and for a child roster its parent row. */
export type RosterScope = { tenantId: string; parentId?: string };

/** One candidate of a lookup column: a row of the target roster, by label and detail. */
export type LookupOption = { id: string; label: string; detail: string | null };

/** Rolls the transaction back and carries the rows that made the save a conflict. */
class SaveConflict extends Error {
  constructor(readonly conflicts: { id: string; server: unknown }[]) {
    super('save_conflict');
  }
}

/** Rolls the transaction back: rows the caller may see but not change (per-row edit rights). */
class ReadOnlyRows extends Error {
  constructor(readonly ids: string[]) {
    super('row_read_only');
  }
}

/**
 * List and batch-save for one roster, derived from its definition. A save is three set-based
 * statements (delete, update, insert) over JSON arrays, whatever the number of rows, in the
 * caller's RLS transaction. Every existing row is matched on (id, version): a row someone else
 * changed or deleted since it was loaded matches nothing, and then the whole save is rolled back
 * and the current server rows are returned as conflicts. New rows carry a browser-generated id,
 * so a retried save cannot insert twice.
 *
 * A child roster is scoped to its parent in every statement: the parent column is set from the
 * scope on insert and required to match on update and delete, so a row of another course can
 * neither be read nor changed through this course's roster.
 */
export function rosterRepository<Row extends Versioned>(roster: DerivedRoster) {
  const { definition, columns } = roster;
  const table = definition.table;
  const parentColumn = definition.parent?.column;
  const naturalKey = definition.naturalKey as readonly string[] | undefined;
  const computed = (Object.entries(definition.fields) as [string, FieldDef][]).filter(([, f]) => f.computed);

  /**
   * A column as the grid holds it: times as HH:MM, the way they are typed, so an unchanged time
   * is not a change; decimals as numbers (node-postgres reads numeric as text, which the number
   * schema would refuse on the next save).
   */
  const readAs = (c: ColumnMap) =>
    c.sqlType === 'time'
      ? `to_char(t.${c.column}, 'HH24:MI')`
      : c.sqlType === 'numeric'
        ? `t.${c.column}::float8`
        : `t.${c.column}`;

  // Qualified with the table's alias `t` (which computed and row-right expressions use too),
  // because in UPDATE ... FROM the JSON record has columns of the same names.
  const selectListOf = (view: ReadView) =>
    [
      't.id',
      't.version',
      ...columns
        .filter((c) => shownIn(definition.fields[c.field] as FieldDef, view))
        .map((c) => `${readAs(c)} as "${c.field}"`),
      ...computed.filter(([, f]) => shownIn(f, view)).map(([name, f]) => `${f.computed!.sql} as "${name}"`),
      ...(definition.rowEditable ? [`${definition.rowEditable} as "editable"`] : []),
    ].join(', ');
  const selectList = selectListOf('full');
  /** Where a view's rows come from, as alias `t`; the partial source is a function of the workspace ($1). */
  const sourceOf = (view: ReadView) =>
    view === 'partial' && definition.partialRead ? `${definition.partialRead.source}($1) t` : `${table} t`;
  const recordType = ['id uuid', 'version integer', ...columns.map((c) => `"${c.field}" ${c.sqlType}`)].join(', ');

  /** `where` for the scope; parameters $1 (tenant) and, for a child roster, $2 (parent). */
  const scopeWhere = `t.tenant_id = $1${parentColumn ? ` and t.${parentColumn} = $2` : ''}`;
  const scopeParams = (scope: RosterScope) => (parentColumn ? [scope.tenantId, scope.parentId] : [scope.tenantId]);
  /** The first parameter number after the scope's. */
  const next = () => (parentColumn ? 3 : 2);

  /** A list's from, where, order and limit. */
  const listRest = (view: ReadView, limited: boolean) =>
    `from ${sourceOf(view)} where ${scopeWhere} order by ${definition.orderBy}` + (limited ? ` limit $${next()}` : '');
  /** The statement `list` reads; its columns are the row's fields (exported for the test of `list`). */
  const listSql = (view: ReadView, limited: boolean) => `select ${selectListOf(view)} ${listRest(view, limited)}`;
  /** Whether a view's rows are listed by the roster's reader, as the texts they keep (`listedJson`). */
  const readsKept = (view: ReadView) => !!definition.listedJson && view === 'full';
  /**
   * The statement that reads the rows' JSON texts, with its parameters: as each row keeps its text,
   * through the reader (which always takes a limit, null for all), or as Postgres writes it now.
   */
  const rowTextsQuery = (scope: RosterScope, view: ReadView, limit?: number) =>
    readsKept(view)
      ? {
          text: `select r as row from ${definition.listedJson!.reader}($1, $${next()}) r`,
          params: [...scopeParams(scope), limit ?? null],
        }
      : {
          text: `select row_to_json(r)::text as row from (${listSql(view, limit !== undefined)}) r`,
          params: limit === undefined ? scopeParams(scope) : [...scopeParams(scope), limit],
        };

  /**
   * The rows in the roster's order, each as one JSON text from Postgres; with `limit`, only
   * the first ones (a page's first screenful). One text per row, parsed natively, rather than ~30
   * columns the driver converts one by one: a 200-row roster costs the server ~40 % less this way,
   * and every request pays it (docs/decisions/035). The columns are read as types whose JSON is
   * the driver's value (numbers as float8 or int, times as text; see `readAs`), and a test holds
   * the two equal for every roster.
   */
  const rowTexts = async (tx: Tx, scope: RosterScope, view: ReadView, limit?: number) => {
    const { text, params } = rowTextsQuery(scope, view, limit);
    return (await tx.query<{ row: string }>(text, params)).map((r) => r.row);
  };

  /** The rows as values. */
  const list = async (tx: Tx, scope: RosterScope, view: ReadView = 'full', limit?: number) =>
    (await rowTexts(tx, scope, view, limit)).map((text) => JSON.parse(text) as Row);

  /**
   * The same rows as one JSON array text, for an answer that passes it through unparsed
   * (json-text.ts): the rows' texts joined, not parsed. (Joined here rather than by json_agg in
   * Postgres, which measured ~0.4 ms more of Postgres' CPU for 200 rows than the row texts.)
   */
  const listJson = async (tx: Tx, scope: RosterScope, view: ReadView = 'full', limit?: number) =>
    `[${(await rowTexts(tx, scope, view, limit)).join(',')}]`;

  const byIds = (tx: Tx, scope: RosterScope, ids: string[], view: ReadView = 'full') =>
    tx.query<Row>(
      `select ${selectListOf(view)} from ${sourceOf(view)} where ${scopeWhere} and t.id = any($${next()}::uuid[])`,
      [...scopeParams(scope), ids],
    );

  /**
   * New rows that lost to a row someone else created with the same natural key meanwhile (two
   * people marking the same attendance cell): that row, by the id this caller sent.
   */
  async function takenByOthers(tx: Tx, scope: RosterScope, rows: Row[]): Promise<Map<string, Row>> {
    if (!naturalKey || rows.length === 0) return new Map();
    const keyOf = (r: Record<string, unknown>) => naturalKey.map((f) => String(r[f])).join('|');
    const wanted = new Map(rows.map((r) => [keyOf(r as Record<string, unknown>), r.id]));
    const keyColumns = naturalKey.map((f) => columns.find((c) => c.field === f)!);
    const existing = await tx.query<Row>(
      `select ${selectList} from ${table} t where ${scopeWhere}
       and (${keyColumns.map((c) => `t.${c.column}`).join(', ')}) in
           (select ${keyColumns.map((c) => `x."${c.field}"`).join(', ')} from jsonb_to_recordset($${next()}::jsonb) as x(${recordType}))`,
      [...scopeParams(scope), JSON.stringify(rows)],
    );
    const out = new Map<string, Row>();
    for (const row of existing) {
      const sentId = wanted.get(keyOf(row as Record<string, unknown>));
      if (sentId) out.set(sentId, row);
    }
    return out;
  }

  /** Whether the parent row exists and the caller may see it (RLS decides). */
  async function parentVisible(tx: Tx, scope: RosterScope): Promise<boolean> {
    if (!definition.parent) return true;
    const row = await tx.one(`select 1 from ${definition.parent.table} p where p.tenant_id = $1 and p.id = $2`, [
      scope.tenantId,
      scope.parentId,
    ]);
    return row != null;
  }

  /** Whether the caller may add and delete rows under the parent (`parentEditable`); false without it. */
  async function parentEditable(tx: Tx, scope: RosterScope): Promise<boolean> {
    if (!definition.parent || !definition.parentEditable) return false;
    const row = await tx.one<{ ok: boolean }>(
      `select (${definition.parentEditable}) as ok from ${definition.parent.table} p where p.tenant_id = $1 and p.id = $2`,
      [scope.tenantId, scope.parentId],
    );
    return row?.ok === true;
  }

  /** The candidates of every lookup column, visible to the caller, by field name. */
  async function lookups(tx: Tx, scope: RosterScope): Promise<Record<string, LookupOption[]>> {
    const out: Record<string, LookupOption[]> = {};
    for (const [name, f] of Object.entries(definition.fields) as [string, FieldDef][]) {
      if (!f.lookup) continue;
      const { table: target, label, detail, where, directory } = f.lookup;
      // Those who may not read the target table (a peer and the volunteers) may still see the
      // names its directory function shows them; for everyone else the union adds nothing new.
      const also = directory ? ` union select d.id, d.label, d.detail from ${directory}($1) d` : '';
      out[name] = await tx.query<LookupOption>(
        `select c.id, c.label, c.detail from (
           select l.id, (${label})::text as label, (${detail ?? 'null'})::text as detail from ${target} l
           where l.tenant_id = $1${where ? ` and (${where})` : ''}${also}
         ) c order by c.label collate "da-DK-x-icu", c.detail, c.id`,
        [scope.tenantId],
      );
    }
    return out;
  }

  /** Validates every row with the shared schema, so the browser and the server agree on errors. */
  function validate(rows: unknown[]): { valid: Row[]; errors: RowError[] } {
    const valid: Row[] = [];
    const errors: RowError[] = [];
    for (const raw of rows) {
      const parsed = (roster.rowSchema as z.ZodType).safeParse(raw);
      if (parsed.success) valid.push(parsed.data as Row);
      else {
        const id = String((raw as { id?: unknown })?.id ?? '');
        for (const issue of parsed.error.issues) {
          errors.push({
            id,
            field: String(issue.path[0] ?? ''),
            message: issue.message.startsWith('errors:') ? issue.message : 'errors:invalid_input',
          });
        }
      }
    }
    return { valid, errors };
  }

  async function save(
    tx: Tx,
    scope: RosterScope,
    valid: Row[],
    deletes: { id: string; version: number }[],
  ): Promise<Row[]> {
    const inserts = valid.filter((r) => r.version === null);
    const updates = valid.filter((r) => r.version !== null);
    const params = scopeParams(scope);
    const n = next();

    if (definition.rowEditable && (updates.length || deletes.length)) {
      const locked = await tx.query<{ id: string }>(
        `select t.id from ${table} t where ${scopeWhere} and t.id = any($${n}::uuid[]) and not (${definition.rowEditable})`,
        [...params, [...updates.map((r) => r.id), ...deletes.map((d) => d.id)]],
      );
      if (locked.length) throw new ReadOnlyRows(locked.map((r) => r.id));
    }

    const deleted = deletes.length
      ? await tx.query<{ id: string }>(
          `delete from ${table} t using unnest($${n}::uuid[], $${n + 1}::int[]) as d(id, version)
           where ${scopeWhere} and t.id = d.id and t.version = d.version returning t.id`,
          [...params, deletes.map((d) => d.id), deletes.map((d) => d.version)],
        )
      : [];
    const many = updates.length >= 500;
    if (many) {
      // Under RLS the planner expects ~1 matching row and, with stale statistics, picks a nested
      // loop over the JSON array: measured 1-2 minutes for 10,000 rows instead of ~60 ms.
      // Transaction-local, like everything withRls sets.
      await tx.query("select set_config('enable_nestloop', 'off', true)");
    }
    // A few rows (a grid edit) are found by their ids in the primary key. Without the id list the
    // planner expects jsonb_to_recordset's default 100 rows and reads the workspace's whole roster
    // to join them: ~0.3 ms of Postgres for a one-row save of a 200-row roster.
    const idList = many ? '' : ` and t.id = any($${n + 1}::uuid[])`;
    const updated = updates.length
      ? await tx.query<Row>(
          `update ${table} t set ${columns.map((c) => `${c.column} = x."${c.field}"`).join(', ')}
           from jsonb_to_recordset($${n}::jsonb) as x(${recordType})
           where ${scopeWhere} and t.id = x.id and t.version = x.version${idList}
           returning ${selectList}`,
          [...params, JSON.stringify(updates), ...(many ? [] : [updates.map((r) => r.id)])],
        )
      : [];
    const insertColumns = ['tenant_id', ...(parentColumn ? [parentColumn] : []), 'id', ...columns.map((c) => c.column)];
    const inserted = inserts.length
      ? await tx.query<Row>(
          `insert into ${table} as t (${insertColumns.join(', ')})
           select $1, ${parentColumn ? '$2, ' : ''}x.id, ${columns.map((c) => `x."${c.field}"`).join(', ')}
           from jsonb_to_recordset($${n}::jsonb) as x(${recordType})
           on conflict ${naturalKey ? '' : '(tenant_id, id) '}do nothing
           returning ${selectList}`,
          [...params, JSON.stringify(inserts)],
        )
      : [];

    const done = new Set([...deleted, ...updated, ...inserted].map((r) => r.id));
    const missed = [...deletes, ...updates, ...inserts].map((r) => r.id).filter((id) => !done.has(id));
    if (missed.length) {
      const current = new Map((await byIds(tx, scope, missed)).map((r) => [r.id, r]));
      const taken = await takenByOthers(
        tx,
        scope,
        inserts.filter((r) => !done.has(r.id) && !current.has(r.id)),
      );
      throw new SaveConflict(missed.map((id) => ({ id, server: current.get(id) ?? taken.get(id) ?? null })));
    }
    return [...updated, ...inserted];
  }

  /**
   * The whole save as the API returns it: validation first, then one all-or-nothing transaction.
   * With a batch id, a batch that was saved already (a retry after a lost answer) gets the result
   * recorded then, and nothing is written again (see receipts.ts).
   */
  async function saveAll(
    runTx: <T>(fn: (tx: Tx) => Promise<T>) => Promise<T>,
    scope: RosterScope,
    batch: { batchId?: string; upserts: unknown[]; deletes: { id: string; version: number }[] },
  ): Promise<SaveResult<Row>> {
    const { valid, errors } = validate(batch.upserts);
    if (errors.length) return { ok: false, conflicts: [], errors };
    const receipt: ReceiptKey | undefined = batch.batchId
      ? {
          tenantId: scope.tenantId,
          batchId: batch.batchId,
          roster: definition.name,
          requestHash: requestHashOf(definition.name, scope, batch),
        }
      : undefined;
    try {
      return await runTx(async (tx) => {
        const recorded = receipt && (await recordedResult(tx, receipt));
        if (recorded) return recorded as SaveResult<Row>;
        const rows = await save(tx, scope, valid, batch.deletes);
        const result: SaveResult<Row> = { ok: true, rows, deleted: batch.deletes.map((d) => d.id) };
        if (receipt) await recordResult(tx, receipt, result);
        return result;
      });
    } catch (error) {
      if (error instanceof SaveConflict)
        return { ok: false, conflicts: error.conflicts as { id: string; server: Row | null }[], errors: [] };
      if (error instanceof ReadOnlyRows) {
        return {
          ok: false,
          conflicts: [],
          errors: error.ids.map((id) => ({ id, field: '', message: 'errors:row_read_only' })),
        };
      }
      throw error;
    }
  }

  return { definition, list, listJson, listSql, scopeParams, byIds, lookups, parentVisible, parentEditable, saveAll };
}

export type RosterRepository<Row extends Versioned = Versioned> = ReturnType<typeof rosterRepository<Row>>;
