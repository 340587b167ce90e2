import { useTranslation } from 'react-i18next';
import type { ValueContext } from '../values.ts';
import { formatValue } from '../values.ts';
import type { Column, ImportPlan, ImportRowResult } from './mapping.ts';

/** A table of 20,000 rows helps no one; the counts above it cover the rest. */
const SHOWN = 200;

/** Rows with errors first (they are what the user must fix), then warnings, then in file order. */
const weight = (r: ImportRowResult) => (r.errors.length ? 2 : r.warnings.length ? 1 : 0);
const order = (a: ImportRowResult, b: ImportRowResult) => weight(b) - weight(a) || a.line - b.line;

/**
 * What Confirm would do, line by line: new, updated or unchanged, the mapped values as the grid
 * would show them (a value that could not be read as typed in the file, its cell marked), and
 * every problem in words with the column it is about.
 */
export function ImportPreview({
  plan,
  columns,
  ctx,
  headingId,
}: {
  plan: ImportPlan;
  columns: readonly Column[];
  ctx: ValueContext;
  headingId: string;
}) {
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
                  <td key={c.field} className={cellClass(r, c.field)}>
                    {formatValue(c, r.row[c.field], ctx)}
                  </td>
                ))}
                <td>
                  {r.errors.length || r.warnings.length ? (
                    <ul className="import-errors">
                      {r.errors.map((e) => (
                        <li key={`${e.field}:${e.message}`}>
                          {t('preview.fieldError', { field: headerOf(e.field), message: t(e.message) })}
                        </li>
                      ))}
                      {r.warnings.map((e) => (
                        <li key={`${e.field}:${e.message}`} className="import-warning">
                          {t('preview.fieldError', { field: headerOf(e.field), message: t(e.message) })}
                        </li>
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
      {plan.results.length > SHOWN ? (
        <p className="hint">{t('preview.more', { shown: SHOWN, count: plan.results.length })}</p>
      ) : null}
    </>
  );
}

function cellClass(r: ImportRowResult, field: string): string | undefined {
  if (r.errors.some((e) => e.field === field)) return 'import-cell-invalid';
  return r.changed.includes(field) ? 'import-cell-changed' : undefined;
}
