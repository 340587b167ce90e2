import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { Field, FormMessage } from '../components/form.tsx';
import { LanguageSwitcher } from '../components/language-switcher.tsx';
import { NewPasswordFields } from '../components/new-password-fields.tsx';
import { act, caller, load } from '../lib/api.server.ts';
import { firstProblem, ZNewPassword } from '../lib/credentials.ts';
import { titleMeta } from '../lib/meta.ts';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api, session } = await caller(request, context);
  const invitation = await load(() => api.invitations.preview({ token: params.token ?? '' }), request);
  return { invitation, currentEmail: session?.email ?? null, path: new URL(request.url).pathname };
}

export const meta = titleMeta<Awaited<ReturnType<typeof loader>>>('invitations:title', (data) => ({
  workspace: data.invitation.tenantName,
}));

type Errors = { error?: string; fieldErrors?: Record<string, string[]> };

export async function action({ request, context, params }: ActionFunctionArgs) {
  const token = params.token ?? '';
  const form = await request.formData();
  const { api, session } = await caller(request, context);

  if (form.get('intent') === 'accept') {
    const result = await act(() => api.invitations.accept({ token }));
    return result.ok
      ? redirect(`/w/${result.data.slug}`)
      : data<Errors>({ error: result.error }, { status: result.status });
  }

  // Create an account for the invited address, then accept with the new session.
  const invitation = await load(() => api.invitations.preview({ token }), request);
  if (session || invitation.state !== 'valid') return redirect(`/invite/${token}`);
  const name = String(form.get('name') ?? '').trim();
  const password = String(form.get('password') ?? '');
  const fieldErrors: Record<string, string[]> = {};
  if (!name) fieldErrors.name = ['errors:name_required'];
  const strong = ZNewPassword.safeParse(password);
  if (!strong.success) fieldErrors.password = [firstProblem(strong.error)];
  else if (password !== form.get('confirm')) fieldErrors.confirm = ['errors:passwords_differ'];
  if (Object.keys(fieldErrors).length) return data<Errors>({ fieldErrors }, { status: 400 });

  const signUp = await context.services.auth.signUp(request, { email: invitation.email, password, name });
  if (!signUp.ok) {
    const key = signUp.reason === 'unavailable' ? 'database_unavailable' : signUp.reason;
    return data<Errors>({ error: `errors:${key}` }, { status: 400 });
  }
  const asNewUser = await context.services.callerFor(request, context.requestId, signUp.session);
  const accepted = await act(() => asNewUser.api.invitations.accept({ token, displayName: name }));
  if (!accepted.ok)
    return data<Errors>({ error: accepted.error }, { status: accepted.status, headers: signUp.headers });
  return redirect(`/w/${accepted.data.slug}`, { headers: signUp.headers });
}

export default function Invitation() {
  const { t } = useTranslation('invitations');
  const { invitation, currentEmail } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const role = t(`common:roles.${invitation.role}`);

  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="brand">{t('common:appName')}</p>
        <h1>{t('title', { workspace: invitation.tenantName })}</h1>
        {invitation.state !== 'valid' ? (
          <p role="alert">{t(`state.${invitation.state}`)}</p>
        ) : (
          <>
            <p>{t('invitedAs', { role, email: invitation.email })}</p>
            {currentEmail === invitation.email ? (
              <Form method="post">
                <input type="hidden" name="intent" value="accept" />
                <FormMessage error={result?.error} />
                <button type="submit" className="primary">
                  {t('accept')}
                </button>
              </Form>
            ) : currentEmail ? (
              <>
                <p role="alert">{t('wrongUser', { current: currentEmail, email: invitation.email })}</p>
                <Form method="post" action="/logout">
                  <button type="submit">{t('common:signOut')}</button>
                </Form>
              </>
            ) : (
              <SignUpForm result={result} />
            )}
          </>
        )}
        <LanguageSwitcher />
      </div>
    </main>
  );
}

function SignUpForm({ result }: { result: Errors | undefined }) {
  const { t } = useTranslation('invitations');
  const { invitation, path } = useLoaderData<typeof loader>();
  const loginHref = `/login?redirectTo=${encodeURIComponent(path)}`;
  return (
    <>
      <p>
        {t('signInFirst', { email: invitation.email })} <Link to={loginHref}>{t('signIn')}</Link>
      </p>
      <h2>{t('createAccount')}</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="signup" />
        <Field label={t('name')} name="name" autoComplete="name" required errors={result?.fieldErrors?.name} />
        <NewPasswordFields
          labels={{
            password: t('password'),
            confirm: t('confirm'),
            hint: (values) => t('passwordHint', values),
          }}
          fieldErrors={result?.fieldErrors}
        />
        <FormMessage error={result?.error} />
        <button type="submit" className="primary">
          {t('createAndAccept')}
        </button>
      </Form>
    </>
  );
}
