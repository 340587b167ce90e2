import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { LanguageSwitcher } from '../components/language-switcher.tsx';
import { load, requireCaller } from '../lib/api.server.ts';

/** Signed in: straight to the first workspace. No workspace yet: an invitation, or create one. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, session } = await requireCaller(request, context);
  const workspaces = await load(() => api.me.workspaces(), request);
  const first = workspaces[0];
  if (first) throw redirect(`/w/${first.slug}`);
  return { email: session.email };
}

export default function Home() {
  const { t } = useTranslation();
  const { t: tw } = useTranslation('workspace');
  const { email } = useLoaderData<typeof loader>();
  return (
    <main id="main" className="auth-page">
      <div className="auth-card">
        <p className="brand">{t('appName')}</p>
        <p>
          <Link to="/account">{t('signedInAs', { email })}</Link>
        </p>
        <p>{tw('none.text')}</p>
        <p>
          <Link to="/new-workspace">{tw('none.create')}</Link>
        </p>
        <Form method="post" action="/logout">
          <button type="submit">{t('signOut')}</button>
        </Form>
        <LanguageSwitcher />
      </div>
    </main>
  );
}
