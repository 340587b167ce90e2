import { History } from './history.ts';
import type { GridRow, SaveBatch, SaveResult } from './types.ts';
import { valuesEqual } from './values.ts';

/** One cell's value before and after a step, so the step can be undone and redone exactly. */
export type CellEdit = { id: string; field: string; before: unknown; after: unknown };

/** One undoable step: an edit, a paste (possibly adding rows), a fill, added or deleted rows. */
export type ChangeSet = { added: GridRow[]; deleted: string[]; cells: CellEdit[] };

/** What a step asks for; the session fills in the values it replaces. */
export type ChangeIntent = {
  added?: GridRow[];
  deleted?: string[];
  cells?: { id: string; field: string; value: unknown }[];
};

/** The AG Grid transaction that shows a step: the grid's rows are never replaced wholesale. */
export type GridDelta = { add: GridRow[]; update: GridRow[]; remove: GridRow[] };

export type ConflictChoice = 'theirs' | 'mine';

const META = new Set(['id', 'version']);
const fieldsOf = (row: GridRow) => Object.keys(row).filter((k) => !META.has(k));

/**
 * The editing state of one grid, free of React and AG Grid so it can be tested on its own: the
 * rows as last saved, the rows as edited, deletions waiting for Save, the undo history, and what
 * the last failed save said (conflicts and server-side errors). Rows are immutable snapshots; an
 * edit replaces the row object, which is what AG Grid's transactions and the validation cache
 * key on.
 */
export class EditSession {
  /** Rows as the server last returned them; a row not yet saved is absent. */
  private readonly saved = new Map<string, GridRow>();
  /** How a new row started (the page's defaults): an untouched new row is not a change. */
  private readonly initial = new Map<string, GridRow>();
  private readonly current = new Map<string, GridRow>();
  private readonly deleted = new Set<string>();
  private readonly history = new History<ChangeSet>();
  /** From the last save: rows someone else changed (their row) or deleted (null). */
  readonly conflicts = new Map<string, GridRow | null>();
  /** From the last save: messages (i18n keys) per row and field, until the cell is edited. */
  readonly serverErrors = new Map<string, Map<string, string>>();
  /** Bumped on every change, for React to know when to look again. */
  revision = 0;

  /** Rows touched during the current operation and whether they were on screen before it. */
  private touched = new Map<string, { visible: boolean; row: GridRow | undefined }>();

  constructor(rows: readonly GridRow[]) {
    for (const row of rows) {
      this.saved.set(row.id, row);
      this.current.set(row.id, row);
    }
  }

  // ---- reading -------------------------------------------------------------------------

  row(id: string): GridRow | undefined {
    return this.current.get(id);
  }

  /** The rows the grid shows: everything not deleted, in the order first seen. */
  visibleRows(): GridRow[] {
    return [...this.current.values()].filter((r) => !this.deleted.has(r.id));
  }

  isNew(id: string): boolean {
    return this.current.has(id) && !this.saved.has(id);
  }

  isDeleted(id: string): boolean {
    return this.deleted.has(id);
  }

  /** What a cell is compared with: the saved row, or for a new row the defaults it started from. */
  private baseOf(id: string): GridRow | undefined {
    return this.saved.get(id) ?? this.initial.get(id);
  }

  isDirty(id: string, field: string): boolean {
    const row = this.current.get(id);
    if (!row) return false;
    const base = this.baseOf(id);
    // A new row without defaults (one re-created after a conflict) is new in every cell.
    return base ? !valuesEqual(row[field], base[field]) : true;
  }

  /** Fields this user changed in a row since it was loaded or added. */
  changedFields(id: string): string[] {
    const row = this.current.get(id);
    // Rows are immutable snapshots: still the object that was loaded means nothing changed. This
    // keeps pending(), which runs on every render, from comparing 10,000 rows field by field.
    if (!row || row === this.saved.get(id)) return [];
    return fieldsOf(row).filter((f) => this.isDirty(id, f));
  }

  isChanged(id: string): boolean {
    return this.changedFields(id).length > 0;
  }

  /**
   * What Save sends: new rows the user has typed into, changed rows, and deletions of saved rows.
   * A new row still at its defaults is left out, so an accidental "Add row" does not block Save.
   */
  pending(): SaveBatch<GridRow> {
    const upserts: GridRow[] = [];
    const deletes: { id: string; version: number }[] = [];
    for (const [id, row] of this.current) {
      if (this.deleted.has(id)) {
        const saved = this.saved.get(id);
        if (saved?.version != null) deletes.push({ id, version: saved.version });
      } else if (this.isChanged(id)) {
        upserts.push(row);
      }
    }
    return { upserts, deletes };
  }

  /** Counts for the status line. */
  summary(): { added: number; changed: number; deleted: number; total: number } {
    const { upserts, deletes } = this.pending();
    const added = upserts.filter((r) => r.version === null).length;
    return { added, changed: upserts.length - added, deleted: deletes.length, total: upserts.length + deletes.length };
  }

  get canUndo(): boolean {
    return this.history.canUndo;
  }

  get canRedo(): boolean {
    return this.history.canRedo;
  }

  /** The user's changed fields whose value differs from the row someone else saved. */
  conflictFields(id: string): string[] {
    const server = this.conflicts.get(id);
    const row = this.current.get(id);
    if (!server || !row) return [];
    return this.changedFields(id).filter((f) => !valuesEqual(row[f], server[f]));
  }

  // ---- changing ------------------------------------------------------------------------

  /** Applies a step and records it for undo. A step that changes nothing is not recorded. */
  commit(intent: ChangeIntent): GridDelta {
    this.touched.clear();
    const change: ChangeSet = { added: [], deleted: [], cells: [] };
    for (const row of intent.added ?? []) {
      if (this.current.has(row.id)) continue;
      change.added.push(row);
      this.insert(row);
    }
    for (const { id, field, value } of intent.cells ?? []) {
      const row = this.current.get(id);
      if (!row || this.deleted.has(id) || valuesEqual(row[field], value)) continue;
      change.cells.push({ id, field, before: row[field], after: value });
      this.setCell(id, field, value);
    }
    for (const id of intent.deleted ?? []) {
      if (!this.current.has(id) || this.deleted.has(id)) continue;
      change.deleted.push(id);
      this.setDeleted(id, true);
    }
    if (change.added.length || change.cells.length || change.deleted.length) {
      this.history.push(change);
      this.revision++;
    }
    return this.delta();
  }

  undo(): GridDelta | null {
    const change = this.history.undo();
    if (!change) return null;
    this.touched.clear();
    for (const id of change.deleted) this.setDeleted(id, false);
    for (const c of [...change.cells].reverse()) this.setCell(c.id, c.field, c.before);
    for (const row of change.added) this.remove(row.id);
    this.revision++;
    return this.delta();
  }

  redo(): GridDelta | null {
    const change = this.history.redo();
    if (!change) return null;
    this.touched.clear();
    for (const row of change.added) this.insert(row);
    for (const c of change.cells) this.setCell(c.id, c.field, c.after);
    for (const id of change.deleted) this.setDeleted(id, true);
    this.revision++;
    return this.delta();
  }

  /**
   * The answer to a save. Saved: the returned rows (new versions) become the baseline and the
   * history starts afresh, since there is nothing left to undo. Refused: nothing was written, so
   * the edits stay; conflicts and errors are remembered for the grid to show.
   */
  applySaveResult(result: SaveResult<GridRow>): GridDelta {
    this.touched.clear();
    if (result.ok) {
      for (const row of result.rows) {
        this.touch(row.id);
        this.saved.set(row.id, row);
        this.initial.delete(row.id);
        this.current.set(row.id, row);
      }
      for (const id of [...this.deleted]) this.forget(id);
      this.history.clear();
      this.conflicts.clear();
      this.serverErrors.clear();
    } else {
      this.conflicts.clear();
      this.serverErrors.clear();
      for (const { id, server } of result.conflicts) this.conflicts.set(id, server);
      for (const { id, field, message } of result.errors) {
        let fields = this.serverErrors.get(id);
        if (!fields) this.serverErrors.set(id, (fields = new Map()));
        fields.set(field, message);
      }
    }
    this.revision++;
    return this.delta();
  }

  /**
   * Settles one conflicting row. "Theirs" takes the saved row as it is now (or lets a deleted
   * row go). "Mine" rebases: the other person's row becomes the baseline and this user's changed
   * fields are laid on top, so the next save carries the new version and succeeds; a row someone
   * deleted is inserted again under the same id.
   */
  resolveConflict(id: string, choice: ConflictChoice): GridDelta {
    this.touched.clear();
    const server = this.conflicts.get(id);
    const mine = this.current.get(id);
    if (server === undefined || !mine) return this.delta();
    this.conflicts.delete(id);
    this.touch(id);
    if (server === null) {
      if (choice === 'theirs' || this.deleted.has(id)) this.forget(id);
      else {
        this.saved.delete(id);
        this.initial.delete(id);
        this.current.set(id, { ...mine, version: null });
      }
    } else if (choice === 'theirs') {
      this.saved.set(id, server);
      this.current.set(id, server);
      this.deleted.delete(id);
    } else {
      const rebased: GridRow = { ...server };
      for (const field of this.changedFields(id)) rebased[field] = mine[field];
      this.saved.set(id, server);
      this.current.set(id, { ...rebased, version: server.version });
    }
    this.revision++;
    return this.delta();
  }

  // ---- primitives ----------------------------------------------------------------------

  private touch(id: string) {
    if (!this.touched.has(id)) {
      this.touched.set(id, { visible: this.current.has(id) && !this.deleted.has(id), row: this.current.get(id) });
    }
  }

  private insert(row: GridRow) {
    this.touch(row.id);
    this.current.set(row.id, row);
    this.initial.set(row.id, row);
  }

  private remove(id: string) {
    this.touch(id);
    this.current.delete(id);
    this.initial.delete(id);
  }

  private forget(id: string) {
    this.touch(id);
    this.current.delete(id);
    this.initial.delete(id);
    this.saved.delete(id);
    this.deleted.delete(id);
    this.conflicts.delete(id);
    this.serverErrors.delete(id);
  }

  private setCell(id: string, field: string, value: unknown) {
    const row = this.current.get(id);
    if (!row) return;
    this.touch(id);
    this.current.set(id, { ...row, [field]: value });
    this.serverErrors.get(id)?.delete(field);
  }

  private setDeleted(id: string, deleted: boolean) {
    if (!this.current.has(id)) return;
    this.touch(id);
    if (deleted) this.deleted.add(id);
    else this.deleted.delete(id);
  }

  /** Compares each touched row with how it was before, and says what the grid must add, update or remove. */
  private delta(): GridDelta {
    const out: GridDelta = { add: [], update: [], remove: [] };
    for (const [id, before] of this.touched) {
      const row = this.current.get(id);
      const visible = !!row && !this.deleted.has(id);
      if (visible && !before.visible) out.add.push(row);
      else if (!visible && before.visible) out.remove.push(before.row!);
      else if (visible && before.visible) out.update.push(row);
    }
    this.touched.clear();
    return out;
  }
}
