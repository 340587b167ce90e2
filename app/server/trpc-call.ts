import {
  callTRPCProcedure,
  getTRPCErrorFromUnknown,
  getTRPCErrorShape,
  transformTRPCResponse,
  TRPCError,
  type AnyTRPCRouter,
} from '@trpc/server';
import { getHTTPStatusCode } from '@trpc/server/http';

/**
 * The browser's tRPC client sends one call per request (httpLink, no batching): a query as
 * `GET /api/trpc/<path>?input=<json>`, a mutation as `POST /api/trpc/<path>` with a JSON body.
 * For these, this module answers as tRPC's fetch adapter would, byte for byte, without building
 * the fetch `Request` and `Response` the adapter works on: their headers, body streams and abort
 * signals were ~25 % of the server's CPU for a one-row save and ~10 % for a roster list under
 * load (docs/decisions/039-lighter-api-answers.md). Anything else (a batch, a
 * stream, a wrong method, an unknown path, input that does not parse, another content type)
 * goes to tRPC's own adapter, which answers it as it always has. `trpc-call.test.ts` holds the
 * two to the same answers.
 */

/** What `plainCallOf` needs of a request: its method, its URL (path and query), three headers and the body. */
export type CallRequest = {
  method: string;
  /** The path and query string, as in the request line. */
  url: string;
  accept: string | undefined;
  /** tRPC's own `trpc-accept`, which its streaming link sends. */
  trpcAccept: string | undefined;
  contentType: string | undefined;
  body: Buffer | undefined;
};

export type PlainCall = { path: string; type: 'query' | 'mutation'; input: unknown };

export type CallAnswer = { status: number; headers: [string, string][]; body: string };

const METHOD_OF = { query: 'GET', mutation: 'POST' } as const;
/** A procedure path as the client writes it: nothing to decode. */
const PLAIN_PATH = /^[A-Za-z0-9_.]+$/;

/**
 * The call this request makes, when it is a plain one (see above); undefined when tRPC's own
 * adapter is to answer it. `endpoint` is where the router is mounted, e.g. `/api/trpc/`.
 */
export function plainCallOf(router: AnyTRPCRouter, endpoint: string, request: CallRequest): PlainCall | undefined {
  if (!request.url.startsWith(endpoint)) return undefined;
  const queryAt = request.url.indexOf('?');
  const path = request.url.slice(endpoint.length, queryAt < 0 ? undefined : queryAt);
  if (!PLAIN_PATH.test(path)) return undefined;
  const procedures = router._def.procedures as Record<string, { _def: { type: string } }>;
  // Own keys only: `constructor` is a plain path too, and no procedure.
  const type = Object.hasOwn(procedures, path) ? procedures[path]?._def.type : undefined;
  if ((type !== 'query' && type !== 'mutation') || METHOD_OF[type] !== request.method) return undefined;
  // A streamed answer (httpBatchStreamLink) is the adapter's to refuse or give; it reads
  // `trpc-accept` first, then looks for application/jsonl among the accepted types.
  if (
    request.trpcAccept !== undefined ||
    request.accept?.split(',').some((accepted) => accepted.trim() === 'application/jsonl')
  )
    return undefined;
  const query = new URLSearchParams(queryAt < 0 ? '' : request.url.slice(queryAt + 1));
  if (query.has('batch')) return undefined;
  let text: string | null | undefined;
  if (type === 'query') {
    text = query.get('input');
  } else {
    if (mediaTypeOf(request.contentType) !== 'application/json') return undefined;
    text = request.body?.toString('utf8');
  }
  let raw: unknown;
  try {
    raw = text ? JSON.parse(text) : undefined;
  } catch {
    return undefined; // the adapter words the error
  }
  return { path, type, input: raw === undefined ? undefined : router._def._config.transformer.input.deserialize(raw) };
}

/** `application/json; charset=utf-8` → `application/json`, as tRPC compares media types. */
const mediaTypeOf = (contentType: string | undefined) => contentType?.toLowerCase().split(';', 1)[0]?.trim();

/**
 * Runs the call and words its answer as tRPC's fetch adapter does: `{ result: { data } }`, or
 * `{ error }` shaped by the router's error formatter with the status that tRPC gives it.
 */
export async function answerPlainCall<TContext>(
  router: AnyTRPCRouter,
  call: PlainCall,
  createContext: () => Promise<TContext>,
): Promise<CallAnswer> {
  const config = router._def._config;
  let ctx: TContext | undefined;
  let inputRead = false;
  const failed = (cause: unknown, path: string | undefined, input: unknown) => {
    const error = getTRPCErrorFromUnknown(cause);
    return answer(config, { error: getTRPCErrorShape({ config, ctx, error, input, path, type: call.type }) }, error);
  };
  let data: unknown;
  try {
    ctx = await createContext();
    data = await callTRPCProcedure({
      router,
      path: call.path,
      getRawInput: async () => {
        inputRead = true;
        return call.input;
      },
      ctx,
      type: call.type,
      signal: undefined,
      batchIndex: 0,
    });
  } catch (cause) {
    // As the adapter does: the input only once the procedure has read it.
    return failed(cause, call.path, inputRead ? call.input : undefined);
  }
  if (isDataStream(data)) {
    // The adapter refuses it after the call, naming neither path nor input.
    const refusal = new TRPCError({
      code: 'UNSUPPORTED_MEDIA_TYPE',
      message: 'Cannot use stream-like response in non-streaming request - use httpBatchStreamLink',
    });
    return failed(refusal, undefined, undefined);
  }
  return answer(config, { result: { data } });
}

function answer(
  config: AnyTRPCRouter['_def']['_config'],
  json: { result: { data: unknown } } | { error: ReturnType<typeof getTRPCErrorShape> },
  error?: TRPCError,
): CallAnswer {
  return {
    status: getHTTPStatusCode(json, error ? [error] : []),
    headers: [
      ['vary', 'trpc-accept, accept'],
      ['content-type', 'application/json'],
    ],
    body: JSON.stringify(transformTRPCResponse(config, json)),
  };
}

const isObject = (value: unknown): value is Record<string, unknown> =>
  !!value && !Array.isArray(value) && typeof value === 'object';
const isPromise = (value: unknown) =>
  (isObject(value) || typeof value === 'function') &&
  typeof (value as { then?: unknown }).then === 'function' &&
  typeof (value as { catch?: unknown }).catch === 'function';
const isAsyncIterable = (value: unknown) => isObject(value) && Symbol.asyncIterator in value;

/** A value only a streaming link can carry (tRPC's own check): the adapter refuses it, so do we. */
function isDataStream(value: unknown): boolean {
  if (!isObject(value)) return false;
  if (isAsyncIterable(value)) return true;
  const values = Object.values(value);
  return values.some(isPromise) || values.some(isAsyncIterable);
}
