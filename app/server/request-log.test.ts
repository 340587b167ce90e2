import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type TestServer } from './testing/serve.ts';

let server: TestServer;
beforeAll(async () => {
  server = await serve();
});
afterAll(() => server.close());

/** Request lines are written when a response finishes, which can be just after the client has it. */
async function requestLines(count: number) {
  for (let i = 0; i < 50; i++) {
    const lines = server.logs.filter((l) => l.msg === 'request');
    if (lines.length >= count) return lines;
    await new Promise((r) => setTimeout(r, 20));
  }
  return server.logs.filter((l) => l.msg === 'request');
}

describe('the request log', () => {
  it('names an invitation’s path without its token, which is as good as the invitation', async () => {
    const token = 'Zm9vYmFyYmF6cXV4LXNlY3JldC10b2tlbi0xMjM0NTY';
    await fetch(`${server.url}/invite/${token}`);
    await fetch(`${server.url}/invite/${token}?x=1`, { method: 'POST', body: 'intent=accept' });
    const lines = await requestLines(2);
    expect(lines.map((l) => l.path)).toEqual(['/invite/:token', '/invite/:token']);
    expect(JSON.stringify(server.logs)).not.toContain(token);
  });

  it('keeps other paths as they are', async () => {
    await fetch(`${server.url}/login`);
    expect((await requestLines(3)).at(-1)?.path).toBe('/login');
  });
});
