import type { CustomCellRendererProps, CustomHeaderProps } from 'ag-grid-react';
import { useTranslation } from 'react-i18next';
import type { GridRow } from '../grid/types.ts';
import type { CodeBook } from './codes.ts';
import type { MatrixColumnHeader } from './types.ts';

/**
 * A code cell: the short key large enough to read and tap ("m"), and the full name for screen
 * readers ("Mødt"), since a lone letter says nothing when read aloud. Unknown text shows as typed.
 */
export function CodeCell(props: CustomCellRendererProps<GridRow> & { book: CodeBook }) {
  const { t } = useTranslation('matrix');
  const { book, value } = props;
  if (props.node.rowPinned) return <span className="matrix-total">{String(value ?? '')}</span>;
  if (value == null || value === '') return <span className="sr-only">{t('cell.empty')}</span>;
  const kind = book.countsAs(value) ?? 'unknown';
  return (
    <>
      <span className={`matrix-code matrix-code-${kind}`} aria-hidden="true">
        {book.short(value)}
      </span>
      <span className="sr-only">{book.label(value)}</span>
    </>
  );
}

/**
 * A session's header: its label and sublabel (date, time) on two lines, and the button that
 * marks every empty cell of the column with one code.
 */
export function CodeColumnHeader(
  props: CustomHeaderProps<GridRow> & {
    matrixColumn: MatrixColumnHeader;
    canMark: boolean;
    onMark: (id: string) => void;
  },
) {
  const { t } = useTranslation('matrix');
  const { matrixColumn: column } = props;
  const name = [column.label, column.sublabel].filter(Boolean).join(' ');
  return (
    <div className="matrix-header">
      <span className="matrix-header-label">{column.label}</span>
      {column.sublabel ? <span className="matrix-header-sub">{column.sublabel}</span> : null}
      {props.canMark && !column.readOnly ? (
        <button
          type="button"
          className="matrix-mark"
          aria-label={t('mark.buttonLabel', { column: name })}
          title={t('mark.buttonLabel', { column: name })}
          onClick={() => props.onMark(column.id)}
        >
          {t('mark.button')}
        </button>
      ) : null}
    </div>
  );
}
