import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { SIGN_IN_LINK_MINUTES } from '@brobygger/auth/policy';
import { useTranslation } from 'react-i18next';
import { AuthCard } from '../components/auth-card.tsx';
import { Field, FormMessage } from '../components/form.tsx';
import { NewPasswordFields } from '../components/new-password-fields.tsx';
import { NewWorkspaceFields, type NewWorkspaceValues } from '../components/workspace/new-workspace-fields.tsx';
import { caller, sessionOrNull } from '../lib/api.server.ts';
import { firstProblem, ZEmailInput, ZNewPassword } from '../lib/credentials.ts';
import { titleMeta } from '../lib/meta.ts';
import { readWorkspaceForm } from '../lib/workspace-form.server.ts';

export const meta = titleMeta('workspace:signup.title');

/** Someone signed in creates their next workspace at /new-workspace instead. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  if (await sessionOrNull(request, context)) throw redirect('/new-workspace');
  return null;
}

type Answer = {
  error?: string;
  values?: Record<string, unknown>;
  fieldErrors?: Record<string, string[] | undefined>;
  person?: { name: string; email: string };
  workspace?: NewWorkspaceValues;
  sent?: string;
};

/**
 * Sign-up without an invitation (decision 028): an unconfirmed account that carries the workspace
 * asked for, and a link mailed to confirm the address; following it creates the workspace.
 */
export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  const { api, locale } = await caller(request, context);
  const person = { name: String(form.get('yourName') ?? '').trim(), email: String(form.get('email') ?? '').trim() };
  const password = String(form.get('password') ?? '');

  const checked = await readWorkspaceForm(form, locale, api);
  const fieldErrors: Record<string, string[] | undefined> = checked.ok ? {} : { ...checked.fieldErrors };
  if (!person.name) fieldErrors.yourName = ['errors:name_required'];
  const email = ZEmailInput.safeParse(person.email);
  if (!email.success) fieldErrors.email = [firstProblem(email.error)];
  const strong = ZNewPassword.safeParse(password);
  if (!strong.success) fieldErrors.password = [firstProblem(strong.error)];
  else if (password !== form.get('confirm')) fieldErrors.confirm = ['errors:passwords_differ'];
  const workspace = checked.ok ? undefined : checked.values;
  if (!checked.ok || Object.keys(fieldErrors).length)
    return data<Answer>({ fieldErrors, person, workspace }, { status: 400 });

  const result = await context.services.register(request, {
    email: person.email,
    password,
    name: person.name,
    locale,
    data: { requested_workspace: checked.workspace },
  });
  if (!result.ok) {
    const status = result.reason === 'rate_limited' ? 429 : result.reason === 'unavailable' ? 503 : 400;
    const error =
      result.reason === 'rate_limited'
        ? 'auth:rate_limited'
        : result.reason === 'unavailable'
          ? 'auth:unavailable'
          : `workspace:signup.${result.reason}`;
    return data<Answer>(
      { error, person, workspace: { ...checked.workspace, ean: checked.workspace.ean ?? '' } },
      { status },
    );
  }
  return data<Answer>({ sent: person.email });
}

export default function SignUp() {
  const { t } = useTranslation('workspace');
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  if (answer?.sent) {
    return (
      <AuthCard title={t('signup.sentTitle')}>
        <p role="status">{t('signup.sent', { email: answer.sent, minutes: SIGN_IN_LINK_MINUTES })}</p>
        <p>
          <Link to="/login/link">{t('signup.lostLink')}</Link>
        </p>
      </AuthCard>
    );
  }
  return (
    <AuthCard title={t('signup.title')} intro={t('signup.intro')}>
      <Form method="post" noValidate className="signup-form">
        <fieldset>
          <legend>{t('signup.you')}</legend>
          <Field
            label={t('signup.yourName')}
            name="yourName"
            autoComplete="name"
            required
            defaultValue={answer?.person?.name}
            errors={answer?.fieldErrors?.yourName}
          />
          <Field
            label={t('signup.email')}
            name="email"
            type="email"
            autoComplete="email"
            required
            defaultValue={answer?.person?.email}
            errors={answer?.fieldErrors?.email}
          />
          <NewPasswordFields
            labels={{
              password: t('signup.password'),
              confirm: t('signup.confirm'),
              hint: (values) => t('signup.passwordHint', values),
            }}
            fieldErrors={answer?.fieldErrors}
          />
        </fieldset>
        <fieldset>
          <legend>{t('signup.workspace')}</legend>
          <NewWorkspaceFields errors={answer?.fieldErrors} values={answer?.workspace} />
        </fieldset>
        <FormMessage error={answer?.error} values={answer?.values} />
        <button type="submit" className="primary" disabled={busy}>
          {t('signup.submit')}
        </button>
      </Form>
      <p>
        {t('signup.haveAccount')} <Link to="/login">{t('signup.signIn')}</Link>
      </p>
    </AuthCard>
  );
}
