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

/** A cell that also links to a page (the person a row or a lookup names); see `GridColumn.linkTo`. */
export type LinkedCellParams = ValueCellParams & {
  hrefOf: (row: GridRow) => string | undefined;
  /** The link's accessible name, from the cell's text. */
  linkLabel: (text: string) => string;
  /** Client-side navigation, so the grid's guard against losing unsaved edits still asks first. */
  navigate: (to: string) => void;
};

/**
 * The cell's text and, after it, a small link to the page of what it names. The link is apart
 * from the text so that clicking the text still selects and edits the cell as everywhere else.
 */
export class LinkedValueCellRenderer extends ValueCellRenderer {
  private readonly wrapper = document.createElement('span');
  private readonly link = document.createElement('a');
  private navigate: (to: string) => void = () => {};

  constructor() {
    super();
    this.wrapper.className = 'cell-with-link';
    this.link.className = 'grid-cell-link';
    // The arrow is drawn by CSS: the cell's text stays its value (copy, screen readers, tests),
    // and the link is named by its aria-label.
    this.wrapper.append(super.getGui(), this.link);
    this.link.addEventListener('click', (event) => {
      // New tab, new window: the browser's own way, with the href as it is.
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      event.stopPropagation();
      this.navigate(this.link.getAttribute('href') ?? '');
    });
  }

  override getGui() {
    return this.wrapper;
  }

  override refresh(params: LinkedCellParams): boolean {
    super.refresh(params);
    this.navigate = params.navigate;
    const href = params.data ? params.hrefOf(params.data) : undefined;
    this.link.hidden = !href;
    if (href) {
      this.link.setAttribute('href', href);
      this.link.setAttribute('aria-label', params.linkLabel(super.getGui().textContent ?? ''));
    } else this.link.removeAttribute('href');
    return true;
  }
}
