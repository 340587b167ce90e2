import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type TestServer } from './testing/serve.ts';

let server: TestServer;
beforeAll(async () => {
  server = await serve();
});
afterAll(() => server.close());

/** One HTTP request that asks for `calls` invitation previews at once. */
function batchOf(calls: number) {
  const paths = Array.from({ length: calls }, () => 'invitations.preview').join(',');
  const input = Object.fromEntries(
    Array.from({ length: calls }, (_, i) => [i, { token: `unknown-token-of-twenty-${i}` }]),
  );
  return fetch(`${server.url}/api/trpc/${paths}?batch=1&input=${encodeURIComponent(JSON.stringify(input))}`);
}

describe('/api/trpc', () => {
  it('answers a single call', async () => {
    const res = await fetch(
      `${server.url}/api/trpc/invitations.preview?input=${encodeURIComponent(JSON.stringify({ token: 'unknown-token-of-twenty' }))}`,
    );
    // Looked up and not found: the procedure ran.
    expect(res.status).toBe(404);
  });

  it('refuses batches: one request cannot make the server run many procedures', async () => {
    const res = await batchOf(50);
    expect(res.status).toBe(400);
    expect(await res.text()).not.toContain('invitation_not_found');
  });
});
