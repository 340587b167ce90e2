import { isRouteErrorResponse, Link, useRouteError, useRouteLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';

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

  let title: string;
  let text: string;
  if (status === 404) {
    title = t('notFound.title');
    text = t('notFound.text');
  } else if (status === 503) {
    title = t('unavailable.title');
    text = t('unavailable.text');
  } else if (status === 403) {
    title = t('forbidden');
    text = t('notFound.text');
  } else {
    title = t('unexpected_short');
    text = t('unexpected');
  }

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
