import {
  cellOf,
  hiddenPartners,
  quarterLabel,
  type RegionDashboard,
  type RegionMetric,
} from '@brobygger/api/region-dashboard';
import { formatNumber } from '@brobygger/i18n';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n.tsx';
import { AttendanceChart, type ChartSeries } from '../overview/attendance-chart.tsx';
import { figureText } from './figure.ts';

/** Colours that stay apart for colour-blind readers (Okabe-Ito); the total is dashed black. */
const COLOURS = ['#0072B2', '#E69F00', '#009E73', '#CC79A7', '#56B4E9', '#D55E00', '#F0E442'];
/** More lines than this would be noise: the chart shows the total and the first partners. */
const CHART_PARTNERS = COLOURS.length;

/**
 * One metric: a line chart per quarter (the total and the partners), and the table that is its
 * text alternative and the figures themselves: a row per partner, a column per quarter, the
 * total of the partners shown last, saying how many hidden partners it leaves out. Suppressed
 * figures read "<5", with "fewer than 5" for a screen reader.
 */
export function MetricSection({ dashboard, metric }: { dashboard: RegionDashboard; metric: RegionMetric }) {
  const { t } = useTranslation('region');
  const locale = useLocale();
  const title = t(`dashboard.metrics.${metric}`);
  const tableId = `table-${metric}`;
  const suppressed = t('dashboard.suppressed');
  const rows = [
    ...dashboard.partners.map((p) => ({ id: p.id, name: p.name })),
    { id: null, name: t('dashboard.total') },
  ];
  const valuesOf = (partnerId: string | null) =>
    dashboard.quarters.map((q) => cellOf(dashboard, partnerId, q, metric)?.value ?? null);
  const series: ChartSeries[] = [
    { label: t('dashboard.total'), values: valuesOf(null), colour: '#222222', dashed: true },
    ...dashboard.partners.slice(0, CHART_PARTNERS).map((p, i) => ({
      label: p.name,
      values: valuesOf(p.id),
      colour: COLOURS[i % COLOURS.length]!,
    })),
  ];
  return (
    <section className="card region-metric" aria-labelledby={`${metric}-title`}>
      <h2 id={`${metric}-title`}>{title}</h2>
      <p className="muted">{t(`dashboard.help.${metric}`)}</p>
      <AttendanceChart
        labels={dashboard.quarters.map(quarterLabel)}
        series={series}
        description={t('dashboard.chart', { metric: title, count: dashboard.partners.length })}
        describedBy={tableId}
        yMax={metric === 'attendanceRate' ? 1 : null}
        formatPercent={(v) =>
          metric === 'attendanceRate'
            ? formatNumber(v, locale, { style: 'percent', maximumFractionDigits: 0 })
            : formatNumber(v, locale)
        }
      />
      <div className="table-scroll">
        <table id={tableId} className="region-table">
          <caption className="sr-only">{t('dashboard.table', { metric: title })}</caption>
          <thead>
            <tr>
              <th scope="col">{t('dashboard.partner')}</th>
              {dashboard.quarters.map((q) => (
                <th scope="col" key={q} className="numeric">
                  {quarterLabel(q)}
                </th>
              ))}
            </tr>
          </thead>
          <tbody>
            {rows.map((row) => (
              <tr key={row.id ?? 'total'} className={row.id ? undefined : 'total-row'}>
                <th scope="row">{row.name}</th>
                {dashboard.quarters.map((q) => {
                  const cell = cellOf(dashboard, row.id, q, metric);
                  const hidden = row.id ? 0 : hiddenPartners(dashboard, q, metric);
                  return (
                    <td key={q} className="numeric">
                      {cell?.suppressed ? (
                        <abbr title={t('dashboard.suppressedLabel')}>{suppressed}</abbr>
                      ) : (
                        figureText(cell, metric, locale, suppressed)
                      )}
                      {hidden > 0 && (
                        <span className="not-included">{t('dashboard.notIncluded', { count: hidden })}</span>
                      )}
                    </td>
                  );
                })}
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
