import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useNavigation } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { AuthCard } from '../components/auth-card.tsx';
import { FormMessage } from '../components/form.tsx';
import { NewWorkspaceFields, type NewWorkspaceValues } from '../components/workspace/new-workspace-fields.tsx';
import { act, requireCaller } from '../lib/api.server.ts';
import { titleMeta } from '../lib/meta.ts';
import { readWorkspaceForm } from '../lib/workspace-form.server.ts';

export const meta = titleMeta('workspace:create.title');

export async function loader({ request, context }: LoaderFunctionArgs) {
  await requireCaller(request, context);
  return null;
}

type Answer = { error?: string; fieldErrors?: Record<string, string[] | undefined>; workspace?: NewWorkspaceValues };

/** A signed-in person creates another workspace, of which they become the owner. */
export async function action({ request, context }: ActionFunctionArgs) {
  const { api, locale } = await requireCaller(request, context);
  const checked = await readWorkspaceForm(await request.formData(), locale, api);
  if (!checked.ok)
    return data<Answer>({ fieldErrors: checked.fieldErrors, workspace: checked.values }, { status: 400 });
  const created = await act(() => api.workspaces.create(checked.workspace));
  if (created.ok) return redirect(`/w/${created.data.slug}/members?welcome=1`);
  const workspace = { ...checked.workspace, ean: checked.workspace.ean ?? '' };
  // The database's refusals that belong to one field are shown beside it.
  const field = { 'errors:slug_taken': 'slug', 'errors:slug_malformed': 'slug', 'errors:cvr_invalid': 'cvr' }[
    created.error
  ];
  return data<Answer>(
    field
      ? { fieldErrors: { [field]: [created.error] }, workspace }
      : { error: created.error, fieldErrors: created.fieldErrors, workspace },
    { status: created.status },
  );
}

export default function NewWorkspace() {
  const { t } = useTranslation('workspace');
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  return (
    <AuthCard title={t('create.title')} intro={t('create.intro')}>
      <Form method="post" noValidate className="signup-form">
        <NewWorkspaceFields errors={answer?.fieldErrors} values={answer?.workspace} />
        <FormMessage error={answer?.error} />
        <button type="submit" className="primary" disabled={busy}>
          {t('create.submit')}
        </button>
      </Form>
      <p>
        <Link to="/">{t('create.back')}</Link>
      </p>
    </AuthCard>
  );
}
