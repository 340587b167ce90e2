import { useTranslation } from 'react-i18next';
import type { ValueContext } from '../values.ts';
import { formatValue } from '../values.ts';
import type { Column, ImportPlan, ImportRowResult } from './mapping.ts';

/** A table of 20,000 rows helps no one; the counts above it cover the rest. */
const SHOWN = 200;

/** Rows with errors first (they are what the user must act on), then in file order. */
const order = (a: ImportRowResult, b: ImportRowResult) => Number(b.errors.length > 0) - Number(a.errors.length > 0) || a.line - b.line;

/**
 * What Confirm would do, line by line: new, updated or unchanged, the mapped values as the grid
 * would show them, and every error in words (with the column it is about).
 */
export function ImportPreview({ plan, columns, ctx, headingId }: { plan: ImportPlan; columns: readonly Column[]; ctx: ValueContext; headingId: string }) {
  const { t } = useTranslation('import');
  const headerOf = (field: string) => {
    const column = columns.find((c) => c.field === field);
    return column ? t(column.header) : field;
  };
  const rows = [...plan.results].sort(order).slice(0, SHOWN);

  return (
    <>
      <div className="import-preview-scroll">
        <table className="table compact import-preview" aria-labelledby={headingId}>
          <thead>
            <tr>
              <th scope="col">{t('preview.line')}</th>
              <th scope="col">{t('preview.kind')}</th>
              {columns.map((c) => (
                <th key={c.field} scope="col">
                  {t(c.header)}
                </th>
              ))}
              <th scope="col">{t('preview.errors')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={r.line} className={r.errors.length ? 'import-row-invalid' : undefined}>
                <th scope="row">{r.line}</th>
                <td>{t(`kind.${r.kind}`)}</td>
                {columns.map((c) => (
                  <td key={c.field} className={r.changed.includes(c.field) ? 'import-cell-changed' : undefined}>
                    {formatValue(c, r.row[c.field], ctx)}
                  </td>
                ))}
                <td>
                  {r.errors.length ? (
                    <ul className="import-errors">
                      {r.errors.map((e) => (
                        <li key={`${e.field}:${e.message}`}>{t('preview.fieldError', { field: headerOf(e.field), message: t(e.message) })}</li>
                      ))}
                    </ul>
                  ) : (
                    <span className="muted">{t('preview.noErrors')}</span>
                  )}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {plan.results.length > SHOWN ? <p className="hint">{t('preview.more', { shown: SHOWN, count: plan.results.length })}</p> : null}
    </>
  );
}
