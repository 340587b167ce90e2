import { isLocale, LOCALE_COOKIE } from '@brobygger/i18n';
import { serialize } from 'cookie';

/** The year-long `lng` cookie that remembers the interface language; it wins over the browser's. */
export const localeCookie = (lng: string) =>
  serialize(LOCALE_COOKIE, lng, { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });

/**
 * At sign-in, the language the account chose becomes this browser's language too, so a person
 * sees their own language on any device. An account that never chose keeps the browser's.
 */
export function withAccountLocale(headers: Headers, session: { locale?: string }): Headers {
  if (isLocale(session.locale)) headers.append('Set-Cookie', localeCookie(session.locale));
  return headers;
}
