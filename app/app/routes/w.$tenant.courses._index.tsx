import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { courses } from '@brobygger/api/rosters';
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
  return toRosterData(await load(() => api.courses.list({ tenant: params.tenant ?? '' }), request));
}

export const meta = titleMeta('courses:title');

export default function Courses() {
  const { t } = useTranslation('courses');
  const workspace = useWorkspace();
  const rowLink = useMemo(
    () => ({ href: (id: string) => `/w/${workspace.slug}/courses/${id}`, label: t('open') }),
    [workspace.slug, t],
  );
  return <RosterPage roster={courses} data={useLoaderData<typeof loader>()} rowLink={rowLink} />;
}

export const ErrorBoundary = GeneralErrorBoundary;
