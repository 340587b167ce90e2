import { Link } from '@remix-run/react';
import type { ColDef, ICellRendererParams } from 'ag-grid-community';
import type { GridRow } from './types.ts';

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

function RowLinkCell({
  data,
  href,
  label,
  isSaved,
}: ICellRendererParams<GridRow> & RowLink & { isSaved: (id: string) => boolean }) {
  if (!data || !isSaved(data.id)) return null;
  return (
    <Link to={href(data.id)} className="grid-row-link">
      {label}
    </Link>
  );
}

/** The pinned first column that holds the links; a row not saved yet has no page to open. */
export function rowLinkColumn(link: RowLink, isSaved: (id: string) => boolean): ColDef<GridRow> {
  return {
    colId: '__open',
    // Named for screen readers; the links themselves say the same.
    headerName: link.label,
    width: 88,
    pinned: 'left',
    sortable: false,
    filter: false,
    resizable: false,
    suppressMovable: true,
    editable: false,
    cellRenderer: RowLinkCell,
    cellRendererParams: { ...link, isSaved },
  };
}
