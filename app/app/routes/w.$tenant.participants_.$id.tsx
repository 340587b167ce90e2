import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { participants } from '@brobygger/api/rosters';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { erasePersonAction } from '../components/person/person-erase.server.ts';
import { loadPersonPage } from '../components/person/person-loader.server.ts';
import { PersonPage } from '../components/person/person-page.tsx';
import { titleMeta } from '../lib/meta.ts';
import { useWorkspace } from './w.$tenant.tsx';

/**
 * One participant's page, as much of it as the caller may read (decision 016): in full, a
 * viewer's summary, or a peer's first name of someone on their own course; otherwise not found.
 * Every read is in the access log.
 */
export const loader = (args: LoaderFunctionArgs) => loadPersonPage(args, 'participant');

/** Erasure, for those who may (decision 024). */
export const action = (args: ActionFunctionArgs) => erasePersonAction(args, 'participant');

export const meta = titleMeta<Awaited<ReturnType<typeof loader>>>('people:participantTitle', ({ page }) => ({
  name: String(page.row.firstName ?? ''),
}));

export default function Participant() {
  const { t } = useTranslation('people');
  const { permissions } = useWorkspace();
  const { page, from } = useLoaderData<typeof loader>();
  // Why the record is short: a viewer's summary, or a peer's first name.
  const notice =
    permissions['participants.read'] === 'all'
      ? undefined
      : t(permissions['roster.read'] === 'all' ? 'viewerNote' : 'peerNote');
  return <PersonPage roster={participants} page={page} from={from} notice={notice} />;
}

export const ErrorBoundary = GeneralErrorBoundary;
