import type { LinksFunction, LoaderFunctionArgs } from '@remix-run/node';
import type { ShouldRevalidateFunction } from '@remix-run/react';
import { Links, Meta, Outlet, Scripts, ScrollRestoration, useRouteLoaderData } from '@remix-run/react';
import type { ReactNode } from 'react';
import { GeneralErrorBoundary } from './components/error-boundary.tsx';
import { sessionOrNull } from './lib/api.server.ts';
import { messagesOf } from './lib/i18n.server.ts';
import { I18nProvider, useLocale, type RootI18nData } from './lib/i18n.tsx';
import { titleMeta } from './lib/meta.ts';
import { useNonce } from './lib/nonce.tsx';
import stylesUrl from './styles.css?url';
import './load-context.ts';

// Inherited by pages without a title of their own, among them the error pages.
export const meta = titleMeta();

export const links: LinksFunction = () => [{ rel: 'stylesheet', href: stylesUrl }];

/** Never fails: the error pages (503 when the database is down) render inside this layout. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { services, requestId } = context;
  const locale = services.localeOf(request);
  const session = await sessionOrNull(request, context);
  // The page's texts in its language only (docs/decisions/017): the JavaScript carries none.
  return { locale, messages: messagesOf(locale), requestId, email: session?.email ?? null };
}

/**
 * The root's data (language, its texts, who is signed in) changes only through these actions;
 * after any other (a role change, a setting) the page's texts are not sent again.
 */
const CHANGES_ROOT = ['/set-language', '/login', '/logout', '/account', '/invite/', '/auth/'];

export const shouldRevalidate: ShouldRevalidateFunction = ({ formAction, defaultShouldRevalidate }) =>
  defaultShouldRevalidate && (!formAction || CHANGES_ROOT.some((path) => formAction.startsWith(path)));

export function Layout({ children }: { children: ReactNode }) {
  const locale = useLocale();
  const messages = useRouteLoaderData<RootI18nData>('root')?.messages;
  const nonce = useNonce();
  return (
    <html lang={locale}>
      <head>
        <meta charSet="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <Meta />
        <Links />
      </head>
      <body>
        <I18nProvider locale={locale} messages={messages}>
          {children}
        </I18nProvider>
        <ScrollRestoration nonce={nonce} />
        <Scripts nonce={nonce} />
      </body>
    </html>
  );
}

export default function App() {
  return <Outlet />;
}

export const ErrorBoundary = GeneralErrorBoundary;
