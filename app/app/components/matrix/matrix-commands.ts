import type { ChangeIntent } from '../grid/session.ts';
import type { CodeBook } from './codes.ts';
import type { MatrixColumnHeader, MatrixRowHeader } from './types.ts';

/**
 * Entering, clearing, pasting, filling and marking, planned against the matrix as shown: rows
 * and code columns in display order. Each returns one change for the session, so each is one
 * undo step. Read-only rows and columns are never written, but keep their place (a block
 * pasted across a cancelled session does not shift).
 */

export type MatrixView = { rows: readonly MatrixRowHeader[]; columns: readonly MatrixColumnHeader[] };

/** A cell by its display position. */
export type Position = { row: number; col: number };

/** A rectangle of cells, inclusive, as Shift+arrows or Shift+click select it. */
export type CellRange = { top: number; bottom: number; left: number; right: number };

/** Reads a cell's current value. */
export type ReadCell = (rowId: string, columnId: string) => unknown;

type Cells = NonNullable<ChangeIntent['cells']>;

export const rangeOf = (anchor: Position, focus: Position): CellRange => ({
  top: Math.min(anchor.row, focus.row),
  bottom: Math.max(anchor.row, focus.row),
  left: Math.min(anchor.col, focus.col),
  right: Math.max(anchor.col, focus.col),
});

export const inRange = (range: CellRange, { row, col }: Position) =>
  row >= range.top && row <= range.bottom && col >= range.left && col <= range.right;

export function isEditable(view: MatrixView, { row, col }: Position): boolean {
  const r = view.rows[row];
  const c = view.columns[col];
  return !!r && !!c && !r.readOnly && !c.readOnly;
}

/** A write to one cell, or nothing when the cell is outside the matrix or read-only. */
function write(view: MatrixView, at: Position, value: unknown): Cells {
  return isEditable(view, at) ? [{ id: view.rows[at.row]!.id, field: view.columns[at.col]!.id, value }] : [];
}

function positions(range: CellRange): Position[] {
  const out: Position[] = [];
  for (let row = range.top; row <= range.bottom; row++)
    for (let col = range.left; col <= range.right; col++) out.push({ row, col });
  return out;
}

/** One code (or null: Delete) into every editable cell of the range. */
export function planSet(view: MatrixView, range: CellRange, value: string | null): ChangeIntent {
  return { cells: positions(range).flatMap((at) => write(view, at, value)) };
}

export type FillDirection = 'down' | 'right';

/**
 * Ctrl+D and Ctrl+R. Over a range, the first row (down) or column (right) of the range is
 * copied into the rest of it. On a single cell, as in Excel, the cell above (down) or to the
 * left (right) is copied into it.
 */
export function planFill(view: MatrixView, range: CellRange, direction: FillDirection, read: ReadCell): ChangeIntent {
  const down = direction === 'down';
  const single = down ? range.top === range.bottom : range.left === range.right;
  const sourceOf = (at: Position): Position =>
    down
      ? { row: single ? at.row - 1 : range.top, col: at.col }
      : { row: at.row, col: single ? at.col - 1 : range.left };
  const targets = positions(range).filter((at) => single || (down ? at.row > range.top : at.col > range.left));
  return {
    cells: targets.flatMap((at) => {
      const source = sourceOf(at);
      const r = view.rows[source.row];
      const c = view.columns[source.col];
      return r && c ? write(view, at, read(r.id, c.id)) : [];
    }),
  };
}

/** "Mark the whole column": every empty, editable cell of a column gets the code; filled cells keep theirs. */
export function planMarkColumn(view: MatrixView, columnId: string, value: string, read: ReadCell): ChangeIntent {
  const col = view.columns.findIndex((c) => c.id === columnId);
  if (col === -1) return {};
  return {
    cells: view.rows.flatMap((r, row) => (read(r.id, columnId) == null ? write(view, { row, col }, value) : [])),
  };
}

/**
 * A block from a spreadsheet, laid down from the range's top-left cell to the right and down;
 * what falls outside the matrix is dropped. A single pasted value over a range fills the range,
 * as in Excel. Each text is read by the code book: codes, keys or labels in either language.
 */
export function planPaste(
  view: MatrixView,
  range: CellRange,
  block: readonly (readonly string[])[],
  book: CodeBook,
): ChangeIntent {
  const only = block.length === 1 && block[0]!.length === 1 ? block[0]![0]! : undefined;
  if (only !== undefined) return planSet(view, range, book.parse(only));
  return {
    cells: block.flatMap((texts, r) =>
      texts.flatMap((text, c) => write(view, { row: range.top + r, col: range.left + c }, book.parse(text))),
    ),
  };
}
