import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { REGION_METRICS, REGION_PERIODS, ZRegionPeriod, quarterLabel } from '@brobygger/api/region-dashboard';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { FundedGoals } from '../components/programmes/funded-goals.tsx';
import { MetricSection } from '../components/region/metric-section.tsx';
import '../components/overview/overview.css';
import '../components/region/region.css';
import { load, requireCaller } from '../lib/api.server.ts';
import { titleMeta } from '../lib/meta.ts';
import { useWorkspace } from './w.$tenant.tsx';

/**
 * The region's dashboard (decision 026): its active partners' figures per quarter, suppressed in
 * the database (aggregates.region_dashboard), read fresh on every visit. A table per metric is
 * both the figures and the charts' text alternative; the same figures download as XLSX.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  // An unknown ?period= is a stale link, not an error: the last four quarters are shown instead.
  const chosen = ZRegionPeriod.safeParse(new URL(request.url).searchParams.get('period'));
  const period = chosen.success ? chosen.data : 'last4';
  const tenant = params.tenant ?? '';
  // A goal is judged over its programme's own period, whatever quarters are chosen above:
  // "40-50 citizens over two years" is progress so far, not one quarter's share of it.
  const [dashboard, fundedGoals] = await load(
    () => Promise.all([api.regionDashboard.get({ tenant, period }), api.programmes.fundedGoals({ tenant })]),
    request,
  );
  return { ...dashboard, fundedGoals };
}

export const meta = titleMeta('region:dashboard.title');

export default function RegionDashboardPage() {
  const { t } = useTranslation('region');
  const workspace = useWorkspace();
  const dashboard = useLoaderData<typeof loader>();
  const base = `/w/${workspace.slug}`;
  return (
    <div className="page page-wide region-dashboard">
      <h1>{t('dashboard.heading', { region: workspace.name })}</h1>
      <p className="muted">{t('dashboard.intro')}</p>
      <div className="dashboard-actions">
        <div className="overview-period">
          <nav aria-label={t('dashboard.period.label')}>
            <ul>
              {REGION_PERIODS.map((p) => (
                <li key={p}>
                  <Link
                    to={`?period=${p}`}
                    aria-current={p === dashboard.period ? 'page' : undefined}
                    preventScrollReset
                    replace
                  >
                    {t(`dashboard.period.${p}`)}
                  </Link>
                </li>
              ))}
            </ul>
          </nav>
          <p className="muted">
            {quarterLabel(dashboard.quarters[0]!)} – {quarterLabel(dashboard.quarters.at(-1)!)}
          </p>
        </div>
        {/* A resource route: a plain link downloads the file (reloadDocument skips client routing). */}
        <a href={`${base}/dashboard/xlsx?period=${dashboard.period}`} download className="button secondary">
          {t('dashboard.export')}
        </a>
      </div>
      {dashboard.partners.length === 0 ? (
        <section className="card">
          <p>{t('dashboard.noPartners')}</p>
          <Link to={`${base}/partners`}>{t('dashboard.toPartners')}</Link>
        </section>
      ) : (
        REGION_METRICS.map((metric) => <MetricSection key={metric} dashboard={dashboard} metric={metric} />)
      )}
      <div className="card" data-section="funded-goals">
        <FundedGoals goals={dashboard.fundedGoals} />
      </div>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
