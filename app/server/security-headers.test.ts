import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { serve, type TestServer } from './testing/serve.ts';

const PRODUCTION = {
  NODE_ENV: 'production',
  APP_URL: 'https://brobygger.example',
  SMTP_URL: 'smtp://127.0.0.1:2525',
  SEED_DEMO: 'false',
  SESSION_SECRET: 'a-production-secret-of-at-least-32-characters',
};

let dev: TestServer;
let prod: TestServer;
beforeAll(async () => {
  dev = await serve();
  prod = await serve(PRODUCTION);
});
afterAll(async () => {
  await dev.close();
  await prod.close();
});

const directives = (csp: string | null) =>
  new Map(
    (csp ?? '')
      .split(';')
      .map((d) => d.trim().split(/\s+/) as [string, ...string[]])
      .map(([k, ...v]) => [k, v]),
  );

describe('Content-Security-Policy', () => {
  it('forbids framing, plugins and <base>, and allows scripts only from here with this response’s nonce', async () => {
    const [a, b] = [await fetch(`${prod.url}/login`), await fetch(`${prod.url}/login`)];
    const csp = directives(a.headers.get('content-security-policy'));
    expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
    expect(csp.get('object-src')).toEqual(["'none'"]);
    expect(csp.get('base-uri')).toEqual(["'none'"]);
    expect(csp.get('form-action')).toEqual(["'self'"]);
    const scripts = csp.get('script-src')!;
    expect(scripts).toContain("'self'");
    expect(scripts).not.toContain("'unsafe-inline'");
    const nonce = scripts.find((s) => s.startsWith("'nonce-"));
    expect(nonce).toMatch(/^'nonce-[A-Za-z0-9+/=_-]{16,}'$/);
    // A fresh nonce for every response, or it protects nothing.
    expect(directives(b.headers.get('content-security-policy')).get('script-src')).not.toContain(nonce);
  });

  it('lets an API answer load and run nothing, with no nonce', async () => {
    const [a, b] = [await fetch(`${prod.url}/api/trpc/nothing.here`), await fetch(`${dev.url}/api/trpc/nothing.here`)];
    for (const answer of [a, b]) {
      const csp = directives(answer.headers.get('content-security-policy'));
      expect(csp.get('default-src')).toEqual(["'none'"]);
      expect(csp.get('frame-ancestors')).toEqual(["'none'"]);
      expect(csp.has('script-src')).toBe(false);
    }
  });

  it('is sent in development too', async () => {
    expect(
      directives((await fetch(`${dev.url}/`)).headers.get('content-security-policy')).get('frame-ancestors'),
    ).toEqual(["'none'"]);
  });
});

describe('production', () => {
  it('asks browsers to use HTTPS only (HSTS)', async () => {
    expect((await fetch(`${prod.url}/`)).headers.get('strict-transport-security')).toMatch(/max-age=\d{8}/);
    expect((await fetch(`${dev.url}/`)).headers.get('strict-transport-security')).toBeNull();
  });

  it('pages under /w/ and API answers, which show personal data, are never stored', async () => {
    expect((await fetch(`${prod.url}/w/frederiksberg/participants`)).headers.get('cache-control')).toBe('no-store');
    expect((await fetch(`${prod.url}/api/trpc/nothing.here`)).headers.get('cache-control')).toBe('no-store');
  });
});

describe('cross-site POSTs', () => {
  const post = (server: TestServer, path: string, headers: Record<string, string>) =>
    fetch(`${server.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded', ...headers },
      body: 'email=mette%40demo.brobygger.dk&password=x',
      redirect: 'manual',
    });

  it('refuses a form posted from another site (login CSRF) with 403 and a translated page', async () => {
    const res = await post(prod, '/login', { origin: 'https://evil.example', 'accept-language': 'en' });
    expect(res.status).toBe(403);
    expect(await res.text()).toContain('This form was sent from another website');
    expect((await post(prod, '/login', { origin: 'null' })).status).toBe(403);
    expect((await post(prod, '/login', { origin: 'http://brobygger.example' })).status).toBe(403);
  });

  it('refuses one without Origin that the browser marks as cross-site', async () => {
    expect((await post(prod, '/login', { 'sec-fetch-site': 'cross-site' })).status).toBe(403);
  });

  it('refuses cross-site calls to the API as well', async () => {
    const res = await fetch(`${prod.url}/api/trpc/members.invite`, {
      method: 'POST',
      headers: { origin: 'https://evil.example', 'content-type': 'application/json' },
      body: '{}',
    });
    expect(res.status).toBe(403);
  });

  it('accepts the app’s own forms', async () => {
    // Behind the production proxy, which passes on the public host name.
    const own = {
      origin: 'https://brobygger.example',
      'sec-fetch-site': 'same-origin',
      'x-forwarded-host': 'brobygger.example',
    };
    expect((await post(prod, '/login', own)).status).toBe(200);
    expect(
      (await post(dev, '/login', { origin: dev.env.APP_URL, 'x-forwarded-host': new URL(dev.env.APP_URL).host }))
        .status,
    ).toBe(200);
  });
});
