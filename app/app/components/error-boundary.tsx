import { isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { errorKeys } from '../lib/error-keys.ts';

/**
 * The one error boundary: a translated page for not-found (including workspaces the caller may
 * not see), for a database that is down (503), and for anything unexpected, with the request id
 * support can search the logs for. Never a stack trace.
 */
export function GeneralErrorBoundary() {
  const error = useRouteError();
  const { t } = useTranslation('errors');
  const root = useRouteLoaderData<{ requestId?: string }>('root');
  const status = isRouteErrorResponse(error) ? error.status : 500;

  const keys = errorKeys(status);
  const title = t(keys.title);
  const text = t(keys.text);

  return (
    <main id="main" className="error-page">
      <h1>{title}</h1>
      <p>{text}</p>
      {status >= 500 && root?.requestId ? <p className="muted">{t('requestId', { id: root.requestId })}</p> : null}
      <p>
        <Link to="/">{t('common:actions.home')}</Link>
      </p>
    </main>
  );
}
