import { redirect, type ActionFunctionArgs } from '@remix-run/node';
import { isLocale } from '@brobygger/i18n';
import type { AuthProvider } from '../lib/account.server.ts';
import { localeCookie } from '../lib/locale-cookie.server.ts';
import { safeRedirect } from '../lib/safe-redirect.ts';

/** Remembers the language in a year-long cookie; it wins over the browser's languages. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const lng = form.get('lng');
  const to = safeRedirect(form.get('redirectTo'), context.services.appUrl);
  if (!isLocale(lng)) return redirect(to);
  await rememberOnAccount(context.services.auth, request, lng);
  return redirect(to, { headers: { 'Set-Cookie': localeCookie(lng) } });
}

/**
 * Signed in, the choice is the account's too, or the next sign-in would bring back the old one.
 * Best effort: the cookie alone is enough for this browser.
 */
async function rememberOnAccount(auth: AuthProvider, request: Request, locale: string) {
  try {
    const account = await auth.getAccount(request);
    if (account && account.locale !== locale) await auth.updateProfile(request, { name: account.name, locale });
  } catch {
    // The database or Auth server being down must not stop a language switch.
  }
}

export const loader = () => redirect('/');
