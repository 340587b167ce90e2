import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { isLocale, LOCALE_COOKIE } from '@brobygger/i18n';
import { serialize } from 'cookie';
import { safeRedirect } from '../lib/safe-redirect.ts';

/** Remembers the language in a year-long cookie; it wins over the browser's languages. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const lng = form.get('lng');
  const to = safeRedirect(form.get('redirectTo'), context.services.appUrl);
  if (!isLocale(lng)) return redirect(to);
  const cookie = serialize(LOCALE_COOKIE, lng, { path: '/', sameSite: 'lax', maxAge: 60 * 60 * 24 * 365 });
  return redirect(to, { headers: { 'Set-Cookie': cookie } });
}

export const loader = () => redirect('/');
