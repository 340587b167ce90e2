import { data, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { SIGN_IN_LINK_MINUTES } from '@brobygger/auth/policy';
import { AuthCard, EmailField } from '../components/auth-card.tsx';
import { FormMessage } from '../components/form.tsx';

export const meta: MetaFunction = () => [{ title: 'Brobygger' }];

/** "Forgot your password": asks for a single-use sign-in link. The answer never says who has an account. */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const email = String(form.get('email') ?? '').trim();
  if (!email.includes('@')) return data({ error: 'auth:link.missing', sent: false, email }, { status: 400 });
  const result = await context.services.requestSignInLink(request, email);
  if (!result.ok) {
    return data(
      { error: `auth:${result.reason}`, sent: false, email },
      { status: result.reason === 'rate_limited' ? 429 : 503 },
    );
  }
  return { error: undefined, sent: true, email };
}

export default function SignInLink() {
  const { t } = useTranslation('auth');
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  return (
    <AuthCard title={t('link.title')} intro={t('link.intro', { minutes: SIGN_IN_LINK_MINUTES })}>
      <Form method="post" noValidate>
        <EmailField defaultValue={result?.email} />
        <FormMessage error={result?.error} success={result?.sent ? t('link.sent') : undefined} />
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
