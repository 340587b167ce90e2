import type { ExportedExpense } from '@brobygger/api';
import type { GridColumn, GridRow } from '../grid/types.ts';

type Column = GridColumn<Record<string, unknown>>;

/**
 * The columns of the monthly bookkeeping file, in the order an accountant reads them. They are
 * grid columns so that the grid's own CSV and XLSX writers (export-csv.ts, export-xlsx.ts) write
 * the file: dates and numbers as the grid shows them, formulas neutralised, Danish separators.
 */
export const MONTH_EXPORT_COLUMNS: readonly Column[] = [
  { field: 'volunteer', header: 'expenses:export.volunteer', type: 'text' },
  { field: 'spentOn', header: 'expenses:export.spentOn', type: 'date' },
  { field: 'purpose', header: 'expenses:export.purpose', type: 'text' },
  {
    field: 'kind',
    header: 'expenses:export.kind',
    type: 'select',
    options: ['transport', 'other'],
    optionLabels: 'expenses:kind',
  },
  { field: 'km', header: 'expenses:export.km', type: 'number', precision: 1 },
  { field: 'rate', header: 'expenses:export.rate', type: 'number', precision: 2 },
  { field: 'amount', header: 'expenses:export.amount', type: 'number', precision: 2 },
];

/** The month's approved expenses as rows of those columns. */
export const monthExportRows = (rows: readonly ExportedExpense[]): GridRow[] =>
  rows.map((r) => ({ ...r, version: null }));
