import { request as httpRequest } from 'node:http';
import { brotliDecompressSync, gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTenant, privileged, type TestTenant } from '@brobygger/db/testing';
import { serve, signInThrough, type TestServer } from './testing/serve.ts';

/**
 * How /api/trpc answers go out (api-response.ts): a roster's JSON compressed in one go for a
 * client that accepts it (Brotli for a browser, gzip for a client that takes only gzip), with its
 * length and without an ETag; as it is for one that accepts neither; and the same rows every way.
 */

let server: TestServer;
let tenant: TestTenant;
let cookie: string;
let coordinator: Awaited<ReturnType<typeof signInThrough>>;

beforeAll(async () => {
  server = await serve();
  tenant = await createTenant('municipality', 'Komprimeret Kommune');
  coordinator = await signInThrough(server, 'coordinator');
  cookie = coordinator.cookie;
  await addMember(tenant, coordinator, 'coordinator');
  await privileged((tx) =>
    tx.query(
      "insert into public.volunteers (tenant_id, name) select $1, 'Frivillig ' || i from generate_series(1, 60) i",
      [tenant.id],
    ),
  );
});
afterAll(() => server.close());

/** The raw answer, bytes as sent: fetch would unzip it and hide the headers' meaning. */
function rawGet(path: string, headers: Record<string, string>) {
  return new Promise<{ status: number; headers: Record<string, string | string[] | undefined>; body: Buffer }>(
    (resolve, reject) => {
      const req = httpRequest(`${server.url}${path}`, { headers }, (res) => {
        const chunks: Buffer[] = [];
        res.on('data', (c: Buffer) => chunks.push(c));
        res.on('end', () =>
          resolve({ status: res.statusCode ?? 0, headers: res.headers, body: Buffer.concat(chunks) }),
        );
      });
      req.on('error', reject);
      req.end();
    },
  );
}

const listPath = () => `/api/trpc/volunteers.list?input=${encodeURIComponent(JSON.stringify({ tenant: tenant.slug }))}`;

describe('an /api/trpc answer', () => {
  it('is compressed as the client accepts it, with its length and no ETag, and holds the rows', async () => {
    // As Chromium asks: gzip listed first, Brotli taken all the same.
    const browser = await rawGet(listPath(), { cookie, 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(browser.status).toBe(200);
    expect(browser.headers['content-encoding']).toBe('br');
    expect(Number(browser.headers['content-length'])).toBe(browser.body.length);
    expect(browser.headers.etag).toBeUndefined();
    expect(String(browser.headers.vary)).toMatch(/accept-encoding/i);

    const zipped = await rawGet(listPath(), { cookie, 'accept-encoding': 'gzip' });
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);

    // Refused Brotli by its weight: gzip.
    const noBrotli = await rawGet(listPath(), { cookie, 'accept-encoding': 'gzip, br;q=0' });
    expect(noBrotli.headers['content-encoding']).toBe('gzip');

    const plain = await rawGet(listPath(), { cookie, 'accept-encoding': 'identity' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(Number(plain.headers['content-length'])).toBe(plain.body.length);
    expect(zipped.body.length).toBeLessThan(plain.body.length / 4);
    expect(browser.body.length).toBeLessThan(zipped.body.length);

    const rows = (body: Buffer) =>
      (JSON.parse(body.toString('utf8')) as { result: { data: { rows: { name: string }[] } } }).result.data.rows;
    expect(brotliDecompressSync(browser.body).equals(plain.body)).toBe(true);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(gunzipSync(noBrotli.body).equals(plain.body)).toBe(true);
    // Passed through as Postgres wrote them (json-text.ts), in the roster's order.
    const stored = await privileged((tx) =>
      tx.query<{ name: string }>(
        'select name from public.volunteers where tenant_id = $1 order by name collate "da-DK-x-icu", id',
        [tenant.id],
      ),
    );
    expect(rows(plain.body).map((r) => r.name)).toEqual(stored.map((r) => r.name));
    expect(stored).toHaveLength(60);
  });

  it('is compressed whole when it is larger than what is compressed on the event loop, both ways', async () => {
    const large = await createTenant('municipality', 'Stor Kommune');
    await addMember(large, coordinator, 'coordinator');
    await privileged((tx) =>
      tx.query(
        "insert into public.volunteers (tenant_id, name, note) select $1, 'Frivillig ' || i, repeat('note ' || i, 40) from generate_series(1, 1500) i",
        [large.id],
      ),
    );
    const path = `/api/trpc/volunteers.list?input=${encodeURIComponent(JSON.stringify({ tenant: large.slug }))}`;
    const zipped = await rawGet(path, { cookie, 'accept-encoding': 'gzip' });
    const browser = await rawGet(path, { cookie, 'accept-encoding': 'gzip, deflate, br, zstd' });
    const plain = await rawGet(path, { cookie, 'accept-encoding': 'identity' });
    expect(plain.body.length).toBeGreaterThan(1024 * 1024);
    expect(zipped.headers['content-encoding']).toBe('gzip');
    expect(Number(zipped.headers['content-length'])).toBe(zipped.body.length);
    expect(gunzipSync(zipped.body).equals(plain.body)).toBe(true);
    expect(browser.headers['content-encoding']).toBe('br');
    expect(Number(browser.headers['content-length'])).toBe(browser.body.length);
    expect(brotliDecompressSync(browser.body).equals(plain.body)).toBe(true);
  });

  it('goes as it is when small, even to a client that accepts compression', async () => {
    const small = await rawGet(
      `/api/trpc/volunteers.list?input=${encodeURIComponent(JSON.stringify({ tenant: 'no-such-workspace' }))}`,
      {
        cookie,
        'accept-encoding': 'gzip, deflate, br, zstd',
      },
    );
    expect(small.status).toBe(404);
    expect(small.headers['content-encoding']).toBeUndefined();
    expect(JSON.parse(small.body.toString('utf8'))).toHaveProperty('error');
  });
});
