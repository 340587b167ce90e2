import type { ChangeIntent, EditSession } from './session.ts';
import type { GridColumn, GridRow } from './types.ts';
import { parseValue, type ValueContext } from './values.ts';

/**
 * Paste, fill down and clear, planned against what the user sees: rows in their sorted and
 * filtered order, editable columns in their displayed order. Each returns one change for the
 * session, so each is one undo step.
 */

type Column = GridColumn<Record<string, unknown>>;

export type GridView = {
  /** Row ids in display order (after sort and filter). */
  rowIds: readonly string[];
  /** Editable columns in display order. */
  columns: readonly Column[];
};

export type CellPosition = { rowIndex: number; field: string };

/**
 * A block of cells from a spreadsheet, laid down from the focused cell to the right and down.
 * Columns past the last one are dropped; rows past the last one become new rows, which start
 * from the page's defaults. Each cell is read as its column reads typed text.
 */
export function planPaste(
  block: readonly (readonly string[])[],
  at: CellPosition,
  view: GridView,
  ctx: ValueContext,
  /** Makes a row for lines past the last one; null where rows may not be added (they are dropped). */
  newRow: (() => GridRow) | null,
): ChangeIntent {
  const firstCol = view.columns.findIndex((c) => c.field === at.field);
  const intent: Required<ChangeIntent> = { added: [], deleted: [], cells: [] };
  if (firstCol === -1) return intent;
  block.forEach((cells, r) => {
    let id = view.rowIds[at.rowIndex + r];
    if (id === undefined) {
      if (!newRow) return;
      const row = newRow();
      intent.added.push(row);
      id = row.id;
    }
    cells.forEach((text, c) => {
      const column = view.columns[firstCol + c];
      if (column) intent.cells.push({ id: id!, field: column.field, value: parseValue(column, text, ctx) });
    });
  });
  return intent;
}

/**
 * The rows a fill or a clear applies to: the selected rows when the focused row is one of
 * them (AG Grid Community has no cell ranges, so row selection stands in for one), otherwise
 * just the focused row. In display order.
 */
function targetRows(view: GridView, at: CellPosition, selected: ReadonlySet<string>): number[] {
  const focusedId = view.rowIds[at.rowIndex];
  if (focusedId === undefined) return [];
  if (!selected.has(focusedId)) return [at.rowIndex];
  return view.rowIds.flatMap((id, i) => (selected.has(id) ? [i] : []));
}

/**
 * Ctrl+D. With several rows selected (the focused one among them), the focused column's value in
 * the topmost selected row is copied into the other selected rows. With no such selection, the
 * cell above is copied into the focused cell, as in Excel.
 */
export function planFillDown(
  view: GridView,
  at: CellPosition,
  selected: ReadonlySet<string>,
  session: EditSession,
): ChangeIntent {
  const rows = targetRows(view, at, selected);
  const sourceIndex = rows.length > 1 ? rows[0]! : at.rowIndex - 1;
  const sourceId = view.rowIds[sourceIndex];
  const source = sourceId === undefined ? undefined : session.row(sourceId);
  if (!source) return {};
  const targets = rows.length > 1 ? rows.slice(1) : [at.rowIndex];
  return { cells: targets.map((i) => ({ id: view.rowIds[i]!, field: at.field, value: source[at.field] })) };
}

/** Delete: empties the focused cell, or that column in every selected row when the focused row is selected. */
export function planClear(
  view: GridView,
  at: CellPosition,
  selected: ReadonlySet<string>,
  ctx: ValueContext,
): ChangeIntent {
  const column = view.columns.find((c) => c.field === at.field);
  if (!column) return {};
  const empty = parseValue(column, '', ctx);
  return { cells: targetRows(view, at, selected).map((i) => ({ id: view.rowIds[i]!, field: at.field, value: empty })) };
}

/**
 * Drops the cells of a planned change that may not be written: computed columns, and rows the
 * caller may see but not change. Every paste, fill, clear and import goes through this.
 */
export function onlyWritable(
  intent: ChangeIntent,
  columns: readonly Column[],
  rowOf: (id: string) => GridRow | undefined,
): ChangeIntent {
  const readOnly = new Set(columns.filter((c) => c.readOnly).map((c) => c.field as string));
  const cells = intent.cells?.filter((c) => !readOnly.has(c.field) && rowOf(c.id)?.editable !== false);
  return { ...intent, cells };
}
