import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Field, FormMessage } from '../components/form.tsx';
import { AuthCard, EmailField } from '../components/auth-card.tsx';
import { sessionOrNull, slowedDown, type AuthFormError } from '../lib/api.server.ts';
import { withAccountLocale } from '../lib/locale-cookie.server.ts';
import { safeRedirect } from '../lib/safe-redirect.ts';
import { CREDENTIAL_VALUES, firstProblem, ZSignInForm } from '../lib/credentials.ts';
import { MAX_EMAIL_LENGTH } from '@brobygger/auth/policy';

export const meta: MetaFunction = () => [{ title: 'Brobygger' }];

export async function loader({ request, context }: LoaderFunctionArgs) {
  // With the database down the form still shows; signing in then says so.
  const session = await sessionOrNull(request, context);
  if (session)
    throw redirect(safeRedirect(new URL(request.url).searchParams.get('redirectTo'), context.services.appUrl));
  return null;
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const typed = String(form.get('email') ?? '').trim();
  const parsed = ZSignInForm.safeParse({ email: typed, password: String(form.get('password') ?? '') });
  if (!parsed.success) {
    return data<AuthFormError>(
      { error: firstProblem(parsed.error), values: CREDENTIAL_VALUES, email: typed.slice(0, MAX_EMAIL_LENGTH) },
      { status: 400 },
    );
  }
  const { email, password } = parsed.data;

  const result = await context.services.auth.signInWithPassword(request, email, password);
  if (!result.ok) {
    if (result.reason === 'rate_limited') return slowedDown(result.retryAfterSeconds, 'auth:slowed', email);
    return data<AuthFormError>(
      { error: `auth:${result.reason}`, email },
      { status: result.reason === 'unavailable' ? 503 : 401 },
    );
  }
  return redirect(safeRedirect(form.get('redirectTo'), context.services.appUrl), {
    headers: withAccountLocale(result.headers, result.session),
  });
}

export default function Login() {
  const { t } = useTranslation('auth');
  const actionData = useActionData<typeof action>();
  const [params] = useSearchParams();
  const busy = useNavigation().state === 'submitting';
  return (
    <AuthCard title={t('title')} intro={t('intro')}>
      <Form method="post" noValidate>
        <input type="hidden" name="redirectTo" value={params.get('redirectTo') ?? '/'} />
        <EmailField defaultValue={actionData?.email} />
        <Field label={t('password')} name="password" type="password" autoComplete="current-password" required />
        <FormMessage error={actionData?.error} values={actionData?.values} />
        <button type="submit" className="primary" disabled={busy}>
          {t('submit')}
        </button>
      </Form>
      <p>
        <Link to="/login/link">{t('forgot')}</Link>
      </p>
      <p>
        <Link to="/signup">{t('workspace:signup.loginLink')}</Link>
      </p>
    </AuthCard>
  );
}
