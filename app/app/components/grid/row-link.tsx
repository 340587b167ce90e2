import type { ColDef, ICellRendererComp, ICellRendererParams } from 'ag-grid-community';
import type { GridColumn, GridRow } from './types.ts';

/** A link from each saved row to its own page (a course's sessions, a person's record). */
export type RowLink = {
  href: (id: string) => string;
  /** the link's visible text, translated */ label: string;
  /**
   * Put the link in this field's cell (the column naming the row, as a person's name) instead
   * of a column of its own.
   */
  field?: string;
};

type RowLinkParams = ICellRendererParams<GridRow> &
  RowLink & { isSaved: (id: string) => boolean; navigate: (to: string) => void };

/**
 * A real `<a href>` (opens in a new tab, is read as a link), followed inside the app like Remix's
 * `<Link>` on a plain click. A DOM renderer: the grid is drawn without React (grid-view.tsx).
 */
class RowLinkCell implements ICellRendererComp<GridRow> {
  private readonly gui = document.createElement('span');

  init(params: RowLinkParams) {
    this.refresh(params);
  }

  getGui() {
    return this.gui;
  }

  refresh(params: RowLinkParams): boolean {
    this.gui.replaceChildren();
    const { data } = params;
    if (!data || !params.isSaved(data.id)) return true;
    const link = document.createElement('a');
    const to = params.href(data.id);
    link.href = to;
    link.className = 'grid-row-link';
    link.textContent = params.label;
    link.addEventListener('click', (event) => {
      if (event.button !== 0 || event.metaKey || event.ctrlKey || event.shiftKey || event.altKey) return;
      event.preventDefault();
      params.navigate(to);
    });
    this.gui.append(link);
    return true;
  }
}

/** The width of the links' own column; the first-rows preview draws it alike. */
export const ROW_LINK_WIDTH = 88;

/** The pinned first column that holds the links; a row not saved yet has no page to open. */
export function rowLinkColumn(
  link: RowLink,
  isSaved: (id: string) => boolean,
  navigate: (to: string) => void,
): ColDef<GridRow> {
  return {
    colId: '__open',
    // Named for screen readers; the links themselves say the same.
    headerName: link.label,
    width: ROW_LINK_WIDTH,
    pinned: 'left',
    sortable: false,
    filter: false,
    resizable: false,
    suppressMovable: true,
    editable: false,
    cellRenderer: RowLinkCell,
    cellRendererParams: { ...link, isSaved, navigate },
  };
}

/**
 * The columns with the link put in the naming field's cell (`RowLink.field`); a row not saved
 * yet has no page to open. The grid and its first-rows preview link the same cells.
 */
export const withRowLinkIn = <Column extends GridColumn<Record<string, unknown>>>(
  columns: readonly Column[],
  link: RowLink,
  isSaved: (id: string) => boolean,
): Column[] =>
  columns.map((c) =>
    c.field === link.field
      ? { ...c, linkTo: (_value: unknown, row: GridRow) => (isSaved(row.id) ? link.href(row.id) : undefined) }
      : c,
  );
