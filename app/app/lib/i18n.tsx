import { createI18n, DEFAULT_LOCALE, isLocale, type Locale } from '@brobygger/i18n';
import { useRouteLoaderData } from '@remix-run/react';
import { useMemo, type ReactNode } from 'react';
import { I18nextProvider } from 'react-i18next';

export function useLocale(): Locale {
  const data = useRouteLoaderData<{ locale?: string }>('root');
  return isLocale(data?.locale) ? data.locale : DEFAULT_LOCALE;
}

/** One i18next instance per render tree, created synchronously from bundled resources. */
export function I18nProvider({ locale, children }: { locale: Locale; children: ReactNode }) {
  const i18n = useMemo(() => createI18n(locale), [locale]);
  return <I18nextProvider i18n={i18n}>{children}</I18nextProvider>;
}
