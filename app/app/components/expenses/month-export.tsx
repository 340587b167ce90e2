import { formatNumber } from '@brobygger/i18n';
import { useId, useState, type FormEvent } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n.tsx';
import { csvBlob, csvText } from '../grid/import-export/export-csv.ts';
import { downloadBlob, xlsxBlob } from '../grid/import-export/export-xlsx.ts';
import { MONTH_EXPORT_COLUMNS, monthExportRows } from './month-export-table.ts';

/** This month in Copenhagen as YYYY-MM, the value an `<input type="month">` holds. */
const thisMonth = () =>
  new Intl.DateTimeFormat('sv-SE', { timeZone: 'Europe/Copenhagen', year: 'numeric', month: '2-digit' }).format(
    new Date(),
  );

type Outcome = { kind: 'ok' | 'error'; text: string } | null;

/**
 * A month's approved expenses as a CSV or XLSX file for bookkeeping. The rows come from the API
 * (`expenses.monthExport`), the file from the grid's export writers; nothing here formats a cell.
 */
export function MonthExport({ tenant }: { tenant: string }) {
  const { t } = useTranslation('expenses');
  const locale = useLocale();
  const monthId = useId();
  const [month, setMonth] = useState(thisMonth);
  const [busy, setBusy] = useState(false);
  const [outcome, setOutcome] = useState<Outcome>(null);

  async function download(format: 'csv' | 'xlsx') {
    setBusy(true);
    setOutcome(null);
    try {
      const { trpc } = await import('../../lib/trpc.client.ts');
      const data = await trpc.expenses.monthExport.query({ tenant, month });
      if (data.rows.length === 0) return setOutcome({ kind: 'ok', text: t('export.none') });
      const ctx = { t, locale };
      const rows = monthExportRows(data.rows);
      const name = t('export.fileName', { month: data.month });
      const blob =
        format === 'csv'
          ? csvBlob(csvText(MONTH_EXPORT_COLUMNS, rows, ctx))
          : await xlsxBlob(MONTH_EXPORT_COLUMNS, rows, ctx, name);
      downloadBlob(blob, `${name}.${format}`);
      const total = formatNumber(data.total, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
      setOutcome({ kind: 'ok', text: t('export.done', { count: data.rows.length, total }) });
    } catch (error) {
      const key = error instanceof Error && error.message.startsWith('errors:') ? error.message : 'export.failed';
      setOutcome({ kind: 'error', text: t(key) });
    } finally {
      setBusy(false);
    }
  }

  const submit = (format: 'csv' | 'xlsx') => (e: FormEvent) => {
    e.preventDefault();
    void download(format);
  };

  return (
    <details className="page-hint popover-details month-export">
      <summary>{t('export.title')}</summary>
      <form onSubmit={submit('csv')}>
        <p>{t('export.intro')}</p>
        <p className="month-export-row">
          <label htmlFor={monthId}>{t('export.month')}</label>
          <input id={monthId} type="month" required value={month} onChange={(e) => setMonth(e.currentTarget.value)} />
          <button type="submit" disabled={busy}>
            {t('export.csv')}
          </button>
          <button type="button" disabled={busy} onClick={submit('xlsx')}>
            {t('export.xlsx')}
          </button>
        </p>
        <p role="status" className={outcome?.kind === 'error' ? 'form-error' : undefined}>
          {outcome?.text}
        </p>
      </form>
    </details>
  );
}
