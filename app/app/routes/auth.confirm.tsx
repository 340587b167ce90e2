import { data, redirect, type ActionFunctionArgs, type MetaFunction } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { FormMessage } from '../components/form.tsx';
import { AuthCard } from '../components/auth-card.tsx';
import { withAccountLocale } from '../lib/locale-cookie.server.ts';

export const meta: MetaFunction = () => [{ title: 'Brobygger' }];

/**
 * Where a sign-in link leads. Opening it only shows a button; the POST uses the link up. Mail
 * filters (Outlook's Safe Links and the like) open every link in a mail to scan it, and would
 * otherwise spend the link before its owner clicks it.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const result = await context.services.auth.signInWithLink(request, String(form.get('token_hash') ?? ''));
  if (!result.ok)
    return data({ error: `auth:${result.reason}` }, { status: result.reason === 'unavailable' ? 503 : 400 });
  // Whoever follows a sign-in link has usually forgotten the password: the account page offers,
  // for a few minutes, to set a new one without the old.
  return redirect('/account#password', { headers: withAccountLocale(result.headers, result.session) });
}

export default function ConfirmSignInLink() {
  const { t } = useTranslation('auth');
  const [params] = useSearchParams();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const token = params.get('token_hash') ?? '';
  return (
    <AuthCard title={t('link.confirmTitle')}>
      {token ? (
        <Form method="post">
          <p className="muted">{t('link.confirmIntro')}</p>
          <input type="hidden" name="token_hash" value={token} />
          <FormMessage error={result?.error} />
          <button type="submit" className="primary" disabled={busy}>
            {t('link.confirmSubmit')}
          </button>
        </Form>
      ) : (
        <FormMessage error="auth:link_invalid" />
      )}
      <p>
        <Link to="/login/link">{t('link.again')}</Link>
      </p>
    </AuthCard>
  );
}
