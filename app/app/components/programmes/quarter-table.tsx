import { quarterLabel } from '@brobygger/api/programmes';
import type { FunderReport } from '@brobygger/api/programmes-report';
import { useTranslation } from 'react-i18next';
import { FIGURE_KEYS, figureText } from './report-figures.ts';
import { useLocale } from '../../lib/i18n.tsx';

/** Activity per quarter and for the whole period: the same figures the report files hold. */
export function QuarterTable({ report, labelledBy }: { report: FunderReport; labelledBy: string }) {
  const { t } = useTranslation('programmes');
  const locale = useLocale();
  return (
    <div className="table-scroll">
      <table className="table quarter-table" aria-labelledby={labelledBy}>
        <thead>
          <tr>
            <th scope="col">{t('report.quarter')}</th>
            {FIGURE_KEYS.map((k) => (
              <th scope="col" key={k}>
                {t(`figures.${k}`)}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {report.quarters.map((q) => (
            <tr key={q.from}>
              <th scope="row">{quarterLabel(q, locale)}</th>
              {FIGURE_KEYS.map((k) => (
                <td key={k} className="numeric">
                  {figureText(q.figures[k])}
                </td>
              ))}
            </tr>
          ))}
          <tr className="total-row">
            <th scope="row">{t('report.total')}</th>
            {FIGURE_KEYS.map((k) => (
              <td key={k} className="numeric">
                {figureText(report.total[k])}
              </td>
            ))}
          </tr>
        </tbody>
      </table>
    </div>
  );
}
