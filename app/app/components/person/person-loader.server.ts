import type { LoaderFunctionArgs } from '@remix-run/node';
import { load, requireCaller } from '../../lib/api.server.ts';
import { backFrom } from './back-link.ts';

/** A person's page, through `people.volunteer` or `people.participant`; the API answers 404 for what the caller may not see. */
export async function loadPersonPage(
  { request, context, params }: LoaderFunctionArgs,
  procedure: 'volunteer' | 'participant',
) {
  const { api } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  const page = await load(() => api.people[procedure]({ tenant, id: params.id ?? '' }), request);
  return { page, from: backFrom(request.url, tenant) };
}
