import type { GridApi } from 'ag-grid-community';
import type { Cell, Row, SheetData } from 'write-excel-file/browser';
import type { GridColumn, GridRow } from '../types.ts';
import { formatValue, type ValueContext } from '../values.ts';
import { neutraliseFormula } from './formula-guard.ts';

/**
 * The grid as the coordinator sees it (filtered, sorted, columns in their order) as an .xlsx
 * file. Labels, yes/no and multiselects are written as the grid shows them (formatValue), so the
 * file reads like the screen; numbers stay numbers and dates real Excel dates, so they sort and
 * calculate in Excel. The file imports again through the import dialog in either language.
 */

type Column = GridColumn<Record<string, unknown>>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** How Excel shows the dates; the cell itself is a date, whatever the reader's locale. */
const DATE_FORMAT = { da: 'dd-mm-yyyy', en: 'dd/mm/yyyy' } as const;

/** Column widths in characters, roughly the grid's pixel widths. */
const WIDTH = { text: 24, number: 10, date: 12, select: 20, checkbox: 10, multiselect: 32, lookup: 24 } as const;

/**
 * One cell. A value the schema would reject (text left in a date cell) is written as the text
 * it is. Strings are always string cells, and one that starts like a formula gets a leading `'`,
 * so "=..." typed by a user stays text even when the file is saved on as CSV.
 */
export function exportCell(column: Column, value: unknown, ctx: ValueContext): Cell {
  if (value === null || value === undefined || value === '') return null;
  if (column.type === 'number' && typeof value === 'number') return { value, type: Number };
  if (column.type === 'date' && typeof value === 'string') {
    const m = ISO_DATE.exec(value);
    // Midnight UTC: Excel dates have no time zone, and write-excel-file counts days in UTC.
    if (m)
      return {
        value: new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]))),
        type: Date,
        format: DATE_FORMAT[ctx.locale],
      };
  }
  const text = formatValue(column, value, ctx);
  return text === '' ? null : { value: neutraliseFormula(text), type: String };
}

/** Header row (translated, bold) and one row per grid row, columns in the given order. */
export function buildSheet(columns: readonly Column[], rows: readonly GridRow[], ctx: ValueContext): SheetData {
  const header: Row = columns.map((c) => ({ value: ctx.t(c.header), type: String, fontWeight: 'bold' }));
  return [header, ...rows.map((row) => columns.map((c) => exportCell(c, row[c.field], ctx)))];
}

/** The sheet options used here; no images, so they suit the browser and the Node entry alike. */
export type XlsxSheetOptions = {
  sheet?: string;
  columns: { width: number }[];
  dateFormat: string;
  stickyRowsCount: number;
};

/** Sheet options: header row frozen, widths per column type, a sheet name Excel accepts. */
export function sheetOptions(columns: readonly Column[], ctx: ValueContext, sheetName?: string): XlsxSheetOptions {
  return {
    ...(sheetName ? { sheet: sheetName.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) } : {}),
    columns: columns.map((c) => ({ width: WIDTH[c.type] })),
    dateFormat: DATE_FORMAT[ctx.locale],
    stickyRowsCount: 1,
  };
}

/** "frivillige-2025-03-31.xlsx": a name that sorts by date in the Downloads folder. */
export function exportFileName(base: string, today = new Date()): string {
  const stamp = [today.getFullYear(), today.getMonth() + 1, today.getDate()]
    .map((n) => String(n).padStart(2, '0'))
    .join('-');
  const safe = base.replace(/[\\/:*?"<>|]+/g, '-').trim() || 'export';
  return `${safe}-${stamp}.xlsx`;
}

/**
 * The rows and columns AG Grid displays: after filter and sort, in the user's column order,
 * pinned columns first; columns the page does not describe (a selection column) are left out.
 */
export function displayedOf(api: GridApi<GridRow>, columns: readonly Column[]): { columns: Column[]; rows: GridRow[] } {
  const byField = new Map(columns.map((c) => [c.field as string, c]));
  const shown = api.getAllDisplayedColumns().flatMap((col) => byField.get(col.getColId()) ?? []);
  const rows: GridRow[] = [];
  api.forEachNodeAfterFilterAndSort((node) => {
    if (node.data) rows.push(node.data);
  });
  return { columns: shown, rows };
}

/** Saves a Blob under a name through the browser's download. */
export function downloadBlob(blob: Blob, fileName: string): void {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  a.style.display = 'none';
  document.body.append(a);
  a.click();
  a.remove();
  // Not revoked at once: some browsers (Safari) cancel a download whose URL is revoked while it starts.
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The .xlsx file as a Blob. write-excel-file is loaded on the first export, not with the page. */
export async function xlsxBlob(
  columns: readonly Column[],
  rows: readonly GridRow[],
  ctx: ValueContext,
  sheetName?: string,
): Promise<Blob> {
  const { default: writeXlsxFile } = await import('write-excel-file/browser');
  return writeXlsxFile(buildSheet(columns, rows, ctx), sheetOptions(columns, ctx, sheetName)).toBlob();
}

/** Builds the file and starts the download. */
export async function exportXlsx(opts: {
  columns: readonly Column[];
  rows: readonly GridRow[];
  ctx: ValueContext;
  /** File name without date or extension, e.g. t('volunteers:title'). */
  fileName: string;
  sheetName?: string;
}): Promise<void> {
  const blob = await xlsxBlob(opts.columns, opts.rows, opts.ctx, opts.sheetName ?? opts.fileName);
  downloadBlob(blob, exportFileName(opts.fileName));
}
