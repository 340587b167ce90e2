import type { ActionFunctionArgs, LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { volunteers } from '@brobygger/api/rosters';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { erasePersonAction } from '../components/person/person-erase.server.ts';
import { loadPersonPage } from '../components/person/person-loader.server.ts';
import { PersonPage } from '../components/person/person-page.tsx';
import { titleMeta } from '../lib/meta.ts';

/** One volunteer's page; not found for those who may not read the volunteers roster (peers). */
export const loader = (args: LoaderFunctionArgs) => loadPersonPage(args, 'volunteer');

/** Erasure, for those who may (decision 024). */
export const action = (args: ActionFunctionArgs) => erasePersonAction(args, 'volunteer');

export const meta = titleMeta<Awaited<ReturnType<typeof loader>>>('people:volunteerTitle', ({ page }) => ({
  name: String(page.row.name ?? ''),
}));

export default function Volunteer() {
  const { page, from } = useLoaderData<typeof loader>();
  return <PersonPage roster={volunteers} page={page} from={from} />;
}

export const ErrorBoundary = GeneralErrorBoundary;
