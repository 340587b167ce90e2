import { data, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SIGN_IN_LINK_MINUTES } from '@brobygger/auth/policy';
import { AuthCard, EmailField } from '../components/auth-card.tsx';
import { FormMessage } from '../components/form.tsx';
import { slowedDown, type AuthFormError } from '../lib/api.server.ts';

export const meta: MetaFunction = () => [{ title: 'Brobygger' }];

/** "Forgot your password": asks for a single-use sign-in link. The answer never says who has an account. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = String(form.get('email') ?? '').trim();
  if (!email.includes('@')) return data<AuthFormError>({ error: 'auth:link.missing', email }, { status: 400 });
  const result = await context.services.requestSignInLink(request, email);
  if (!result.ok) {
    if (result.reason === 'rate_limited') {
      return slowedDown(result.retryAfterSeconds, 'auth:link.slowed', email);
    }
    return data<AuthFormError>({ error: `auth:${result.reason}`, email }, { status: 503 });
  }
  return { error: undefined, values: undefined, sent: true as const, email };
}

export default function SignInLink() {
  const { t } = useTranslation('auth');
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  return (
    <AuthCard title={t('link.title')} intro={t('link.intro', { minutes: SIGN_IN_LINK_MINUTES })}>
      <Form method="post" noValidate>
        <EmailField defaultValue={result?.email} />
        <FormMessage
          error={result?.error}
          values={result?.values}
          success={result?.sent ? t('link.sent') : undefined}
        />
        <button type="submit" className="primary" disabled={busy}>
          {t('link.submit')}
        </button>
      </Form>
      <p>
        <Link to="/login">{t('link.back')}</Link>
      </p>
    </AuthCard>
  );
}
