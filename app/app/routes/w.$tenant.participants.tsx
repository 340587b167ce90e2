import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { participants } from '@brobygger/api/rosters';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { usePersonRowLink } from '../components/person/person-links.ts';
import { RosterPage } from '../components/roster/roster-page.tsx';
import { firstRowsThenAll } from '../components/roster/first-rows.server.ts';
import { requireCaller } from '../lib/api.server.ts';
import { titleMeta } from '../lib/meta.ts';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  // The first rows' read answers 404 where the caller may not read participants; the rest streams.
  return firstRowsThenAll({
    tenant: params.tenant ?? '',
    roster: 'participants',
    list: api.participants.list,
    savedLayout: api.preferences.get,
  });
}

export const meta = titleMeta('participants:title');

export default function Participants() {
  const { t } = useTranslation('participants');
  const { preview, rows } = useLoaderData<typeof loader>();
  return (
    <RosterPage
      roster={participants}
      data={rows}
      preview={preview}
      hint={{ title: t('hintTitle'), body: <p>{t('privacy')}</p> }}
      rowLink={usePersonRowLink('participants', 'firstName')}
    />
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
