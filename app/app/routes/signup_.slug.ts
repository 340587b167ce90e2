import type { LoaderFunctionArgs } from '@remix-run/node';
import { caller, load } from '../lib/api.server.ts';

/** While typing an address on the sign-up and new-workspace forms: `{ slug, status }`. */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const slug = (new URL(request.url).searchParams.get('slug') ?? '').slice(0, 100);
  const { api } = await caller(request, context);
  const status = await load(() => api.workspaces.slugStatus({ slug }), request);
  return Response.json({ slug, status }, { headers: { 'Cache-Control': 'no-store' } });
}
