import {
  data,
  redirect,
  type ActionFunctionArgs,
  type AppLoadContext,
  type LoaderFunctionArgs,
  type MetaFunction,
} from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { formatDate, isLocale, LOCALES } from '@brobygger/i18n';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { Field, FormMessage } from '../components/form.tsx';
import { SkipLink, UserRow } from '../components/app-header.tsx';
import { NewPasswordFields } from '../components/new-password-fields.tsx';
import {
  changePassword,
  deleteAccount,
  saveProfile,
  serviceUnavailableAs503,
  type AccountActionData,
} from '../lib/account.server.ts';
import { caller, load } from '../lib/api.server.ts';
import { useLocale } from '../lib/i18n.tsx';
import { describeUserAgent } from '../lib/user-agent.ts';

export const meta: MetaFunction = () => [{ title: 'Brobygger' }];

/**
 * The signed-in person's own account: name, language, password, where they are signed in, and
 * deleting it.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  return serviceUnavailableAs503(() => loadAccount(request, context));
}

async function loadAccount(request: Request, context: AppLoadContext) {
  const { auth } = context.services;
  const { api } = await caller(request, context);
  // Side by side: signed out, the account is null and the API's answer is the same sign-in redirect.
  const [account, sessions, soleOwnerOf] = await Promise.all([
    auth.getAccount(request),
    auth.listSessions(request),
    load(() => api.me.soleOwnerships(), request),
  ]);
  if (!account) throw redirect(`/login?redirectTo=${encodeURIComponent('/account')}`);
  return {
    soleOwnerOf,
    account: { ...account, passwordResetUntil: account.passwordResetUntil?.toISOString() ?? null },
    sessions: sessions?.map((s) => ({
      ...s,
      createdAt: s.createdAt.toISOString(),
      lastSeenAt: s.lastSeenAt.toISOString(),
    })),
  };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const form = await request.formData();
  return serviceUnavailableAs503(() => runAction(request, context, form));
}

async function runAction(request: Request, context: AppLoadContext, form: FormData) {
  const { auth } = context.services;
  switch (form.get('intent')) {
    case 'profile': {
      const { api } = await caller(request, context);
      return saveProfile(auth, request, form, (name) => api.me.rename({ name }));
    }
    case 'password':
      return changePassword(auth, request, form);
    case 'delete': {
      const { api } = await caller(request, context);
      return deleteAccount(auth, request, form, () => api.me.deleteAccount());
    }
    case 'everywhere':
      return redirect('/login', { headers: await auth.signOutEverywhere(request) });
    default:
      return data<AccountActionData>({ intent: 'unknown', error: 'errors:invalid_input' }, { status: 400 });
  }
}

export default function Account() {
  const { t } = useTranslation('account');
  const { account, sessions } = useLoaderData<typeof loader>();
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <div className="brand-row">
          <span className="brand">{t('common:appName')}</span>
          <Link to="/">{t('back')}</Link>
        </div>
        <UserRow email={account.email} />
      </header>
      <main id="main">
        <div className="page account-page">
          <h1>{t('title')}</h1>
          <p className="muted account-email">{account.email}</p>
          {account.passwordResetUntil ? <PasswordSection /> : null}
          <ProfileSection />
          {account.passwordResetUntil ? null : <PasswordSection />}
          <SessionsSection sessions={sessions} />
          <p>
            <Link to="/new-workspace">{t('workspace:create.title')}</Link>
          </p>
          <DeleteSection />
        </div>
      </main>
    </>
  );
}

/** The action's answer when it was for the form named `intent`, and whether that form is being sent. */
function useFormState(intent: AccountActionData['intent']) {
  const result = useActionData<typeof action>();
  const busy = useNavigation().formData?.get('intent') === intent;
  return { result: result?.intent === intent ? result : undefined, busy };
}

function ProfileSection() {
  const { t } = useTranslation('account');
  const { account } = useLoaderData<typeof loader>();
  const locale = useLocale();
  const { result, busy } = useFormState('profile');
  return (
    <section className="card" aria-labelledby="profile-heading">
      <h2 id="profile-heading">{t('profile.heading')}</h2>
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="profile" />
        <Field
          label={t('profile.name')}
          name="name"
          autoComplete="name"
          defaultValue={account.name}
          required
          hint={t('profile.nameHint')}
          errors={result?.fieldErrors?.name}
          errorValues={result?.values}
        />
        <div className="field">
          <label htmlFor="account-language">{t('profile.language')}</label>
          <select
            id="account-language"
            key={account.locale}
            name="locale"
            defaultValue={isLocale(account.locale) ? account.locale : locale}
          >
            {LOCALES.map((lng) => (
              <option key={lng} value={lng} lang={lng}>
                {t(`common:language.${lng}`)}
              </option>
            ))}
          </select>
        </div>
        <FormMessage error={result?.error} success={result?.done ? t('profile.saved') : undefined} />
        <button type="submit" className="primary" disabled={busy}>
          {t('profile.submit')}
        </button>
      </Form>
    </section>
  );
}

/**
 * Changing the password, or (shortly after a sign-in by link) setting a new one without the old:
 * then it comes first on the page, and does not ask for the current password.
 */
function PasswordSection() {
  const { t } = useTranslation('account');
  const { account } = useLoaderData<typeof loader>();
  const locale = useLocale();
  const { result, busy } = useFormState('password');
  const reset = account.passwordResetUntil;
  return (
    <section className="card" id="password" aria-labelledby="password-heading">
      <h2 id="password-heading">{reset ? t('password.resetHeading') : t('password.heading')}</h2>
      {reset ? <p>{t('password.resetIntro', { time: formatDate(reset, locale, 'datetime') })}</p> : null}
      <Form method="post" noValidate>
        <input type="hidden" name="intent" value="password" />
        {/* A username field lets password managers file the new password under the right account. */}
        <input type="hidden" name="username" autoComplete="username" value={account.email} />
        {reset ? null : (
          <Field
            label={t('password.current')}
            name="current"
            type="password"
            autoComplete="current-password"
            required
            errors={result?.fieldErrors?.current}
          />
        )}
        <NewPasswordFields
          labels={{
            password: t('password.new'),
            confirm: t('password.confirm'),
            hint: (values) => t('password.hint', values),
          }}
          fieldErrors={result?.fieldErrors}
        />
        <FormMessage
          error={result?.error}
          values={result?.values}
          success={result?.done ? t('password.changed') : undefined}
        />
        <button type="submit" className="primary" disabled={busy}>
          {t('password.submit')}
        </button>
      </Form>
    </section>
  );
}

type SessionRow = NonNullable<ReturnType<typeof useLoaderData<typeof loader>>['sessions']>[number];

function SessionsSection({ sessions }: { sessions: SessionRow[] | undefined }) {
  const { t } = useTranslation('account');
  const locale = useLocale();
  return (
    <section className="card" aria-labelledby="sessions-heading">
      <h2 id="sessions-heading">{t('sessions.heading')}</h2>
      {sessions ? (
        <ul className="plain-list session-list">
          {sessions.map((s) => {
            const device = describeUserAgent(s.userAgent);
            return (
              <li key={s.id}>
                <strong>{device ? t('sessions.deviceName', device) : t('sessions.unknownDevice')}</strong>{' '}
                {s.current ? <span className="badge badge-active">{t('sessions.thisDevice')}</span> : null}
                <br />
                <span className="muted session-times">
                  {t('sessions.signedIn')}: {formatDate(s.createdAt, locale, 'datetime')} · {t('sessions.lastSeen')}:{' '}
                  {formatDate(s.lastSeenAt, locale, 'datetime')}
                </span>
              </li>
            );
          })}
        </ul>
      ) : (
        <p className="muted">{t('sessions.notListed')}</p>
      )}
      <Form method="post">
        <input type="hidden" name="intent" value="everywhere" />
        <p className="hint">{t('sessions.everywhereHint')}</p>
        <button type="submit">{t('sessions.everywhere')}</button>
      </Form>
    </section>
  );
}

/**
 * Deleting the account (decision 040): said plainly what goes and what the workspaces keep, and
 * done once the password is typed again. A workspace's only owner is first sent to hand it over.
 */
function DeleteSection() {
  const { t } = useTranslation('account');
  const { account, soleOwnerOf } = useLoaderData<typeof loader>();
  const { result, busy } = useFormState('delete');
  return (
    <section className="card danger-zone" aria-labelledby="delete-heading">
      <h2 id="delete-heading">{t('delete.heading')}</h2>
      {soleOwnerOf.length ? (
        <>
          {/* A deletion the database refused because this became true meanwhile: said, then explained. */}
          <FormMessage error={result?.error} values={result?.values} />
          <p>{t('delete.soleOwner', { count: soleOwnerOf.length })}</p>
          <ul>
            {soleOwnerOf.map((w) => (
              <li key={w.slug}>
                <Link to={`/w/${w.slug}/members`}>{t('delete.membersOf', { workspace: w.name })}</Link>
              </li>
            ))}
          </ul>
        </>
      ) : (
        <>
          <p>{t('delete.what')}</p>
          <p>{t('delete.kept')}</p>
          <Form method="post" noValidate>
            <input type="hidden" name="intent" value="delete" />
            <input type="hidden" name="username" autoComplete="username" value={account.email} />
            <Field
              label={t('delete.password')}
              name="password"
              type="password"
              autoComplete="current-password"
              required
              errors={result?.fieldErrors?.password}
            />
            <FormMessage error={result?.error} values={result?.values} />
            <button type="submit" className="danger" disabled={busy}>
              {t('delete.submit')}
            </button>
          </Form>
        </>
      )}
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
