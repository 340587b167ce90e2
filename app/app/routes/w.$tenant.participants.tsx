import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { participants } from '@brobygger/api/rosters';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { ErasedNotice } from '../components/person/erased-notice.tsx';
import { usePersonRowLink } from '../components/person/person-links.ts';
import { RosterPage } from '../components/roster/roster-page.tsx';
import { toRosterData } from '../components/roster/roster-data.ts';
import { load, requireCaller } from '../lib/api.server.ts';
import { titleMeta } from '../lib/meta.ts';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  return toRosterData(await load(() => api.participants.list({ tenant: params.tenant ?? '' }), request));
}

export const meta = titleMeta('participants:title');

export default function Participants() {
  const { t } = useTranslation('participants');
  return (
    <RosterPage
      roster={participants}
      data={useLoaderData<typeof loader>()}
      hint={{ title: t('hintTitle'), body: <p>{t('privacy')}</p> }}
      rowLink={usePersonRowLink('participants', 'firstName')}
      tools={<ErasedNotice />}
    />
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
