import { data, redirect, type ActionFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation, useSearchParams } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AuthCard } from '../components/auth-card.tsx';
import { FormMessage } from '../components/form.tsx';
import { act } from '../lib/api.server.ts';
import { withAccountLocale } from '../lib/locale-cookie.server.ts';
import { titleMeta } from '../lib/meta.ts';

export const meta = titleMeta('workspace:signup.confirmTitle');

/**
 * Where the sign-up's confirmation link leads. Like a sign-in link, opening it only shows a button
 * (mail scanners open links); the POST confirms the address, signs in, and creates the workspace
 * that was asked for, whose owner then lands on "invite your colleagues".
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const signedIn = await context.services.auth.signInWithLink(request, String(form.get('token_hash') ?? ''));
  if (!signedIn.ok)
    return data({ error: `auth:${signedIn.reason}` }, { status: signedIn.reason === 'unavailable' ? 503 : 400 });
  const headers = withAccountLocale(signedIn.headers, signedIn.session);
  const { api } = await context.services.callerFor(request, context.requestId, signedIn.session);
  const created = await act(() => api.workspaces.createRequested());
  // The address was taken meanwhile, or the workspace exists already: the person is signed in
  // and picks another address (or finds their workspace) from there.
  if (!created.ok || !created.data) return redirect(created.ok ? '/' : '/new-workspace', { headers });
  return redirect(`/w/${created.data.slug}/members?welcome=1`, { headers });
}

export default function ConfirmSignUp() {
  const { t } = useTranslation('workspace');
  const [params] = useSearchParams();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const token = params.get('token_hash') ?? '';
  return (
    <AuthCard title={t('signup.confirmTitle')}>
      {token ? (
        <Form method="post">
          <p className="muted">{t('signup.confirmIntro')}</p>
          <input type="hidden" name="token_hash" value={token} />
          <FormMessage error={result?.error} />
          <button type="submit" className="primary" disabled={busy}>
            {t('signup.confirmSubmit')}
          </button>
        </Form>
      ) : (
        <FormMessage error="auth:link_invalid" />
      )}
      <p>
        <Link to="/login/link">{t('signup.lostLink')}</Link>
      </p>
    </AuthCard>
  );
}
