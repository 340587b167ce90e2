import type { ReactNode } from 'react';
import { columnWidthOf } from './columns.ts';
import { ROW_LINK_WIDTH, withRowLinkIn, type RowLink } from './row-link.tsx';
import type { GridColumn, GridRow } from './types.ts';
import { formatValue, type ValueContext } from './values.ts';

type Column = GridColumn<Record<string, unknown>>;

/** AG Grid's checkbox column (the selection column) in the Quartz theme, measured. */
export const SELECTION_WIDTH = 50;

type PreviewColumn = {
  key: string;
  header: ReactNode;
  width: number;
  pinned: boolean;
  cell: (row: GridRow) => ReactNode;
  kind?: 'number' | 'checkbox';
};

/**
 * The first rows of a grid drawn as a plain table, before AG Grid exists: from the server with the
 * page's first bytes, and in the browser until the grid has been created (docs/decisions/017). It
 * looks like the grid (the same columns, header texts, widths, row height and pinned columns, in
 * grid.css) so that the grid replaces it without anything moving, and it is read-only: nothing in
 * it takes input that the grid could lose. Links are plain links, followed by the browser.
 */
export function GridPreview({
  columns,
  rows,
  ctx,
  selectable,
  rowLink,
  labelledBy,
}: {
  columns: readonly Column[];
  rows: readonly GridRow[];
  ctx: ValueContext;
  /** Whether the grid has its checkbox column (an editor's). */
  selectable: boolean;
  rowLink?: RowLink;
  labelledBy: string;
}) {
  const shown = previewColumnsOf(columns, ctx, selectable, rowLink);
  // The preview does not scroll, so pinned columns need only come first, with the grid's line after them.
  const className = (c: PreviewColumn, i: number) =>
    [c.pinned && !shown[i + 1]?.pinned ? 'pinned-last' : '', c.kind ?? ''].filter(Boolean).join(' ') || undefined;
  return (
    <div className="grid-preview">
      <table aria-labelledby={labelledBy} style={{ width: shown.reduce((sum, c) => sum + c.width, 0) }}>
        <colgroup>
          {shown.map((c) => (
            <col key={c.key} style={{ width: c.width }} />
          ))}
        </colgroup>
        <thead>
          <tr>
            {shown.map((c, i) => (
              <th key={c.key} scope="col" className={className(c, i)}>
                {c.header}
              </th>
            ))}
          </tr>
          {/* Where the grid's filter boxes will be. */}
          <tr className="grid-preview-filters" aria-hidden="true">
            {shown.map((c, i) => (
              <td key={c.key} className={className(c, i)} />
            ))}
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.id}>
              {shown.map((c, i) => (
                <td key={c.key} className={className(c, i)}>
                  {c.cell(row)}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

/** The grid's columns in the grid's order: the pinned ones first, as AG Grid places them. */
function previewColumnsOf(
  columns: readonly Column[],
  ctx: ValueContext,
  selectable: boolean,
  rowLink: RowLink | undefined,
): PreviewColumn[] {
  // Every row of a preview was loaded, so every row has its page.
  const linked = rowLink?.field ? withRowLinkIn(columns, rowLink, () => true) : columns;
  const own: PreviewColumn[] = linked.map((column) => ({
    key: column.field,
    header: ctx.t(column.header),
    width: columnWidthOf(column),
    pinned: !!column.pinned,
    kind: column.type === 'number' ? 'number' : column.type === 'checkbox' ? 'checkbox' : undefined,
    cell: (row) => valueCell(column, row, ctx),
  }));
  const leading: PreviewColumn[] = [];
  if (selectable)
    leading.push({
      key: '__selection',
      header: (
        <>
          <span className="grid-preview-box" aria-hidden="true" />
          <span className="sr-only">{ctx.t('grid:preview.selectColumn')}</span>
        </>
      ),
      width: SELECTION_WIDTH,
      pinned: true,
      cell: () => <span className="grid-preview-box" aria-hidden="true" />,
    });
  if (rowLink && !rowLink.field)
    leading.push({
      key: '__open',
      header: rowLink.label,
      width: ROW_LINK_WIDTH,
      pinned: true,
      cell: (row) => (
        <a className="grid-row-link" href={rowLink.href(row.id)}>
          {rowLink.label}
        </a>
      ),
    });
  return [...leading, ...own.filter((c) => c.pinned), ...own.filter((c) => !c.pinned)];
}

function valueCell(column: Column, row: GridRow, ctx: ValueContext) {
  const value = row[column.field];
  const text = formatValue(column, value, ctx);
  if (column.type === 'checkbox' && typeof value === 'boolean')
    return (
      <>
        <span className="grid-preview-box" data-checked={value || undefined} aria-hidden="true" />
        <span className="sr-only">{text}</span>
      </>
    );
  const href = column.linkTo?.(value, row);
  if (!href) return text;
  return (
    <span className="cell-with-link">
      <span>{text}</span>
      <a className="grid-cell-link" href={href} aria-label={ctx.t('grid:openPage', { name: text })} />
    </span>
  );
}
