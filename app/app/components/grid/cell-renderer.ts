import type { ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import type { GridRow } from './types.ts';

export type ValueCellParams = ICellRendererParams<GridRow> & {
  /** The id of the element holding the cell's problem, when it has one. */
  problemIdOf: (id: string, field: string) => string | undefined;
};

/**
 * A cell's text, and what a screen reader needs about a bad cell: `aria-invalid` and the problem
 * as the cell's description. AG Grid has no option for attributes on a cell, but it hands the
 * renderer the cell element, and refreshes the renderer whenever the row's data changes or the
 * row is redrawn: the same moments its class rules (the red frame) are applied.
 */
export class ValueCellRenderer implements ICellRendererComp<GridRow> {
  private readonly gui = document.createElement('span');

  init(params: ValueCellParams) {
    this.refresh(params);
  }

  getGui() {
    return this.gui;
  }

  refresh(params: ValueCellParams): boolean {
    this.gui.textContent = params.valueFormatted ?? (params.value == null ? '' : String(params.value));
    const field = params.colDef?.field;
    const problemId = params.data && field ? params.problemIdOf(params.data.id, field) : undefined;
    const cell = params.eGridCell;
    if (problemId) {
      cell.setAttribute('aria-invalid', 'true');
      cell.setAttribute('aria-describedby', problemId);
    } else {
      cell.removeAttribute('aria-invalid');
      cell.removeAttribute('aria-describedby');
    }
    return true;
  }
}
