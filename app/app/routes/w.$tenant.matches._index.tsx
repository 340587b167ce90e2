import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { matches } from '@brobygger/api/rosters';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { RosterPage } from '../components/roster/roster-page.tsx';
import { toRosterData } from '../components/roster/roster-data.ts';
import { load, requireCaller } from '../lib/api.server.ts';
import { titleMeta } from '../lib/meta.ts';
import { useWorkspace } from './w.$tenant.tsx';

/** Every match the caller may see: all of them, or, for a peer, the ones they are on (RLS decides). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  return toRosterData(await load(() => api.matches.list({ tenant: params.tenant ?? '' }), request));
}

export const meta = titleMeta('matches:title');

export default function Matches() {
  const { t } = useTranslation('matches');
  const workspace = useWorkspace();
  const data = useLoaderData<typeof loader>();
  const rowLink = useMemo(
    () => ({ href: (id: string) => `/w/${workspace.slug}/matches/${id}`, label: t('open') }),
    [workspace.slug, t],
  );
  const propose = data.access.add ? (
    <Link to={`/w/${workspace.slug}/matches/new`} className="button-link">
      {t('propose')}
    </Link>
  ) : null;
  return <RosterPage roster={matches} data={data} rowLink={rowLink} actions={propose} />;
}

export const ErrorBoundary = GeneralErrorBoundary;
