import { newRowId } from '../grid/ids.ts';
import { EditSession, type ChangeIntent, type GridDelta } from '../grid/session.ts';
import type { GridRow } from '../grid/types.ts';
import { valuesEqual } from '../grid/values.ts';
import {
  batchOf,
  cellKey,
  changedCells,
  NewRecordIds,
  refusalOf,
  rowsFromRecords,
  SavedCells,
  type CellConflict,
} from './matrix-model.ts';
import type { MatrixBatch, MatrixColumnHeader, MatrixRecord, MatrixRowHeader, SaveResult } from './types.ts';

export type CellChoice = 'theirs' | 'mine';

/**
 * The editing state of one matrix: the shared EditSession holds the cells (edits, undo/redo,
 * dirty marks, server errors), `SavedCells` which record each cell is at which version, and the
 * conflicts of the last refused save, per cell.
 *
 * A conflict is settled per cell, not per row as in a roster: a row is a participant across
 * all sessions, and someone else recording one session says nothing about the others. So a
 * refused save moves each conflicting cell's saved state to the server's record at once (the
 * session row is rebased, keeping every edit), and Save stays blocked until the user has chosen,
 * for each such cell, their value or the other person's.
 */
export class MatrixSession {
  readonly edits: EditSession;
  private readonly saved: SavedCells;
  private readonly newIds: NewRecordIds;
  private readonly cellConflicts = new Map<string, CellConflict>();

  constructor(
    rows: readonly MatrixRowHeader[],
    columns: readonly MatrixColumnHeader[],
    records: readonly MatrixRecord[],
    newId: () => string = newRowId,
  ) {
    this.saved = new SavedCells(columns, records);
    this.newIds = new NewRecordIds(newId);
    this.edits = new EditSession(rowsFromRecords(rows, columns, records));
  }

  get revision(): number {
    return this.edits.revision;
  }

  value(rowId: string, columnId: string): unknown {
    return this.edits.row(rowId)?.[columnId] ?? null;
  }

  commit(intent: ChangeIntent): GridDelta {
    return this.edits.commit(intent);
  }

  /** What Save sends now. */
  batch(): MatrixBatch {
    return batchOf(changedCells(this.edits), this.saved, this.newIds);
  }

  /** Cells changed and not yet saved. */
  changeCount(): number {
    return changedCells(this.edits).length;
  }

  conflictAt(rowId: string, columnId: string): CellConflict | undefined {
    return this.cellConflicts.get(cellKey(rowId, columnId));
  }

  conflicts(): CellConflict[] {
    return [...this.cellConflicts.values()];
  }

  /** The server's message (an i18n key) about a cell from the last save, until the cell is edited. */
  serverErrorAt(rowId: string, columnId: string): string | undefined {
    return this.edits.serverErrors.get(rowId)?.get(columnId);
  }

  /**
   * The answer to a save. Saved: the returned records become the saved state and the matrix
   * rows the new baseline. Refused: nothing was written; edits stay, conflicting cells are
   * rebased onto the other person's record and listed, errors are put on their cells.
   */
  applySaveResult(result: SaveResult<MatrixRecord>): GridDelta {
    this.cellConflicts.clear();
    if (result.ok) {
      const touched = new Set(changedCells(this.edits).map((c) => c.rowId));
      for (const record of result.rows) {
        touched.add(record.rowId);
        this.newIds.forget(record);
      }
      this.saved.apply(result.rows, result.deleted);
      return this.edits.applySaveResult({
        ok: true,
        rows: [...touched].map((id) => this.saved.rowOf(id)),
        deleted: [],
      });
    }
    const { conflicts, errors } = refusalOf(result, this.saved, this.newIds);
    const rowIds = [...new Set(conflicts.map((c) => c.rowId))];
    const deltas = [
      this.edits.applySaveResult({
        ok: false,
        conflicts: rowIds.map((id) => ({ id, server: this.saved.rowOf(id) })),
        errors,
      }),
    ];
    // "Mine" lays this user's changed cells over the server's row: their edits stay, and the
    // cells they did not touch take the other person's values.
    for (const id of rowIds) deltas.push(this.edits.resolveConflict(id, 'mine'));
    for (const conflict of conflicts) {
      // Both people wrote the same thing: nothing to choose.
      if (!valuesEqual(this.value(conflict.rowId, conflict.columnId), conflict.theirs))
        this.cellConflicts.set(cellKey(conflict.rowId, conflict.columnId), conflict);
    }
    return mergeDeltas(deltas);
  }

  /** Settles one conflicting cell: their value (an undoable edit), or mine (sent with their version next time). */
  resolve(rowId: string, columnId: string, choice: CellChoice): GridDelta {
    const conflict = this.conflictAt(rowId, columnId);
    if (!conflict) return { add: [], update: [], remove: [] };
    this.cellConflicts.delete(cellKey(rowId, columnId));
    if (choice === 'theirs')
      return this.edits.commit({ cells: [{ id: rowId, field: columnId, value: conflict.theirs }] });
    this.edits.revision++;
    const row = this.edits.row(rowId);
    return { add: [], update: row ? [row] : [], remove: [] };
  }
}

/** Several steps' grid transactions as one; a row updated twice is sent once, as it is now. */
function mergeDeltas(deltas: readonly GridDelta[]): GridDelta {
  const update = new Map<string, GridRow>();
  for (const delta of deltas) for (const row of delta.update) update.set(row.id, row);
  return { add: [], update: [...update.values()], remove: [] };
}
