import type { EditSession } from '../grid/session.ts';
import type { GridRow } from '../grid/types.ts';
import type { RowError } from '@brobygger/api/rosters';
import type { MatrixBatch, MatrixColumnHeader, MatrixRecord, MatrixRowHeader, SaveResult } from './types.ts';

/**
 * Between the two shapes of a matrix: the server's records (one per non-empty cell) and the
 * editing session's rows (one per matrix row, a field per matrix column: `{ id: rowId,
 * version: null, [columnId]: value }`). The session knows what the user changed; the records
 * know which record each cell is, at which version. Free of React and AG Grid.
 */

export type Cell = { rowId: string; columnId: string };
export type CellChange = Cell & { value: unknown };

/** One string per cell, for maps. The separator cannot occur in ids. */
export const cellKey = (rowId: string, columnId: string) => `${rowId}\u001f${columnId}`;

const isEmpty = (value: unknown) => value == null || value === '';

/** The records as the server last returned them, by cell and by id. */
export class SavedCells {
  private readonly byCell = new Map<string, MatrixRecord>();
  private readonly byId = new Map<string, MatrixRecord>();

  constructor(
    private readonly columns: readonly MatrixColumnHeader[],
    records: readonly MatrixRecord[] = [],
  ) {
    this.apply(records, []);
  }

  at(rowId: string, columnId: string): MatrixRecord | undefined {
    return this.byCell.get(cellKey(rowId, columnId));
  }

  cellOf(recordId: string): Cell | undefined {
    const record = this.byId.get(recordId);
    return record && { rowId: record.rowId, columnId: record.columnId };
  }

  /** A matrix row as saved: every column's code, or null where no record exists. */
  rowOf(rowId: string): GridRow {
    const row: GridRow = { id: rowId, version: null };
    for (const { id } of this.columns) row[id] = this.at(rowId, id)?.value ?? null;
    return row;
  }

  /** Saved (or re-read) records replace whatever record held their cell; deleted ids disappear. */
  apply(records: readonly MatrixRecord[], deletedIds: readonly string[]): void {
    for (const id of deletedIds) this.remove(id);
    for (const record of records) {
      this.remove(record.id);
      const key = cellKey(record.rowId, record.columnId);
      const previous = this.byCell.get(key);
      if (previous) this.byId.delete(previous.id);
      this.byCell.set(key, record);
      this.byId.set(record.id, record);
    }
  }

  /** The record in a cell is gone (someone else deleted it). */
  clear(cell: Cell): void {
    const record = this.byCell.get(cellKey(cell.rowId, cell.columnId));
    if (record) this.remove(record.id);
  }

  private remove(recordId: string) {
    const record = this.byId.get(recordId);
    if (!record) return;
    this.byId.delete(recordId);
    this.byCell.delete(cellKey(record.rowId, record.columnId));
  }
}

/** The session's rows for the matrix: every row header crossed with every column. */
export function rowsFromRecords(
  rows: readonly MatrixRowHeader[],
  columns: readonly MatrixColumnHeader[],
  records: readonly MatrixRecord[],
): GridRow[] {
  const saved = new SavedCells(columns, records);
  return rows.map((r) => saved.rowOf(r.id));
}

/** The cells the user changed since the last save, with their new values. */
export function changedCells(edits: EditSession): CellChange[] {
  return edits
    .pending()
    .upserts.flatMap((row) =>
      edits.changedFields(row.id).map((columnId) => ({ rowId: row.id, columnId, value: row[columnId] })),
    );
}

/**
 * Ids for records the browser creates, one per cell, kept until the record is saved: a save
 * that is retried (after a lost answer, or a refusal) sends the same id, so the server can never
 * create a cell's record twice.
 */
export class NewRecordIds {
  private readonly byCell = new Map<string, string>();
  private readonly cells = new Map<string, Cell>();

  constructor(private readonly newId: () => string) {}

  for(cell: Cell): string {
    const key = cellKey(cell.rowId, cell.columnId);
    let id = this.byCell.get(key);
    if (!id) {
      id = this.newId();
      this.byCell.set(key, id);
      this.cells.set(id, cell);
    }
    return id;
  }

  cellOf(recordId: string): Cell | undefined {
    return this.cells.get(recordId);
  }

  /** The cell has a saved record now: a later new record there needs a new id. */
  forget(cell: Cell): void {
    const key = cellKey(cell.rowId, cell.columnId);
    const id = this.byCell.get(key);
    if (id) this.cells.delete(id);
    this.byCell.delete(key);
  }
}

/**
 * What Save sends for the changed cells: a new code in an empty cell is a new record (version
 * null, an id from the browser), a changed code an upsert of its record at the version it was
 * loaded at, and a cleared cell the delete of its record.
 */
export function batchOf(changes: readonly CellChange[], saved: SavedCells, newIds: NewRecordIds): MatrixBatch {
  const batch: MatrixBatch = { upserts: [], deletes: [] };
  for (const { rowId, columnId, value } of changes) {
    const record = saved.at(rowId, columnId);
    if (isEmpty(value)) {
      if (record?.version != null) batch.deletes.push({ id: record.id, version: record.version });
    } else if (record) {
      batch.upserts.push({ ...record, value: String(value) });
    } else {
      const id = newIds.for({ rowId, columnId });
      batch.upserts.push({ id, version: null, rowId, columnId, value: String(value) });
    }
  }
  return batch;
}

/** A cell someone else saved while this user edited it: their value, null when they cleared it. */
export type CellConflict = Cell & { theirs: string | null };

export type Refusal = { conflicts: CellConflict[]; errors: RowError[] };

type Refused = Extract<SaveResult<MatrixRecord>, { ok: false }>;

/**
 * A refused save in cell terms. Each conflict names a record by id; the cell is found from the
 * records this browser knows (or created), else from the server's record. The server's record
 * becomes the cell's saved state (`saved` is updated), so the next save carries its version.
 * Errors are moved from records to cells: `{ id: rowId, field: columnId }`.
 */
export function refusalOf(result: Refused, saved: SavedCells, newIds: NewRecordIds): Refusal {
  const locate = (recordId: string): Cell | undefined => saved.cellOf(recordId) ?? newIds.cellOf(recordId);
  const conflicts: CellConflict[] = [];
  for (const { id, server } of result.conflicts) {
    const cell = locate(id) ?? (server ? { rowId: server.rowId, columnId: server.columnId } : undefined);
    if (!cell) continue;
    saved.clear(cell);
    if (server) {
      saved.apply([{ ...server, rowId: cell.rowId, columnId: cell.columnId }], []);
      newIds.forget(cell);
    }
    conflicts.push({ ...cell, theirs: server?.value ?? null });
  }
  const errors = result.errors.flatMap(({ id, message }) => {
    const cell = locate(id);
    return cell ? [{ id: cell.rowId, field: cell.columnId, message }] : [];
  });
  return { conflicts, errors };
}
