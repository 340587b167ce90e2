import { afterEach, describe, expect, it } from 'vitest';
import { serve, type TestServer } from './testing/serve.ts';

let server: TestServer | undefined;
afterEach(async () => {
  await server?.close();
  server = undefined;
});

/** The client address the server handed on to Remix (and so to the rate limits). */
async function addressSeen(forwardedFor?: string): Promise<string> {
  const res = await fetch(`${server!.url}/`, { headers: forwardedFor ? { 'X-Forwarded-For': forwardedFor } : {} });
  const text = await res.text();
  return JSON.parse(text.match(/<pre>(.*)<\/pre>/)![1]!.replaceAll('&quot;', '"')).root.address;
}

describe('client address', () => {
  it('without trusted proxies: the socket’s address, whatever X-Forwarded-For claims', async () => {
    server = await serve();
    expect(await addressSeen('203.0.113.7')).toMatch(/127\.0\.0\.1$/);
  });

  it('behind one trusted proxy: the address that proxy saw, not one the client made up', async () => {
    server = await serve({ TRUSTED_PROXY_HOPS: '1' });
    expect(await addressSeen('203.0.113.7')).toBe('203.0.113.7');
    // The client prepends a fake address; the proxy appends the real one, which is what counts.
    expect(await addressSeen('198.51.100.1, 203.0.113.7')).toBe('203.0.113.7');
  });

  it('behind two trusted proxies: two hops from the right', async () => {
    server = await serve({ TRUSTED_PROXY_HOPS: '2' });
    expect(await addressSeen('198.51.100.1, 203.0.113.7, 10.0.0.2')).toBe('203.0.113.7');
  });
});
