import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { expenses } from '@brobygger/api/rosters';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { MonthExport } from '../components/expenses/month-export.tsx';
import { RosterPage } from '../components/roster/roster-page.tsx';
import { toRosterData } from '../components/roster/roster-data.ts';
import { load, requireCaller } from '../lib/api.server.ts';
import { titleMeta } from '../lib/meta.ts';
import { useWorkspace } from './w.$tenant.tsx';

/** Everyone's expenses for those who read them all; a peer's own for a peer (the policy decides). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  return toRosterData(await load(() => api.expenses.list({ tenant: params.tenant ?? '' }), request));
}

export const meta = titleMeta('expenses:title');

export default function Expenses() {
  const workspace = useWorkspace();
  const readsAll = workspace.permissions['expenses.read'] === 'all';
  return (
    <RosterPage
      roster={expenses}
      data={useLoaderData<typeof loader>()}
      lead={readsAll ? 'intro' : 'introOwn'}
      tools={readsAll ? <MonthExport tenant={workspace.slug} /> : null}
    />
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
