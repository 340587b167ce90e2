import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { ConflictChoice, EditSession } from './session.ts';
import type { GridColumn } from './types.ts';
import { formatValue, type ValueContext } from './values.ts';

type Column = GridColumn<Record<string, unknown>>;

/**
 * Rows someone else saved while this user edited them. Per row: each cell both people changed,
 * with both values side by side, and the choice to take theirs or keep mine. Nothing is
 * overwritten until the user chooses and saves again.
 */
export function ConflictPanel({
  session,
  columns,
  ctx,
  labelOf,
  onResolve,
}: {
  session: EditSession;
  columns: readonly Column[];
  ctx: ValueContext;
  labelOf: (id: string) => string;
  onResolve: (id: string, choice: ConflictChoice) => void;
}) {
  const { t } = useTranslation('grid');
  const headingId = useId();
  if (session.conflicts.size === 0) return null;
  const columnOf = new Map(columns.map((c) => [c.field as string, c]));
  const show = (field: string, value: unknown) => {
    const column = columnOf.get(field);
    const text = column ? formatValue(column, value, ctx) : String(value ?? '');
    return text === '' ? <span className="muted">{t('conflicts.empty')}</span> : text;
  };

  return (
    <section className="card grid-conflicts" aria-labelledby={headingId}>
      <h2 id={headingId}>{t('conflicts.title')}</h2>
      <p>{t('conflicts.intro')}</p>
      {[...session.conflicts].map(([id, server]) => {
        const mine = session.row(id);
        if (!mine) return null;
        const fields = session.conflictFields(id);
        return (
          <section key={id} className="grid-conflict" aria-label={t('conflicts.row', { row: labelOf(id) })}>
            <h3>{t('conflicts.row', { row: labelOf(id) })}</h3>
            {server === null ? (
              <p>{t('conflicts.deletedByOther')}</p>
            ) : session.isDeleted(id) ? (
              <p>{t('conflicts.deletedByYou')}</p>
            ) : fields.length === 0 ? (
              <p>{t('conflicts.noOverlap')}</p>
            ) : (
              <table className="table compact">
                <thead>
                  <tr>
                    <th scope="col">{t('conflicts.field')}</th>
                    <th scope="col">{t('conflicts.mine')}</th>
                    <th scope="col">{t('conflicts.theirs')}</th>
                  </tr>
                </thead>
                <tbody>
                  {fields.map((field) => (
                    <tr key={field}>
                      <th scope="row">{columnOf.get(field) ? ctx.t(columnOf.get(field)!.header) : field}</th>
                      <td>{show(field, mine[field])}</td>
                      <td>{show(field, server[field])}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            )}
            <div className="grid-conflict-actions">
              <button type="button" onClick={() => onResolve(id, 'theirs')}>
                {t('conflicts.takeTheirs')}
              </button>
              <button type="button" onClick={() => onResolve(id, 'mine')}>
                {t('conflicts.keepMine')}
              </button>
            </div>
          </section>
        );
      })}
    </section>
  );
}
