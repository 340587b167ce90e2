import { createI18nFrom, DEFAULT_LOCALE, isLocale, LOCALES, type Locale } from '@brobygger/i18n/locale';
import type { Messages } from '@brobygger/i18n';
import { useRouteLoaderData } from '@remix-run/react';
import type { i18n } from 'i18next';
import { useEffect, useMemo, useState, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';

/** What the root loader sends for the page's texts: its language and that language's catalogue. */
export type RootI18nData = { locale?: string; messages?: Messages };

export function useLocale(): Locale {
  const data = useRouteLoaderData<RootI18nData>('root');
  return isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE;
}

/**
 * One i18next instance per render tree, created synchronously from the page language's texts,
 * which came with the root loader's data (docs/decisions/017): the JavaScript carries no catalogue.
 */
export function I18nProvider({
  locale,
  messages,
  children,
}: {
  locale: Locale;
  messages: Messages | undefined;
  children: ReactNode;
}) {
  const i18n = useMemo(() => createI18nFrom(locale, messages ? { [locale]: messages } : {}), [locale, messages]);
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}

/**
 * Adds every language's texts to `i18n` (the import dialog reads headers in either language, the
 * attendance matrix understands pasted codes in both). The catalogues are a chunk of their own,
 * fetched the first time something asks.
 */
export async function loadAllLanguages(i18n: i18n): Promise<void> {
  if (LOCALES.every((lng) => i18n.hasResourceBundle(lng, 'common'))) return;
  const { resources } = await import('@brobygger/i18n');
  for (const lng of LOCALES)
    for (const [ns, texts] of Object.entries(resources[lng]))
      if (!i18n.hasResourceBundle(lng, ns)) i18n.addResourceBundle(lng, ns, texts);
}

/** False until every language's texts are in `i18n`; loads them on first use. */
export function useAllLanguages(i18n: i18n): boolean {
  const [ready, setReady] = useState(() => LOCALES.every((lng) => i18n.hasResourceBundle(lng, 'common')));
  useEffect(() => {
    if (ready) return;
    let live = true;
    void loadAllLanguages(i18n).then(() => live && setReady(true));
    return () => {
      live = false;
    };
  }, [i18n, ready]);
  return ready;
}
