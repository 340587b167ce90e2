import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { isLocale } from '@brobygger/i18n';
import { localeCookie } from '../lib/locale-cookie.server.ts';
import { safeRedirect } from '../lib/safe-redirect.ts';

/** Remembers the language in a year-long cookie; it wins over the browser's languages. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const lng = form.get('lng');
  const to = safeRedirect(form.get('redirectTo'), context.services.appUrl);
  if (!isLocale(lng)) return redirect(to);
  return redirect(to, { headers: { 'Set-Cookie': localeCookie(lng) } });
}

export const loader = () => redirect('/');
