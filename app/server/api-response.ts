import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import type express from 'express';

const gzipAsync = promisify(gzip);

/** Whether a request is for the tRPC API (JSON answers sent by `sendApiBody`), not a page or an asset. */
export const isApiPath = (path: string) => path.startsWith('/api/trpc/');

/** Below this an API answer goes as it is: the gzip header and the CPU cost more than they save. */
const GZIP_MIN_BYTES = 1024;
/**
 * API answers are JSON of a few to a few hundred kB (a 200-row roster is ~110 kB). Level 1 keeps
 * ~85 % of level 6's saving for a third of its CPU, and CPU is what the server runs out of
 * under load (docs/decisions/035-fewer-round-trips.md).
 */
const GZIP_LEVEL = 1;
/**
 * Up to this size an answer is gzipped on the event loop (~0.4 ms for a 120 kB roster at level
 * 1). Handing it to libuv's thread pool instead cost ~0.2 ms more CPU per answer than the
 * compressing itself, in the stream and the hand-over between threads, on a server whose CPUs
 * are all busy anyway (docs/decisions/038). Larger answers (a whole 10,000-row roster) go to the
 * pool, so that one answer does not hold up the others for milliseconds.
 */
const GZIP_IN_LINE_MAX_BYTES = 256 * 1024;

/**
 * Sends a tRPC answer whose body is already complete, in one write: gzipped in one go when the
 * client accepts it (the compression middleware is not in this path, see app.ts), with its
 * length, and without an ETag (express's would hash every answer; none is ever revalidated).
 */
export async function sendApiBody(req: express.Request, res: express.Response, body: Buffer): Promise<void> {
  res.vary('Accept-Encoding');
  if (body.length >= GZIP_MIN_BYTES && req.acceptsEncodings('gzip', 'identity') === 'gzip') {
    const zipped =
      body.length <= GZIP_IN_LINE_MAX_BYTES
        ? gzipSync(body, { level: GZIP_LEVEL })
        : await gzipAsync(body, { level: GZIP_LEVEL });
    res.setHeader('Content-Encoding', 'gzip');
    res.setHeader('Content-Length', zipped.length);
    res.end(zipped);
    return;
  }
  res.setHeader('Content-Length', body.length);
  res.end(body);
}
