import type { PersonMatch } from '@brobygger/api';
import { formatNumber } from '@brobygger/i18n';
import { Link } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n.tsx';
import { formatIsoDate } from '../grid/values.ts';

/**
 * The companionship matches a person is on: who with (the others on the match, by the names the
 * caller may see), status, start and planned end, and how many meetings were logged.
 */
export function PersonMatches({
  matches,
  kind,
  workspace,
}: {
  matches: readonly PersonMatch[];
  kind: 'volunteers' | 'participants';
  workspace: string;
}) {
  const { t } = useTranslation('people');
  const locale = useLocale();
  if (matches.length === 0) return <p>{t('matches.none')}</p>;
  const date = (d: string | null) => (d ? formatIsoDate(d, locale) : '');
  // On a participant's page the others are the volunteers; on a volunteer's, the participant and
  // any fellow volunteer (the API leaves the page's own person out).
  const othersOf = (m: PersonMatch) =>
    (kind === 'participants' ? m.volunteers : [m.participant, ...m.volunteers])
      .filter((name): name is string => !!name)
      .join(', ');
  return (
    <div className="table-scroll">
      <table className="table">
        <thead>
          <tr>
            <th scope="col">{t('matches.match')}</th>
            <th scope="col">{t('matches.status')}</th>
            <th scope="col">{t('matches.period')}</th>
            <th scope="col" className="numeric">
              {t('matches.meetings')}
            </th>
          </tr>
        </thead>
        <tbody>
          {matches.map((m) => (
            <tr key={m.id}>
              <td>
                <Link to={`/w/${workspace}/matches/${m.id}`} aria-label={t('matches.open', { names: othersOf(m) })}>
                  {othersOf(m) || t('empty')}
                </Link>
              </td>
              <td>
                {t(`matches:status.${m.status}`)}
                {m.overdue ? <strong className="person-flag"> · {t('matches.overdue')}</strong> : null}
              </td>
              <td>{m.startsOn || m.plannedEndOn ? `${date(m.startsOn)} – ${date(m.plannedEndOn)}` : t('empty')}</td>
              <td className="numeric">{formatNumber(m.meetings, locale)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
