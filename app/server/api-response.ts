import { promisify } from 'node:util';
import {
  brotliCompress,
  brotliCompressSync,
  constants,
  gzip,
  gzipSync,
  type BrotliOptions,
  type ZlibOptions,
} from 'node:zlib';
import type express from 'express';

/** Where the tRPC router is mounted. */
export const API_ENDPOINT = '/api/trpc/';

/** Whether a request is for the tRPC API (JSON answers sent by `sendApiBody`), not a page or an asset. */
export const isApiPath = (path: string) => path.startsWith(API_ENDPOINT);

/** Below this an API answer goes as it is: the coding's header and CPU cost more than they save. */
const COMPRESS_MIN_BYTES = 1024;
/**
 * Up to this size an answer is compressed on the event loop (~0.2 ms for a 110 kB roster in
 * Brotli). Handing it to libuv's thread pool instead cost ~0.2 ms more CPU per answer than the
 * compressing itself, in the stream and the hand-over between threads, on a server whose CPUs
 * are all busy anyway (docs/decisions/038). Larger answers (a whole 10,000-row roster) go to the
 * pool, so that one answer does not hold up the others for milliseconds.
 */
const IN_LINE_MAX_BYTES = 256 * 1024;

type Coding = {
  name: 'br' | 'gzip';
  inLine: (body: Buffer) => Buffer;
  pooled: (body: Buffer) => Promise<Buffer>;
};

/**
 * API answers are JSON of a few to a few hundred kB (a 200-row roster is ~110 kB), and CPU is
 * what the server runs out of under load. Brotli at quality 1 packs a roster ~15 % smaller than
 * gzip at level 1 in half its CPU (0.19 against 0.43 ms), and unpacks faster in the browser
 * (docs/decisions/039-lighter-api-answers.md). Every browser sends `br` over HTTPS.
 */
const brotliOptions = (body: Buffer): BrotliOptions => ({
  params: { [constants.BROTLI_PARAM_QUALITY]: 1, [constants.BROTLI_PARAM_SIZE_HINT]: body.length },
});
const brotliAsync = promisify(brotliCompress);
const BROTLI: Coding = {
  name: 'br',
  inLine: (body) => brotliCompressSync(body, brotliOptions(body)),
  pooled: (body) => brotliAsync(body, brotliOptions(body)),
};

/**
 * For a client without Brotli: level 1 keeps ~85 % of level 6's saving for a third of its CPU;
 * memLevel 9 (zlib's largest hash table) takes another ~15 % off the CPU for the same bytes.
 */
const GZIP_OPTIONS: ZlibOptions = { level: 1, memLevel: 9 };
const gzipAsync = promisify(gzip);
const GZIP: Coding = {
  name: 'gzip',
  inLine: (body) => gzipSync(body, GZIP_OPTIONS),
  pooled: (body) => gzipAsync(body, GZIP_OPTIONS),
};

/**
 * Brotli whenever the client takes it, whatever order it lists its codings in: browsers list
 * `gzip` first (`gzip, deflate, br, zstd`) without preferring it.
 */
function codingFor(req: express.Request): Coding | undefined {
  if (req.acceptsEncodings('br') === 'br') return BROTLI;
  if (req.acceptsEncodings('gzip', 'identity') === 'gzip') return GZIP;
  return undefined;
}

/**
 * Sends a tRPC answer whose body is already complete, in one write: compressed in one go when
 * the client accepts it (the compression middleware is not in this path, see app.ts), with its
 * length, and without an ETag (express's would hash every answer; none is ever revalidated).
 */
export async function sendApiBody(req: express.Request, res: express.Response, body: Buffer): Promise<void> {
  res.vary('Accept-Encoding');
  const coding = body.length >= COMPRESS_MIN_BYTES ? codingFor(req) : undefined;
  if (coding) {
    const packed = body.length <= IN_LINE_MAX_BYTES ? coding.inLine(body) : await coding.pooled(body);
    res.setHeader('Content-Encoding', coding.name);
    res.setHeader('Content-Length', packed.length);
    res.end(packed);
    return;
  }
  res.setHeader('Content-Length', body.length);
  res.end(body);
}
