import type { Overview } from '@brobygger/api/overview';
import { formatNumber } from '@brobygger/i18n';
import { Link } from '@remix-run/react';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n.tsx';
import { sumTallies } from './rates.ts';

/**
 * The headline figures of the period, one card per area the caller is shown: volunteers (active,
 * paused, waiting), participants reached, sessions held, and companionships once the matches
 * query exists. A card whose figure is absent is not drawn.
 */
export function FigureCards({ overview, tenant }: { overview: Overview; tenant: string }) {
  const { t } = useTranslation('overview');
  const locale = useLocale();
  const n = (value: number) => formatNumber(value, locale);
  const courses = overview.courses ?? [];
  const sessions = sumTallies(courses.flatMap((c) => c.months)).sessions;
  return (
    <ul className="overview-cards" aria-label={t('figures')}>
      {overview.volunteers ? (
        <Card heading={t('volunteers.heading')}>
          <dl className="overview-counts">
            <Count label={t('volunteers.active')} value={n(overview.volunteers.active)} />
            <Count label={t('volunteers.paused')} value={n(overview.volunteers.paused)} />
            <Count label={t('volunteers.waitingForIntake')} value={n(overview.volunteers.waitingForIntake)} />
          </dl>
          <Link to={`/w/${tenant}/volunteers`}>{t('volunteers.open')}</Link>
        </Card>
      ) : null}
      {overview.participantsReached !== undefined ? (
        <Card heading={t('participants.heading')}>
          <p className="overview-figure">{n(overview.participantsReached)}</p>
          <p className="muted">{t('participants.help')}</p>
        </Card>
      ) : null}
      {overview.courses ? (
        <Card heading={t('sessions.heading')}>
          <p className="overview-figure">{n(sessions)}</p>
          <p className="muted">{t('sessions.help', { count: courses.length })}</p>
        </Card>
      ) : null}
      {overview.matches ? (
        <Card heading={t('matches.heading')}>
          <dl className="overview-counts">
            <Count label={t('matches.active')} value={n(overview.matches.active)} />
            <Count label={t('matches.pastPlannedEnd')} value={n(overview.matches.pastPlannedEnd)} />
          </dl>
          <Link to={`/w/${tenant}/matches`}>{t('matches.open')}</Link>
        </Card>
      ) : null}
    </ul>
  );
}

function Card({ heading, children }: { heading: string; children: ReactNode }) {
  return (
    <li className="card overview-card">
      <h2>{heading}</h2>
      {children}
    </li>
  );
}

function Count({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <dt>{label}</dt>
      <dd>{value}</dd>
    </div>
  );
}
