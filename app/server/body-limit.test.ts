import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type TestServer } from './testing/serve.ts';

let server: TestServer;
beforeAll(async () => {
  server = await serve();
});
afterAll(() => server.close());

const form = (bytes: number) => new URLSearchParams({ note: 'x'.repeat(bytes) }).toString();

async function post(path: string, body: string, headers: Record<string, string> = {}) {
  const res = await fetch(`${server.url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
    body,
  });
  return { status: res.status, text: await res.text() };
}

describe('request bodies outside /api/trpc', () => {
  it('accepts an ordinary form', async () => {
    expect((await post('/', form(10_000))).status).toBe(200);
  });

  it('refuses a body over 64 KB with 413 and a page in the reader’s language', async () => {
    const da = await post('/', form(70_000), { 'accept-language': 'da' });
    expect(da.status).toBe(413);
    expect(da.text).toContain('Formularen er for stor');
    const en = await post('/some/page', form(70_000), { 'accept-language': 'en' });
    expect(en.status).toBe(413);
    expect(en.text).toContain('The form is too large');
  });

  it('refuses a streamed body without a length, which could be of any size', async () => {
    const stream = new ReadableStream({
      start(c) {
        c.enqueue(new TextEncoder().encode(form(100)));
        c.close();
      },
    });
    const res = await fetch(`${server.url}/`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: stream,
      duplex: 'half',
    } as RequestInit);
    expect(res.status).toBe(411);
  });

  it('leaves /api/trpc its own, larger limit (a 10,000-row save)', async () => {
    const res = await post('/api/trpc/nothing.here', JSON.stringify({ rows: 'x'.repeat(200_000) }), {
      'content-type': 'application/json',
    });
    expect(res.status).toBe(404);
  });
});
