import type { GridApi } from 'ag-grid-community';
import type { CellPosition, GridView } from './commands.ts';
import type { GridColumn, GridRow } from './types.ts';

/** Small readings of AG Grid's state, in the terms the grid's commands use. */

/** Rows in their sorted and filtered order, and the page's columns in their displayed order. */
export function viewOf(api: GridApi<GridRow>, columns: readonly GridColumn<Record<string, unknown>>[]): GridView {
  const rowIds: string[] = [];
  api.forEachNodeAfterFilterAndSort((node) => {
    if (node.data) rowIds.push(node.data.id);
  });
  const byField = new Map(columns.map((c) => [c.field as string, c]));
  return { rowIds, columns: api.getAllDisplayedColumns().flatMap((col) => byField.get(col.getColId()) ?? []) };
}

export const selectedIds = (api: GridApi<GridRow>) => new Set(api.getSelectedRows().map((r) => r.id));

export function focusedCell(api: GridApi<GridRow>): CellPosition | null {
  const cell = api.getFocusedCell();
  return cell && !cell.rowPinned ? { rowIndex: cell.rowIndex, field: cell.column.getColId() } : null;
}

/** Moves keyboard focus to a cell, scrolling it into view; a row hidden by a filter cannot be reached. */
export function focusCell(api: GridApi<GridRow>, id: string, field: string) {
  const rowIndex = api.getRowNode(id)?.rowIndex;
  if (rowIndex == null) return;
  api.ensureIndexVisible(rowIndex);
  api.ensureColumnVisible(field);
  api.setFocusedCell(rowIndex, field);
}

/** Redraws rows whose marks changed without their data changing (conflicts, server errors). */
export function redrawRows(api: GridApi<GridRow>, ids: Iterable<string>) {
  const rowNodes = [...new Set(ids)].flatMap((id) => api.getRowNode(id) ?? []);
  if (rowNodes.length) api.redrawRows({ rowNodes });
}
