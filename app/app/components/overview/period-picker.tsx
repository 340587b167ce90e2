import type { Overview, OverviewPeriod } from '@brobygger/api/overview';
import { formatDate } from '@brobygger/i18n';
import { Link, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n.tsx';

/**
 * The period the figures are for, as links (`?period=`): each choice is an address that can be
 * bookmarked and works without JavaScript. The chosen one is marked as the current page. Other
 * parameters stay: a region reaches its own overview through `?view=own`, and without it a period
 * link would land on the region's dashboard.
 */
export function PeriodPicker({ overview, periods }: { overview: Overview; periods: readonly OverviewPeriod[] }) {
  const { t } = useTranslation('overview');
  const locale = useLocale();
  const [searchParams] = useSearchParams();
  const linkTo = (period: OverviewPeriod) => {
    const next = new URLSearchParams(searchParams);
    next.set('period', period);
    return `?${next.toString()}`;
  };
  const last = new Date(`${overview.period.to}T12:00:00Z`);
  last.setUTCDate(last.getUTCDate() - 1);
  return (
    <div className="overview-period">
      <nav aria-label={t('period.label')}>
        <ul>
          {periods.map((p) => (
            <li key={p}>
              <Link
                to={linkTo(p)}
                aria-current={p === overview.period.name ? 'page' : undefined}
                preventScrollReset
                replace
              >
                {t(`period.${p}`)}
              </Link>
            </li>
          ))}
        </ul>
      </nav>
      <p className="muted">
        {t('period.range', {
          from: formatDate(`${overview.period.from}T12:00:00Z`, locale),
          to: formatDate(last, locale),
        })}
      </p>
    </div>
  );
}
