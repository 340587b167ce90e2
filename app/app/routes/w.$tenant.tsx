import type { LoaderFunctionArgs, MetaFunction } from '@remix-run/node';
import { Form, Outlet, useLoaderData, useNavigate, useRouteLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { SkipLink, UserRow } from '../components/app-header.tsx';
import { BillingBanner } from '../components/billing-banner.tsx';
import { WorkspaceNav } from '../components/workspace-nav.tsx';
import { ReadOnlyBanner } from '../components/workspace/read-only-banner.tsx';
import { load, requireCaller } from '../lib/api.server.ts';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api, session } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  const [workspace, workspaces] = await load(
    () => Promise.all([api.workspaces.get({ tenant }), api.me.workspaces()]),
    request,
  );
  // Owners and admins are warned while a payment is overdue (docs/decisions/029).
  const billing =
    workspace.permissions['billing.manage'] === 'all'
      ? await load(() => api.billing.status({ tenant }), request)
      : null;
  return { workspace, workspaces, email: session.email, billing };
}

export const meta: MetaFunction<typeof loader> = ({ data }) => [
  { title: data ? `${data.workspace.name} · Brobygger` : 'Brobygger' },
];

/** The switcher's last option, which is not a workspace but the way to create one (never a valid slug). */
export const NEW_WORKSPACE = '_new';

export function useWorkspace() {
  const data = useRouteLoaderData<typeof loader>('routes/w.$tenant');
  if (!data) throw new Error('useWorkspace outside /w/$tenant');
  return data.workspace;
}

/**
 * Why the workspace is read-only (closed, suspended, billing), or null while it is writable. Also
 * null outside a workspace's pages, so shared components can ask without being inside one.
 */
export function useReadOnlyReason() {
  return useRouteLoaderData<typeof loader>('routes/w.$tenant')?.workspace.readOnlyReason ?? null;
}

export default function WorkspaceLayout() {
  const { t } = useTranslation();
  const { workspace, workspaces, email, billing } = useLoaderData<typeof loader>();
  const navigate = useNavigate();
  const base = `/w/${workspace.slug}`;
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <div className="brand-row">
          <span className="brand">{t('appName')}</span>
          <Form
            method="get"
            action="/w"
            className="workspace-switcher"
            onChange={(e) => {
              const slug = new FormData(e.currentTarget).get('slug');
              if (slug === NEW_WORKSPACE) navigate('/new-workspace');
              else if (typeof slug === 'string') navigate(`/w/${slug}`);
            }}
          >
            <label htmlFor="workspace-switcher">{t('workspace.switcher')}</label>
            <select id="workspace-switcher" name="slug" defaultValue={workspace.slug} key={workspace.slug}>
              {workspaces.map((w) => (
                <option key={w.slug} value={w.slug}>
                  {w.name}
                </option>
              ))}
              <option value={NEW_WORKSPACE}>{t('workspace:switcher.new')}</option>
            </select>
            <noscript>
              <button type="submit">{t('workspace.switch')}</button>
            </noscript>
          </Form>
        </div>
        <WorkspaceNav
          base={base}
          permissions={workspace.permissions}
          kind={workspace.kind}
          runsActivities={workspace.runsActivities}
        />
        <UserRow email={email} />
      </header>
      <main id="main">
        <ReadOnlyBanner workspace={workspace} billingPath={`${base}/billing`} />
        {billing ? <BillingBanner status={billing} billingPath={`${base}/billing`} /> : null}
        <Outlet />
      </main>
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
