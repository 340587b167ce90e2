import { useEffect, useId, useRef } from 'react';
import { useTranslation } from 'react-i18next';
import type { CodeBook } from './codes.ts';
import type { CellConflict } from './matrix-model.ts';
import type { CellChoice } from './matrix-session.ts';

/**
 * The buttons that enter a code in the selected cell (or range): the way to record on a phone,
 * where there is no keyboard, and a visible list of the keys for everyone else.
 */
export function CodeBar(props: {
  book: CodeBook;
  /** "Anna · 03-03", or null when no cell is selected. */
  where: string | null;
  editable: boolean;
  /** Whether the selected cell's column can be marked (it exists and is not read-only). */
  columnMarkable: boolean;
  disabled: boolean;
  onCode: (value: string | null) => void;
  /** Opens "mark all empty cells" for the selected cell's column; a large target on a phone. */
  onMarkColumn: () => void;
}) {
  const { t } = useTranslation('matrix');
  const { book } = props;
  const off = props.disabled || !props.editable;
  return (
    <div className="matrix-bar" role="group" aria-label={t('codeBar.label')}>
      <span className="matrix-bar-where" aria-live="polite">
        {props.where === null
          ? t('codeBar.none')
          : props.editable
            ? props.where
            : `${props.where}: ${t('codeBar.readOnly')}`}
      </span>
      {book.codes.map((code) => (
        <button
          key={code.value}
          type="button"
          className={`matrix-choice matrix-code-${code.countsAs ?? 'neutral'}`}
          disabled={off}
          onClick={() => props.onCode(code.value)}
        >
          {t('codeBar.choice', { label: book.label(code.value), key: book.short(code.value) })}
        </button>
      ))}
      <button type="button" className="matrix-choice" disabled={off} onClick={() => props.onCode(null)}>
        {t('codeBar.clear')}
      </button>
      <button
        type="button"
        className="matrix-choice"
        disabled={props.disabled || !props.columnMarkable}
        onClick={props.onMarkColumn}
      >
        {t('codeBar.markColumn')}
      </button>
    </div>
  );
}

/** The choice of code after "Mark all" in a column header; it takes focus so the keyboard can carry on. */
export function MarkColumnBar(props: {
  book: CodeBook;
  columnName: string;
  onMark: (value: string) => void;
  onCancel: () => void;
}) {
  const { t } = useTranslation('matrix');
  const titleId = useId();
  const first = useRef<HTMLButtonElement>(null);
  useEffect(() => first.current?.focus(), [props.columnName]);
  return (
    <div className="matrix-bar matrix-mark-bar" role="group" aria-labelledby={titleId}>
      <span id={titleId} className="matrix-bar-where">
        {t('mark.title', { column: props.columnName })}
      </span>
      {props.book.codes.map((code, i) => (
        <button
          key={code.value}
          ref={i === 0 ? first : undefined}
          type="button"
          className={`matrix-choice matrix-code-${code.countsAs ?? 'neutral'}`}
          onClick={() => props.onMark(code.value)}
        >
          {props.book.label(code.value)}
        </button>
      ))}
      <button type="button" className="matrix-choice" onClick={props.onCancel}>
        {t('mark.cancel')}
      </button>
    </div>
  );
}

export type NamedCell = { rowId: string; columnId: string; row: string; column: string };

/** Cells that keep Save disabled, each a button that moves focus to it. */
export function MatrixProblems(props: {
  problems: readonly (NamedCell & { message: string })[];
  onGoTo: (rowId: string, columnId: string) => void;
}) {
  const { t } = useTranslation('matrix');
  const headingId = useId();
  if (props.problems.length === 0) return null;
  return (
    <section className="grid-problems" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('problems.title')}</h2>
      <ul>
        {props.problems.map((p) => (
          <li key={`${p.rowId}:${p.columnId}`}>
            <button type="button" className="link-button" onClick={() => props.onGoTo(p.rowId, p.columnId)}>
              {t('problems.item', { row: p.row, column: p.column, message: p.message })}
            </button>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** Cells someone else saved while this user edited them: both values, and the choice per cell or for all. */
export function MatrixConflicts(props: {
  conflicts: readonly (NamedCell & CellConflict & { mine: string; theirsText: string })[];
  onResolve: (rowId: string, columnId: string, choice: CellChoice) => void;
  onResolveAll: (choice: CellChoice) => void;
}) {
  const { t } = useTranslation('matrix');
  const headingId = useId();
  if (props.conflicts.length === 0) return null;
  return (
    <section className="card grid-conflicts" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('conflicts.title')}</h2>
      <p>{t('conflicts.intro')}</p>
      <ul className="matrix-conflicts">
        {props.conflicts.map((c) => (
          <li key={`${c.rowId}:${c.columnId}`}>
            <span>{t('conflicts.item', { row: c.row, column: c.column, mine: c.mine, theirs: c.theirsText })}</span>
            <span className="grid-conflict-actions">
              <button type="button" onClick={() => props.onResolve(c.rowId, c.columnId, 'theirs')}>
                {t('conflicts.takeTheirs')}
              </button>
              <button type="button" onClick={() => props.onResolve(c.rowId, c.columnId, 'mine')}>
                {t('conflicts.keepMine')}
              </button>
            </span>
          </li>
        ))}
      </ul>
      {props.conflicts.length > 1 ? (
        <div className="grid-conflict-actions">
          <button type="button" onClick={() => props.onResolveAll('theirs')}>
            {t('conflicts.takeAllTheirs')}
          </button>
          <button type="button" onClick={() => props.onResolveAll('mine')}>
            {t('conflicts.keepAllMine')}
          </button>
        </div>
      ) : null}
    </section>
  );
}
