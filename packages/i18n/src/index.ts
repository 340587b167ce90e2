import i18next, { type i18n, type TFunction } from 'i18next';
import daAccount from '../locales/da/account.json';
import daAuth from '../locales/da/auth.json';
import daCommon from '../locales/da/common.json';
import daCourses from '../locales/da/courses.json';
import daErrors from '../locales/da/errors.json';
import daGrid from '../locales/da/grid.json';
import daImport from '../locales/da/import.json';
import daInvitations from '../locales/da/invitations.json';
import daMail from '../locales/da/mail.json';
import daMatrix from '../locales/da/matrix.json';
import daOverview from '../locales/da/overview.json';
import daMembers from '../locales/da/members.json';
import daParticipants from '../locales/da/participants.json';
import daVolunteers from '../locales/da/volunteers.json';
import enAccount from '../locales/en/account.json';
import enAuth from '../locales/en/auth.json';
import enCommon from '../locales/en/common.json';
import enCourses from '../locales/en/courses.json';
import enErrors from '../locales/en/errors.json';
import enGrid from '../locales/en/grid.json';
import enImport from '../locales/en/import.json';
import enInvitations from '../locales/en/invitations.json';
import enMail from '../locales/en/mail.json';
import enMatrix from '../locales/en/matrix.json';
import enOverview from '../locales/en/overview.json';
import enMembers from '../locales/en/members.json';
import enParticipants from '../locales/en/participants.json';
import enVolunteers from '../locales/en/volunteers.json';

export const LOCALES = ['da', 'en'] as const;
export type Locale = (typeof LOCALES)[number];
export const DEFAULT_LOCALE: Locale = 'da';
export const LOCALE_COOKIE = 'lng';

export const resources = {
  da: {
    common: daCommon,
    auth: daAuth,
    account: daAccount,
    errors: daErrors,
    invitations: daInvitations,
    mail: daMail,
    members: daMembers,
    grid: daGrid,
    import: daImport,
    volunteers: daVolunteers,
    participants: daParticipants,
    courses: daCourses,
    matrix: daMatrix,
    overview: daOverview,
  },
  en: {
    common: enCommon,
    auth: enAuth,
    account: enAccount,
    errors: enErrors,
    invitations: enInvitations,
    mail: enMail,
    members: enMembers,
    grid: enGrid,
    import: enImport,
    volunteers: enVolunteers,
    participants: enParticipants,
    courses: enCourses,
    matrix: enMatrix,
    overview: enOverview,
  },
} as const;

export const NAMESPACES = Object.keys(resources.da) as (keyof (typeof resources)['da'])[];

export const isLocale = (value: unknown): value is Locale => LOCALES.includes(value as Locale);

/** The same options on server and client, so hydration renders identical text. */
export function i18nOptions(locale: Locale) {
  return {
    lng: locale,
    fallbackLng: DEFAULT_LOCALE,
    supportedLngs: [...LOCALES],
    ns: NAMESPACES,
    defaultNS: 'common',
    resources,
    interpolation: { escapeValue: false },
    initAsync: false,
    returnNull: false,
    showSupportNotice: false,
  } as const;
}

export function createI18n(locale: Locale): i18n {
  const instance = i18next.createInstance();
  void instance.init(i18nOptions(locale));
  return instance;
}

const translators = new Map<Locale, TFunction>();

/** A translator for server-side text (mail, logs shown to users). */
export function translate(locale: Locale): TFunction {
  let t = translators.get(locale);
  if (!t) {
    t = createI18n(locale).t;
    translators.set(locale, t);
  }
  return t;
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
