import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n.tsx';
import type { GridView } from './commands.ts';
import type { GridColumn } from './types.ts';
import { problemText } from './values.ts';
import type { Problem } from './validation.ts';

const SHOWN = 30;

/**
 * The cells that keep Save disabled, in words a screen reader reads out (colour alone is not
 * enough), each a button that moves the grid's focus to the cell.
 */
export function ProblemList({
  problems,
  columns,
  labelOf,
  valueOf,
  onGoTo,
}: {
  problems: readonly Problem[];
  columns: readonly GridColumn<Record<string, unknown>>[];
  labelOf: (id: string) => string;
  /** The cell's value, for messages that name it (an unknown volunteer). */
  valueOf: (id: string, field: string) => unknown;
  onGoTo: (id: string, field: string) => void;
}) {
  const { t } = useTranslation('grid');
  const locale = useLocale();
  const headingId = useId();
  if (problems.length === 0) return null;
  const byField = new Map(columns.map((c) => [c.field as string, c]));
  return (
    <section className="grid-problems" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('problems.title')}</h2>
      <ul>
        {problems.slice(0, SHOWN).map((p) => (
          <li key={`${p.id}:${p.field}`}>
            <button type="button" className="link-button" onClick={() => onGoTo(p.id, p.field)}>
              {t('problems.item', {
                row: labelOf(p.id),
                column: byField.has(p.field) ? t(byField.get(p.field)!.header) : p.field,
                message: problemText(byField.get(p.field), valueOf(p.id, p.field), p.message, { t, locale }),
              })}
            </button>
          </li>
        ))}
      </ul>
      {problems.length > SHOWN ? (
        <p className="muted">{t('problems.more', { count: problems.length - SHOWN })}</p>
      ) : null}
    </section>
  );
}

/**
 * The problem the grid shows first: the top one in the rows' current order, then left to right.
 * Rows hidden by the search or a filter come last, as the grid cannot move to them.
 */
export function firstProblem(problems: readonly Problem[], view: GridView): Problem | undefined {
  const rowIndex = new Map(view.rowIds.map((id, i) => [id, i]));
  const columnIndex = new Map(view.columns.map((c, i) => [c.field as string, i]));
  const position = (p: Problem) => [rowIndex.get(p.id) ?? Infinity, columnIndex.get(p.field) ?? Infinity] as const;
  let first: Problem | undefined;
  for (const problem of problems) {
    if (!first) first = problem;
    else {
      const [row, column] = position(problem);
      const [firstRow, firstColumn] = position(first);
      if (row < firstRow || (row === firstRow && column < firstColumn)) first = problem;
    }
  }
  return first;
}

/**
 * Each bad cell's message, for screen readers: the cell points here with `aria-describedby`
 * (see ValueCellRenderer), so moving onto it reads the value, "invalid", then the message.
 */
export function ProblemDescriptions({
  problems,
  idOf,
  messageOf,
}: {
  problems: readonly Problem[];
  idOf: (id: string, field: string) => string | undefined;
  messageOf: (problem: Problem) => string;
}) {
  return (
    <div hidden>
      {problems.map((p) => {
        const id = idOf(p.id, p.field);
        return id ? (
          <span key={id} id={id}>
            {messageOf(p)}
          </span>
        ) : null;
      })}
    </div>
  );
}
