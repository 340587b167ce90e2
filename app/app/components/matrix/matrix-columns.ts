import type { ColDef, TooltipCallbackParams, ValueGetterParams } from 'ag-grid-community';
import type { GridRow } from '../grid/types.ts';
import type { CodeBook } from './codes.ts';
import { CodeCell, CodeColumnHeader } from './matrix-cells.tsx';
import type { MatrixColumnHeader, MatrixFigureColumn, MatrixRowHeader } from './types.ts';

/** Column ids of the matrix's own columns; data column ids are the server's ids (uuids). */
export const ROW_COLUMN = '__row';
export const TOTAL_COLUMN = '__total';
export const TOTALS_ROW_ID = '__totals';
/** The share of one code (see MatrixProps.share): a pinned row under the totals, a column after them. */
export const SHARE_COLUMN = '__share';
export const SHARE_ROW_ID = '__share';

/** What the column definitions ask the matrix about while AG Grid draws. */
export type MatrixCellStatus = {
  book: CodeBook;
  canEdit: boolean;
  /** Whether the cell is part of a selected range of more than one cell. */
  inRange(rowId: string, columnId: string): boolean;
  isDirty(rowId: string, columnId: string): boolean;
  /** The translated problem with a cell (unknown code, server error), if any. */
  problemOf(rowId: string, columnId: string): string | undefined;
  /** The translated "saved by someone else: …" of a conflicting cell. */
  conflictOf(rowId: string, columnId: string): string | undefined;
  /** Texts of the totals: per row, per column (pinned row) and overall. */
  rowTotal(rowId: string): { text: string; tooltip: string };
  columnTotal(columnId: string): { text: string; tooltip: string };
  /** The share texts, when the matrix shows one. */
  rowShare(rowId: string): { text: string; tooltip: string };
  columnShare(columnId: string): { text: string; tooltip: string };
  onMark(columnId: string): void;
};

export type MatrixColumnsInput = {
  rows: readonly MatrixRowHeader[];
  columns: readonly MatrixColumnHeader[];
  figures: readonly MatrixFigureColumn[];
  rowHeader: string;
  totalsHeader: string;
  totalsRowLabel: string;
  /** The label of the share's row and column, when there is one. */
  shareLabel?: string;
  /** Wide screens keep the totals in sight on the right; a phone scrolls to them. */
  pinTotals: boolean;
  /** Touch screens get wider cells. */
  narrow: boolean;
};

const isTotals = (p: { node?: { rowPinned?: unknown } | null }) => !!p.node?.rowPinned;
const isShareRow = (p: { data?: GridRow | undefined }) => p.data?.id === SHARE_ROW_ID;

/**
 * The matrix as AG Grid columns: row labels pinned left, the page's figures, one narrow column
 * per matrix column, and the row totals. Nothing is editable through AG Grid: codes are entered
 * with one key, the buttons or paste, so no editor ever opens.
 */
export function buildMatrixColumns(input: MatrixColumnsInput, status: MatrixCellStatus): ColDef<GridRow>[] {
  const labelOf = new Map(input.rows.map((r) => [r.id, r]));
  const readOnlyRow = (id: string | undefined) => !!id && !!labelOf.get(id)?.readOnly;

  /** A pinned row's text for a column: the totals row's rate, or the share row's share. */
  const pinnedOf = (p: { data?: GridRow | undefined }, columnId: string) =>
    isShareRow(p) ? status.columnShare(columnId) : status.columnTotal(columnId);

  const rowColumn: ColDef<GridRow> = {
    colId: ROW_COLUMN,
    headerName: input.rowHeader,
    pinned: 'left',
    width: input.narrow ? 116 : 200,
    valueGetter: (p) =>
      isTotals(p)
        ? isShareRow(p)
          ? (input.shareLabel ?? '')
          : input.totalsRowLabel
        : (labelOf.get(p.data?.id ?? '')?.label ?? ''),
    // On a phone a long name wraps onto a second line instead of losing its surname.
    wrapText: input.narrow,
    cellClass: 'matrix-row-label',
    tooltip: true,
  };

  const figureColumns = input.figures.map<ColDef<GridRow>>((f) => ({
    colId: `__figure:${f.id}`,
    headerName: f.label,
    width: input.narrow ? 90 : 110,
    valueGetter: (p) => (isTotals(p) ? '' : (f.values[p.data?.id ?? ''] ?? '')),
    cellClass: 'matrix-figure',
  }));

  const codeColumns = input.columns.map<ColDef<GridRow>>((column) => {
    const id = column.id;
    const locked = (p: { data?: GridRow }) => !status.canEdit || !!column.readOnly || readOnlyRow(p.data?.id);
    return {
      colId: id,
      headerName: [column.label, column.sublabel].filter(Boolean).join(' '),
      headerComponent: CodeColumnHeader,
      headerComponentParams: { matrixColumn: column, canMark: status.canEdit, onMark: status.onMark },
      width: input.narrow ? 76 : 92,
      valueGetter: (p: ValueGetterParams<GridRow>) => (isTotals(p) ? pinnedOf(p, id).text : (p.data?.[id] ?? null)),
      cellRenderer: CodeCell,
      cellRendererParams: { book: status.book },
      cellClass: 'matrix-cell',
      cellClassRules: {
        // Grey marks the exceptions (a cancelled session); a read-only user's whole matrix stays plain.
        'matrix-locked': (p) => status.canEdit && !isTotals(p) && locked(p),
        'matrix-in-range': (p) => !!p.data && !isTotals(p) && status.inRange(p.data.id, id),
        'cell-dirty': (p) => !!p.data && !isTotals(p) && status.isDirty(p.data.id, id),
        'cell-invalid': (p) => !!p.data && !isTotals(p) && status.problemOf(p.data.id, id) !== undefined,
        'cell-conflict': (p) => !!p.data && !isTotals(p) && status.conflictOf(p.data.id, id) !== undefined,
      },
      tooltip: (p: TooltipCallbackParams<GridRow>) => {
        if (!p.data) return undefined;
        if (isTotals(p)) return pinnedOf(p, id).tooltip;
        const parts = [
          status.book.label(p.value) || undefined,
          status.problemOf(p.data.id, id),
          status.conflictOf(p.data.id, id),
        ];
        return parts.filter(Boolean).join(' · ') || undefined;
      },
    };
  });

  const totalColumn: ColDef<GridRow> = {
    colId: TOTAL_COLUMN,
    headerName: input.totalsHeader,
    pinned: input.pinTotals ? 'right' : null,
    width: 130,
    valueGetter: (p) => (isTotals(p) ? pinnedOf(p, TOTAL_COLUMN).text : status.rowTotal(p.data?.id ?? '').text),
    tooltip: (p: TooltipCallbackParams<GridRow>) =>
      isTotals(p) ? pinnedOf(p, TOTAL_COLUMN).tooltip : status.rowTotal(p.data?.id ?? '').tooltip,
    cellClass: 'matrix-total',
  };

  // The share per row; the pinned rows leave it empty (the whole matrix's share is under the totals).
  const shareColumn: ColDef<GridRow> = {
    colId: SHARE_COLUMN,
    headerName: input.shareLabel ?? '',
    pinned: input.pinTotals ? 'right' : null,
    width: 120,
    valueGetter: (p) => (isTotals(p) ? '' : status.rowShare(p.data?.id ?? '').text),
    tooltip: (p: TooltipCallbackParams<GridRow>) =>
      isTotals(p) ? undefined : status.rowShare(p.data?.id ?? '').tooltip,
    cellClass: 'matrix-total',
  };

  return [rowColumn, ...figureColumns, ...codeColumns, totalColumn, ...(input.shareLabel ? [shareColumn] : [])];
}

/** Options every matrix column shares: no sorting, moving or menus, since the order is the data's. */
export const MATRIX_DEFAULT_COLDEF: ColDef<GridRow> = {
  sortable: false,
  suppressMovable: true,
  suppressHeaderMenuButton: true,
  resizable: true,
  editable: false,
};
