import type { AppRouter } from '@brobygger/api';
import { createTRPCClient, httpLink } from '@trpc/client';

/**
 * The browser's way to the API, for what a page does after it has loaded (grid saves, layout
 * preferences). Loaders use the server caller instead. One request per call: a save carries
 * thousands of rows, which batching would only delay.
 */
export const trpc = createTRPCClient<AppRouter>({
  links: [httpLink({ url: '/api/trpc' })],
});
