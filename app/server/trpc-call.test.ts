import { initTRPC, TRPCError, type AnyTRPCRouter } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { describe, expect, it } from 'vitest';
import { z, ZodError } from 'zod';
import { appRouter, type Context } from '@brobygger/api';
import type { Mailer } from '@brobygger/mail';
import { answerPlainCall, plainCallOf, type CallAnswer } from './trpc-call.ts';

/**
 * trpc-call.ts answers the browser's plain calls without tRPC's fetch adapter. Each request here
 * goes both ways, and the answers must be the same to the byte: status, headers, body. The
 * requests that are not plain calls must be left to the adapter.
 */

const ENDPOINT = '/api/trpc/';

type TestContext = { user: string | null };
const t = initTRPC.context<TestContext>().create({
  // Without stack traces, which differ between the two ways by where they were called from.
  isDev: false,
  // Shaped like the app's (packages/api/src/trpc.ts): the formatter's output is what travels.
  errorFormatter: ({ shape, error }) => ({
    ...shape,
    data: {
      ...shape.data,
      fieldErrors: error.cause instanceof ZodError ? z.flattenError(error.cause).fieldErrors : undefined,
    },
  }),
});
const signedIn = t.procedure.use(({ ctx, next }) => {
  if (!ctx.user) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'errors:not_signed_in' });
  return next({ ctx: { user: ctx.user } });
});
const testRouter = t.router({
  hello: t.procedure.query(() => ({ greeting: 'hej', at: new Date(Date.UTC(2026, 10, 27)) })),
  echo: signedIn
    .input(z.object({ tenant: z.string().min(2), rows: z.array(z.object({ name: z.string() })).optional() }))
    .query(({ input, ctx }) => ({ ...input, by: ctx.user })),
  save: signedIn
    .input(z.object({ tenant: z.string(), note: z.string().max(5) }))
    .mutation(({ input }) => ({ ok: true, saved: [input.note, 'æøå'] })),
  forbidden: signedIn.input(z.object({ tenant: z.string() })).query(() => {
    throw new TRPCError({ code: 'FORBIDDEN', message: 'errors:forbidden' });
  }),
  broken: t.procedure.mutation(() => {
    throw new Error('a bug, not for the client');
  }),
  streamLike: t.procedure.query(() => ({ later: Promise.resolve(1) })),
  nothing: t.procedure.mutation(() => undefined),
  nested: t.router({ deeper: t.procedure.query(() => 'nested') }),
});

type Sent = { method: string; url: string; headers?: Record<string, string>; body?: string };

const signedInAs = (user: string | null) => async () => ({ user });

/** The request answered by tRPC's adapter and by trpc-call.ts (when it takes it). */
async function bothWays<TContext>(
  router: AnyTRPCRouter,
  sent: Sent,
  createContext: () => Promise<TContext>,
): Promise<{ plain: boolean; adapter: CallAnswer; ours: CallAnswer | undefined }> {
  const headers = sent.headers ?? {};
  const body = sent.body === undefined ? undefined : Buffer.from(sent.body);
  const call = plainCallOf(router, ENDPOINT, {
    method: sent.method,
    url: sent.url,
    accept: headers.accept,
    trpcAccept: headers['trpc-accept'],
    contentType: headers['content-type'],
    body,
  });
  const response = await fetchRequestHandler({
    endpoint: ENDPOINT,
    req: new Request(`http://localhost${sent.url}`, { method: sent.method, headers, body }),
    router,
    allowBatching: false,
    createContext,
  });
  const adapter = { status: response.status, headers: [...response.headers], body: await response.text() };
  const ours = call ? await answerPlainCall(router, call, createContext) : undefined;
  return { plain: call !== undefined, adapter, ours };
}

const sorted = (answer: CallAnswer) => ({ ...answer, headers: [...answer.headers].sort() });

const get = (path: string, input?: unknown): Sent => ({
  method: 'GET',
  url: `${ENDPOINT}${path}${input === undefined ? '' : `?input=${encodeURIComponent(JSON.stringify(input))}`}`,
});
const post = (path: string, input: unknown, contentType = 'application/json'): Sent => ({
  method: 'POST',
  url: `${ENDPOINT}${path}`,
  headers: { 'content-type': contentType },
  body: input === undefined ? '' : JSON.stringify(input),
});

describe('a plain call answered without the fetch adapter', () => {
  const plainCases: [string, Sent, () => Promise<TestContext>, number][] = [
    ['a query without input', get('hello'), signedInAs(null), 200],
    ['a query with input', get('echo', { tenant: 'frederiksberg', rows: [{ name: 'Åse' }] }), signedInAs('u1'), 200],
    ['a query in a nested router', get('nested.deeper'), signedInAs(null), 200],
    ['a mutation', post('save', { tenant: 'x', note: 'hej' }), signedInAs('u1'), 200],
    [
      'a mutation sent with a charset',
      post('save', { tenant: 'x', note: 'hej' }, 'Application/JSON; charset=utf-8'),
      signedInAs('u1'),
      200,
    ],
    ['a mutation that returns nothing', post('nothing', undefined), signedInAs(null), 200],
    ['input the procedure refuses', get('echo', { tenant: 'x', rows: [{ name: 3 }] }), signedInAs('u1'), 400],
    ['a mutation whose input is refused', post('save', { tenant: 'x', note: 'too long' }), signedInAs('u1'), 400],
    ['a caller who is not signed in', get('echo', { tenant: 'frederiksberg' }), signedInAs(null), 401],
    ['an error the procedure throws', get('forbidden', { tenant: 'x' }), signedInAs('u1'), 403],
    ['a bug', post('broken', undefined), signedInAs(null), 500],
    ['an answer only a stream can carry', get('streamLike'), signedInAs(null), 415],
    [
      'a context that cannot be created',
      get('hello'),
      () => Promise.reject(new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'errors:unavailable' })),
      503,
    ],
  ];

  it.each(plainCases)('%s: the same answer as the adapter', async (_name, sent, context, status) => {
    const { plain, adapter, ours } = await bothWays(testRouter, sent, context);
    expect(plain).toBe(true);
    expect(adapter.status).toBe(status);
    expect(sorted(ours!)).toEqual(sorted(adapter));
  });

  /** The app's own router and error formatter, with a context whose database is out of reach. */
  const appContext = async (): Promise<Context> => {
    const unreachable = () => Promise.reject(new Error('no database in this test'));
    return {
      session: null,
      db: { tx: unreachable, open: unreachable },
      mailer: {} as Mailer,
      appUrl: 'https://brobygger.test',
      locale: 'da',
      log: () => {},
    };
  };

  it.each([
    ['not signed in', get('volunteers.list', { tenant: 'frederiksberg' }), 401],
    ['input refused, with its field errors', get('invitations.preview', { token: 5 }), 400],
    ['a failure it cannot name', get('invitations.preview', { token: 'unknown-token-of-twenty' }), 500],
  ] as const)('the app router, %s: the same answer as the adapter', async (_name, sent, status) => {
    const { plain, adapter, ours } = await bothWays(appRouter, sent, appContext);
    expect(plain).toBe(true);
    expect(adapter.status).toBe(status);
    expect(sorted(ours!)).toEqual(sorted(adapter));
    // The translated message, never the internals.
    expect(JSON.parse(ours!.body).error.message).toMatch(/^errors:/);
  });
});

describe('what is left to the adapter', () => {
  const adapterCases: [string, Sent, number][] = [
    ['a batch', { method: 'GET', url: `${ENDPOINT}hello,hello?batch=1` }, 400],
    ['a batch of one', { method: 'GET', url: `${ENDPOINT}hello?batch=1` }, 400],
    ['a query sent as a mutation', post('hello', {}), 405],
    ['a mutation sent as a query', get('save', { tenant: 'x', note: 'a' }), 405],
    ['an unknown procedure', get('nope'), 404],
    ['a router, not a procedure', get('nested'), 404],
    ['a name every object has', get('constructor'), 404],
    ['input that is not JSON', { method: 'GET', url: `${ENDPOINT}echo?input=%7Bnot-json` }, 400],
    ['a body that is not JSON', { ...post('save', {}), body: '{"tenant":' }, 400],
    ['a body of another type', post('save', { tenant: 'x', note: 'a' }, 'text/plain'), 415],
    ['a body of no declared type', { method: 'POST', url: `${ENDPOINT}save`, body: '{}' }, 415],
    ['an encoded path', get('nested%2Edeeper'), 200],
    [
      'a streamed answer asked for',
      { ...get('hello'), headers: { accept: 'application/json, application/jsonl' } },
      400,
    ],
    ['a streamed answer asked for by tRPC', { ...get('hello'), headers: { 'trpc-accept': 'application/jsonl' } }, 400],
    ['HEAD', { method: 'HEAD', url: `${ENDPOINT}hello` }, 204],
  ];

  it.each(adapterCases)('%s', async (_name, sent, status) => {
    const { plain, adapter } = await bothWays(testRouter, sent, signedInAs('u1'));
    expect(plain).toBe(false);
    expect(adapter.status).toBe(status);
  });
});
