import type { RegionCell, RegionMetric } from '@brobygger/api/region-dashboard';
import { formatNumber, type Locale } from '@brobygger/i18n';

/**
 * One figure as the dashboard and its export show it: "<5" when suppressed, a percentage for the
 * attendance rate, a whole number otherwise; "–" where there is no figure (a rate of no one).
 */
export function figureText(cell: RegionCell | undefined, metric: RegionMetric, locale: Locale, suppressed: string) {
  if (!cell) return '–';
  if (cell.suppressed) return suppressed;
  if (cell.value === null) return '–';
  return metric === 'attendanceRate'
    ? formatNumber(cell.value, locale, { style: 'percent', maximumFractionDigits: 0 })
    : formatNumber(cell.value, locale);
}
