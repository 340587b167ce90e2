import {
  REGION_METRICS,
  cellOf,
  hiddenPartners,
  quarterLabel,
  type RegionDashboard,
} from '@brobygger/api/region-dashboard';
import type { TFunction } from 'i18next';
import writeXlsxFile, { type Cell, type Row } from 'write-excel-file/node';

/**
 * The dashboard as one sheet: per metric a heading, a row per partner, the total of the partners
 * shown and how many partners it leaves out, a column per quarter. The figures are the API's,
 * already suppressed: "<5" is written as the text the page shows, and the total holds only shown
 * figures, so the file allows no more subtraction than the page.
 */
export function dashboardSheet(d: RegionDashboard, t: TFunction): Row[] {
  const bold = (value: string): Cell => ({ value, type: String, fontWeight: 'bold' });
  const rows: Row[] = [];
  for (const metric of REGION_METRICS) {
    rows.push([bold(t(`region:dashboard.metrics.${metric}`))]);
    rows.push([bold(t('region:export.partner')), ...d.quarters.map((q) => bold(quarterLabel(q)))]);
    const lines = [...d.partners, { id: null, name: t('region:dashboard.total') }];
    for (const line of lines) {
      rows.push([
        line.id ? { value: line.name, type: String } : bold(line.name),
        ...d.quarters.map((q): Cell => {
          const cell = cellOf(d, line.id, q, metric);
          if (cell?.suppressed) return { value: t('region:dashboard.suppressed'), type: String, align: 'right' };
          if (cell?.value === null || cell?.value === undefined) return null;
          return metric === 'attendanceRate'
            ? { value: cell.value, type: Number, format: '0%' }
            : { value: cell.value, type: Number };
        }),
      ]);
    }
    rows.push([
      { value: t('region:export.notIncluded'), type: String },
      ...d.quarters.map((q): Cell => ({ value: hiddenPartners(d, q, metric), type: Number })),
    ]);
    rows.push([]);
  }
  rows.push([{ value: t('region:export.note'), type: String }]);
  return rows;
}

export async function dashboardXlsx(d: RegionDashboard, t: TFunction): Promise<Buffer> {
  return writeXlsxFile(dashboardSheet(d, t), {
    sheet: t('region:export.sheet'),
    columns: [{ width: 44 }, ...d.quarters.map(() => ({ width: 12 }))],
  }).toBuffer();
}
