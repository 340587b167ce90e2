import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n.tsx';
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
