import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { meetings } from '@brobygger/api/rosters';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { RosterPage } from '../components/roster/roster-page.tsx';
import { toRosterData } from '../components/roster/roster-data.ts';
import { load, requireCaller } from '../lib/api.server.ts';
import { titleMeta } from '../lib/meta.ts';
import { useWorkspace } from './w.$tenant.tsx';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  return toRosterData(await load(() => api.meetings.list({ tenant: params.tenant ?? '' }), request));
}

export const meta = titleMeta('meetings:title');

/** The volunteer meetings; each opens to its minutes and who attended. */
export default function Meetings() {
  const { t } = useTranslation('meetings');
  const workspace = useWorkspace();
  const rowLink = useMemo(
    () => ({ href: (id: string) => `/w/${workspace.slug}/meetings/${id}`, label: t('open') }),
    [workspace.slug, t],
  );
  return <RosterPage roster={meetings} data={useLoaderData<typeof loader>()} rowLink={rowLink} />;
}

export const ErrorBoundary = GeneralErrorBoundary;
