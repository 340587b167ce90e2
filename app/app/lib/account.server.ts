import { data, redirect, type AppLoadContext } from '@remix-run/node';
import { isLocale } from '@brobygger/i18n';
import { z } from 'zod';
import { act, tooManyAttempts } from './api.server.ts';
import { CREDENTIAL_VALUES, firstProblem, ZNewPassword, ZPasswordInput } from './credentials.ts';
import { localeCookie } from './locale-cookie.server.ts';

export type AuthProvider = AppLoadContext['services']['auth'];

/** What the account page's actions answer: for which form, and either done or why not (i18n keys). */
export type AccountActionData = {
  intent: 'profile' | 'password' | 'delete' | 'unknown';
  done?: true;
  error?: string;
  values?: Record<string, number>;
  fieldErrors?: Record<string, string[]>;
};

/** As long as a member's display name may be (the memberships table's check). */
export const MAX_NAME_LENGTH = 200;

const ZProfileForm = z.object({
  name: z.string().trim().min(1, 'errors:name_required').max(MAX_NAME_LENGTH, 'account:profile.nameTooLong'),
  locale: z.string().refine(isLocale, 'errors:invalid_input'),
});

const signInAgain = () => redirect(`/login?redirectTo=${encodeURIComponent('/account')}`);
const unavailable = (intent: AccountActionData['intent']) =>
  data<AccountActionData>({ intent, error: 'account:unavailable' }, { status: 503 });

/**
 * Name and language: kept on the account, the name also where colleagues see it (`renameMemberships`),
 * and the language applied to this browser at once.
 */
export async function saveProfile(
  auth: AuthProvider,
  request: Request,
  form: FormData,
  renameMemberships: (name: string) => Promise<unknown>,
) {
  const parsed = ZProfileForm.safeParse({ name: form.get('name') ?? '', locale: form.get('locale') ?? '' });
  if (!parsed.success) {
    const fieldErrors = z.flattenError(parsed.error).fieldErrors as Record<string, string[]>;
    return data<AccountActionData>(
      { intent: 'profile', fieldErrors, error: fieldErrors.locale?.[0], values: { max: MAX_NAME_LENGTH } },
      { status: 400 },
    );
  }
  const result = await auth.updateProfile(request, parsed.data);
  if (!result.ok) return result.reason === 'signed_out' ? signInAgain() : unavailable('profile');
  await renameMemberships(parsed.data.name);
  result.headers.append('Set-Cookie', localeCookie(parsed.data.locale));
  return data<AccountActionData>({ intent: 'profile', done: true }, { headers: result.headers });
}

/**
 * A new password. The current one is asked for unless the page offered to go without it (just
 * after a sign-in by link); the provider decides whether that is still allowed.
 */
export async function changePassword(auth: AuthProvider, request: Request, form: FormData) {
  const fieldErrors: Record<string, string[]> = {};
  const current = form.has('current') ? ZPasswordInput.safeParse(String(form.get('current'))) : null;
  if (current && !current.success) fieldErrors.current = [problemOf(current.error)];
  const password = String(form.get('password') ?? '');
  const strong = ZNewPassword.safeParse(password);
  if (!strong.success) fieldErrors.password = [firstProblem(strong.error)];
  else if (password !== form.get('confirm')) fieldErrors.confirm = ['errors:passwords_differ'];
  if (Object.keys(fieldErrors).length) {
    return data<AccountActionData>({ intent: 'password', fieldErrors }, { status: 400 });
  }

  const result = await auth.changePassword(request, {
    currentPassword: current?.success ? current.data : null,
    newPassword: password,
  });
  if (result.ok) return data<AccountActionData>({ intent: 'password', done: true }, { headers: result.headers });
  switch (result.reason) {
    case 'signed_out':
      return signInAgain();
    case 'unavailable':
      return unavailable('password');
    case 'rate_limited':
      return slowedDown('password', result.retryAfterSeconds);
    case 'wrong_password':
      return data<AccountActionData>(
        { intent: 'password', fieldErrors: { current: ['account:password.wrong'] } },
        { status: 400 },
      );
    case 'weak_password':
      return data<AccountActionData>(
        { intent: 'password', fieldErrors: { password: ['errors:weak_password'] }, values: CREDENTIAL_VALUES },
        { status: 400 },
      );
    case 'same_password':
      return data<AccountActionData>(
        { intent: 'password', fieldErrors: { password: ['account:password.same'] } },
        { status: 400 },
      );
    case 'current_password_required':
      return data<AccountActionData>(
        { intent: 'password', error: 'account:password.currentRequired' },
        { status: 400 },
      );
  }
}

/**
 * Deletes the signed-in person's own account (docs/decisions/040), once they have typed their
 * password again; then signs this browser out. `remove` is the API's `me.deleteAccount`, which the
 * database refuses for a workspace's only owner.
 */
export async function deleteAccount(
  auth: AuthProvider,
  request: Request,
  form: FormData,
  remove: () => Promise<unknown>,
) {
  const password = ZPasswordInput.safeParse(String(form.get('password') ?? ''));
  if (!password.success)
    return data<AccountActionData>(
      { intent: 'delete', fieldErrors: { password: [problemOf(password.error)] } },
      { status: 400 },
    );
  const checked = await auth.confirmPassword(request, password.data);
  if (!checked.ok) {
    switch (checked.reason) {
      case 'signed_out':
        return signInAgain();
      case 'unavailable':
        return unavailable('delete');
      case 'rate_limited':
        return slowedDown('delete', checked.retryAfterSeconds);
      case 'wrong_password':
        return data<AccountActionData>(
          { intent: 'delete', fieldErrors: { password: ['account:password.wrong'] } },
          { status: 400 },
        );
    }
  }
  const removed = await act(remove);
  if (!removed.ok) {
    if (removed.status === 401) return signInAgain();
    return data<AccountActionData>({ intent: 'delete', error: removed.error }, { status: removed.status });
  }
  return redirect('/account/deleted', { headers: await auth.signOut(request) });
}

/** The account page's "too many wrong passwords", for the form `intent`. */
const slowedDown = (intent: AccountActionData['intent'], seconds: number | undefined) =>
  tooManyAttempts<AccountActionData>(
    { intent, error: 'account:password.rateLimited' },
    seconds,
    'account:password.slowed',
  );

/** The database being down (the local provider needs it) is the 503 page, not a 500. */
export async function serviceUnavailableAs503<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (error instanceof Error && error.name === 'DatabaseUnavailableError') throw new Response(null, { status: 503 });
    throw error;
  }
}

/** An empty current password has its own message; "Enter both e-mail and password" fits only sign-in. */
function problemOf(error: z.ZodError): string {
  const key = firstProblem(error);
  return key === 'auth:missing' ? 'account:password.currentMissing' : key;
}
