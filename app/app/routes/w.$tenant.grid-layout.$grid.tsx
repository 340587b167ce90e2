import type { LoaderFunctionArgs } from '@remix-run/node';
import { load, requireCaller } from '../lib/api.server.ts';

/**
 * The caller's saved layout of one grid, as JSON (`null` when there is none): what the grid
 * restores when it opens (components/grid/preferences.ts). A resource route through the server
 * caller rather than the browser's tRPC client, so that a page shows its grid without loading
 * the tRPC client; saving a layout loads it when the user first changes one.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const state = await load(
    () => api.preferences.get({ tenant: params.tenant ?? '', grid: params.grid ?? '' }),
    request,
  );
  return Response.json(state);
}
