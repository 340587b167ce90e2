import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { formatDate, formatNumber } from '@brobygger/i18n';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { load, requireCaller } from '../lib/api.server.ts';
import { useLocale } from '../lib/i18n.tsx';
import { titleMeta } from '../lib/meta.ts';
import { useWorkspace } from './w.$tenant.tsx';

/** Owners only: the API answers anyone else with 403, which the error boundary shows. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  return load(() => api.accessLog.list({ tenant: params.tenant ?? '' }), request);
}

export const meta = titleMeta('members:accessLog.title');

export default function AccessLog() {
  const { t } = useTranslation('members');
  const locale = useLocale();
  const workspace = useWorkspace();
  const { entries, pageSize } = useLoaderData<typeof loader>();
  return (
    <div className="page">
      <h1>{t('accessLog.title')}</h1>
      <p className="muted">{t('accessLog.intro', { workspace: workspace.name, count: pageSize })}</p>
      {entries.length === 0 ? (
        <p>{t('accessLog.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('accessLog.when')}</th>
                <th scope="col">{t('accessLog.who')}</th>
                <th scope="col">{t('accessLog.what')}</th>
                <th scope="col" className="numeric">
                  {t('accessLog.rows')}
                </th>
              </tr>
            </thead>
            <tbody>
              {entries.map((e) => (
                <tr key={e.id}>
                  <td>{formatDate(e.readAt, locale, 'datetime')}</td>
                  <td>{e.displayName ?? t('accessLog.formerMember')}</td>
                  {/* A procedure without a label yet shows by its API name rather than not at all. */}
                  <td>{t(`accessLog.procedures.${e.procedure}`, { defaultValue: e.procedure })}</td>
                  <td className="numeric">{formatNumber(e.rowCount, locale)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
