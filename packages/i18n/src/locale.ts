import i18next, { type i18n, type Resource } from 'i18next';

/**
 * What a browser page needs of the i18n package: the languages, the choice between them, dates
 * and numbers, and an i18next instance over texts it was handed. It imports no catalogue: those
 * are registered in index.ts and reach a page with the root loader's data (docs/decisions/017).
 */

export const LOCALES = ['da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'da';
export const LOCALE_COOKIE = 'lng';

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/** The same options on server and client, so hydration renders identical text. */
export function i18nOptions(locale: Locale, resources: Resource) {
  return {
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    ns: Object.keys(resources[locale] ?? {}),
    defaultNS: 'common',
    resources,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
  } as const;
}

/** A synchronous i18next instance over the given texts (one language or both). */
export function createI18nFrom(locale: Locale, resources: Resource): i18n {
  const instance = i18next.createInstance();
  void instance.init(i18nOptions(locale, resources));
  return instance;
}

/** The saved choice (cookie) wins; then the browser's languages; Danish by default. */
export function pickLocale(saved: string | undefined, acceptLanguage: string | null): Locale {
  if (isLocale(saved)) return saved;
  for (const part of (acceptLanguage ?? '').split(',')) {
    const tag = part.split(';')[0]?.trim().slice(0, 2).toLowerCase();
    if (tag === 'da' || tag === 'nb' || tag === 'no' || tag === 'sv') return 'da';
    if (tag === 'en') return 'en';
  }
  return DEFAULT_LOCALE;
}

const INTL_LOCALE: Record<Locale, string> = { da: 'da-DK', en: 'en-GB' };

export function formatDate(value: string | Date, locale: Locale, style: 'date' | 'datetime' = 'date'): string {
  const date = typeof value === 'string' ? new Date(value) : value;
  return new Intl.DateTimeFormat(INTL_LOCALE[locale], {
    dateStyle: 'medium',
    ...(style === 'datetime' ? { timeStyle: 'short' } : {}),
    timeZone: 'Europe/Copenhagen',
  }).format(date);
}

export function formatNumber(value: number, locale: Locale, options?: Intl.NumberFormatOptions): string {
  return new Intl.NumberFormat(INTL_LOCALE[locale], options).format(value);
}
