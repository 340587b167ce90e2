import type {
  ColDef,
  ICellRendererParams,
  TooltipCallbackParams,
  ValueFormatterParams,
  ValueParserParams,
} from 'ag-grid-community';
import { LinkedValueCellRenderer, ValueCellRenderer, type LinkedCellParams } from './cell-renderer.ts';
import { TextDateInput, type TextDateInputParams } from './date-filter.ts';
import { compareText } from './sorting.ts';
import type { ColumnType, GridColumn, GridRow } from './types.ts';
import { formatValue, parseValue, problemText, valuesEqual, type ValueContext } from './values.ts';

/** What the cells ask the editing session about themselves when AG Grid draws them. */
export type CellStatus = {
  editable(): boolean;
  /** i18n key of the problem with a cell, from the schema or from the last save. */
  errorOf(id: string, field: string): string | undefined;
  /** The id of the element that holds a bad cell's problem, read out as the cell's description. */
  problemIdOf(id: string, field: string): string | undefined;
  isDirty(id: string, field: string): boolean;
  /** The value someone else saved, when it differs from this user's edit. */
  conflictOf(id: string, field: string): { theirs: unknown } | undefined;
};

type Column = GridColumn<Record<string, unknown>>;

const WIDTH: Record<ColumnType, number> = {
  text: 180,
  number: 110,
  date: 170,
  select: 170,
  checkbox: 130,
  multiselect: 240,
  lookup: 200,
};

/** A column's width in pixels: its own, or its type's; the grid and its preview agree on it. */
export const columnWidthOf = (column: Pick<Column, 'width' | 'type'>) => column.width ?? WIDTH[column.type];

/** Editor, filter and comparison per column type. */
function typeDefs(column: Column, ctx: ValueContext): ColDef<GridRow> {
  const label = (data: GridRow | undefined) => (data ? formatValue(column, data[column.field], ctx) : '');
  const sortText = compareText(ctx.locale);
  // Selects, multiselects and yes/no cells filter and sort on the words the user sees, not on stored codes.
  const byLabel: ColDef<GridRow> = {
    filter: 'agTextColumnFilter',
    filterValueGetter: (p) => label(p.data),
    comparator: (_a, _b, nodeA, nodeB, isDescending) => sortText(label(nodeA.data), label(nodeB.data), isDescending),
  };
  // Text and ISO dates sort as stored: ISO dates are in calendar order as text.
  const byText: ColDef<GridRow>['comparator'] = (a, b, _nodeA, _nodeB, isDescending) =>
    sortText(a == null ? null : String(a), b == null ? null : String(b), isDescending);
  switch (column.type) {
    case 'number':
      return {
        cellEditor: 'agNumberCellEditor',
        cellEditorParams: { precision: column.precision ?? 0, showStepperButtons: false },
        filter: 'agNumberColumnFilter',
      };
    case 'date':
      return {
        // Typed as text in the UI language's format (dd-mm-yyyy), read back by parseValue. The
        // browser's date field would follow the operating system's locale instead (mm/dd/yyyy on
        // an English Windows under a Danish UI) and does not start editing on a typed digit.
        cellEditor: 'agTextCellEditor',
        cellEditorParams: { useFormatter: true },
        comparator: byText,
        filter: 'agDateColumnFilter',
        filterParams: { comparator: compareIsoDate },
        // The filter is typed in the same format, for the same reason.
        dateComponent: TextDateInput,
        dateComponentParams: {
          locale: ctx.locale,
          placeholder: ctx.t('grid:agGrid.dateFormatOoo'),
        } satisfies Partial<TextDateInputParams>,
      };
    case 'select':
      return {
        ...byLabel,
        cellEditor: 'agSelectCellEditor',
        // The empty choice is offered only where the field may be left blank.
        cellEditorParams: {
          values: column.nullable ? ['', ...(column.options ?? [])] : [...(column.options ?? [])],
          formatValue: (v: unknown) => (v ? formatValue(column, v, ctx) : ctx.t('grid:blankOption')),
        },
      };
    case 'multiselect':
    case 'lookup':
      // Edited as text: multiselect labels separated by commas, a lookup's name or e-mail; read
      // back by parseValue, which resolves a lookup to its row.
      return { ...byLabel, cellEditor: 'agTextCellEditor', cellEditorParams: { useFormatter: true } };
    case 'checkbox':
      return {
        ...byLabel,
        cellEditor: 'agCheckboxCellEditor',
        // A pasted word the schema will reject shows as text, not as an unticked box.
        cellRendererSelector: (p: ICellRendererParams<GridRow>) =>
          typeof p.value === 'string' ? undefined : { component: 'agCheckboxCellRenderer' },
      };
    default:
      return { cellEditor: 'agTextCellEditor', filter: 'agTextColumnFilter', comparator: byText };
  }
}

/**
 * AG Grid column definitions from a page's column list. The grid never writes cells itself
 * (`readOnlyEdit`): editors hand their parsed value to the session, which owns the data.
 */
export function buildColumnDefs(
  columns: readonly Column[],
  ctx: ValueContext,
  status: CellStatus,
  navigate: (to: string) => void = (to) => window.location.assign(to),
): ColDef<GridRow>[] {
  return columns.map((column) => {
    const { field, linkTo } = column;
    const format = (value: unknown) => formatValue(column, value, ctx);
    const headerName = ctx.t(column.header);
    return {
      colId: field,
      field,
      headerName,
      // Long Danish headers ("Tavshedserklæring underskrevet") wrap instead of being cut off, and
      // the whole header is also offered as a tooltip.
      wrapHeaderText: true,
      autoHeaderHeight: true,
      headerTooltip: headerName,
      width: columnWidthOf(column),
      pinned: column.pinned ? 'left' : null,
      // Our own formatters and parsers decide; AG Grid's type inference would guess from the first row.
      cellDataType: false,
      editable: (p) => status.editable() && !column.readOnly && p.data?.editable !== false,
      valueFormatter: (p: ValueFormatterParams<GridRow>) => format(p.value),
      valueParser: (p: ValueParserParams<GridRow>) =>
        typeof p.newValue === 'string' ? parseValue(column, p.newValue, ctx) : (p.newValue ?? null),
      equals: valuesEqual,
      getQuickFilterText: (p) => format(p.value),
      ...(linkTo
        ? {
            cellRenderer: LinkedValueCellRenderer,
            cellRendererParams: {
              problemIdOf: status.problemIdOf,
              hrefOf: (row: GridRow) => linkTo(row[field], row),
              linkLabel: (text: string) => ctx.t('grid:openPage', { name: text }),
              navigate,
            } satisfies Omit<LinkedCellParams, keyof ICellRendererParams>,
          }
        : { cellRenderer: ValueCellRenderer, cellRendererParams: { problemIdOf: status.problemIdOf } }),
      floatingFilter: true,
      cellClassRules: {
        'cell-invalid': (p) => !!p.data && status.errorOf(p.data.id, field) !== undefined,
        'cell-dirty': (p) => !!p.data && status.isDirty(p.data.id, field),
        'cell-conflict': (p) => !!p.data && status.conflictOf(p.data.id, field) !== undefined,
        'cell-readonly': () => !!column.readOnly,
      },
      tooltip: (p: TooltipCallbackParams<GridRow>) => {
        if (!p.data) return undefined;
        const error = status.errorOf(p.data.id, field);
        if (error) return problemText(column, p.data[field], error, ctx);
        const conflict = status.conflictOf(p.data.id, field);
        return conflict
          ? ctx.t('grid:conflicts.cellTooltip', { theirs: format(conflict.theirs) || ctx.t('grid:conflicts.empty') })
          : undefined;
      },
      ...typeDefs(column, ctx),
    } satisfies ColDef<GridRow>;
  });
}

/** AG Grid's date filter hands a local midnight; our cells hold ISO dates. */
function compareIsoDate(filterDate: Date, cell: unknown): number {
  if (typeof cell !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(cell)) return -1;
  const [y, m, d] = cell.split('-').map(Number) as [number, number, number];
  const value = new Date(y, m - 1, d).getTime();
  return value === filterDate.getTime() ? 0 : value < filterDate.getTime() ? -1 : 1;
}
