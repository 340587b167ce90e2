import type { HistoryEntry } from '@brobygger/api';
import type { DerivedRoster } from '@brobygger/api/rosters';
import { formatDate } from '@brobygger/i18n';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n.tsx';
import { useFieldText } from './field-text.ts';

/** Who changed which field of the person's row from what to what, and when; newest first. */
export function PersonHistory({
  roster,
  history,
  limit,
}: {
  roster: DerivedRoster;
  history: readonly HistoryEntry[] | null;
  limit: number;
}) {
  const { t } = useTranslation('people');
  const locale = useLocale();
  const text = useFieldText(roster);
  if (history === null) return <p className="muted">{t('history.hidden')}</p>;
  if (history.length === 0) return <p>{t('history.none')}</p>;
  return (
    <>
      <div className="table-scroll">
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('history.when')}</th>
              <th scope="col">{t('history.who')}</th>
              <th scope="col">{t('history.what')}</th>
            </tr>
          </thead>
          <tbody>
            {history.map((entry) => (
              <tr key={entry.id}>
                <td>{formatDate(entry.changedAt, locale, 'datetime')}</td>
                <td>{entry.changedBy ?? t('history.nobody')}</td>
                <td>
                  {entry.action === 'update' ? (
                    <ul className="change-list">
                      {entry.changes.map((c) => (
                        <li key={c.field}>
                          {t('history.change', {
                            field: text.label(c.field),
                            from: text.value(c.field, c.from),
                            to: text.value(c.field, c.to),
                          })}
                        </li>
                      ))}
                    </ul>
                  ) : (
                    t(`history.${entry.action}`)
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {history.length >= limit ? <p className="muted">{t('history.limit', { count: limit })}</p> : null}
    </>
  );
}
