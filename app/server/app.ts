import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import compression from 'compression';
import express from 'express';
import { appRouter, JsonTextSplicer, toTRPCError, type Context } from '@brobygger/api';
import { CLIENT_ADDRESS_HEADER } from '@brobygger/auth';
import { getPools } from '@brobygger/db';
import type { Env } from '@brobygger/env';
import { API_ENDPOINT, isApiPath, sendApiBody } from './api-response.ts';
import { formBodyLimit } from './body-limit.ts';
import { sameOriginOnly, securityHeaders } from './security-headers.ts';
import type { Logger } from './logger.ts';
import type { Services } from './services.ts';
import { answerPlainCall, plainCallOf, type CallAnswer } from './trpc-call.ts';

export type AppOptions = {
  env: Env;
  logger: Logger;
  services: Services;
  /** The Remix server build (the production bundle, or Vite's in development). */
  build: () => Promise<ServerBuild>;
  /** Serves the built browser assets from here (production); Vite's middleware otherwise. */
  staticDir?: string;
  /** Middleware that must run before Remix (Vite's dev server). */
  before?: express.RequestHandler[];
};

/**
 * The HTTP application: security headers, request log, health checks, /api/trpc and the Remix
 * routes. Built here, apart from start-up, so tests can serve it on a free port.
 */
export function createApp({ env, logger, services, build, staticDir, before = [] }: AppOptions): express.Express {
  const production = env.NODE_ENV === 'production';
  const app = express();
  app.disable('x-powered-by');
  // Behind N reverse proxies, the client is the Nth address from the right in X-Forwarded-For;
  // with 0 the socket's address is the client and the header is ignored.
  app.set('trust proxy', env.TRUSTED_PROXY_HOPS);
  // Pages and assets stream through the compression middleware; API answers are complete
  // before they leave and are compressed in one go by sendApiBody, so they skip its wrapping.
  const compress = compression();
  app.use((req, res, next) => (isApiPath(req.path) ? next() : compress(req, res, next)));
  app.use(securityHeaders(env));
  app.use(sameOriginOnly(env, services));

  app.use((req, res, next) => {
    const requestId = (req.get('x-request-id') ?? '').slice(0, 100) || randomUUID();
    res.locals.requestId = requestId;
    res.set('X-Request-Id', requestId);
    // The client address header is ours to set: never trust one the client sent.
    req.headers[CLIENT_ADDRESS_HEADER] = req.ip ?? req.socket.remoteAddress ?? 'unknown';
    const started = performance.now();
    res.on('finish', () => {
      if (req.path.startsWith('/assets/')) return;
      logger.info(
        {
          requestId,
          method: req.method,
          path: loggedPath(req.path),
          status: res.statusCode,
          ms: Math.round(performance.now() - started),
        },
        'request',
      );
    });
    next();
  });

  app.get('/healthz', (_req, res) => {
    res.json({ status: 'ok' });
  });
  app.get('/readyz', async (_req, res) => {
    try {
      await getPools().request.query('select 1');
      res.json({ status: 'ready' });
    } catch {
      res.status(503).json({ status: 'unavailable', reason: 'database' });
    }
  });

  // Stripe's events: the signature is checked on the exact bytes sent, so the body stays raw.
  app.post('/webhooks/stripe', express.raw({ type: '*/*', limit: '1mb' }), async (req, res) => {
    if (!services.billing) {
      res.status(404).json({ error: 'billing_off' });
      return;
    }
    try {
      const body = Buffer.isBuffer(req.body) ? req.body : Buffer.alloc(0);
      const outcome = await services.billing.handleWebhook(body, req.get('stripe-signature'));
      res.status(outcome.status).json({ received: outcome.result });
    } catch (error) {
      // Nothing was recorded (the transaction rolled back): a 500 makes Stripe deliver it again.
      logger.error({ err: error, requestId: res.locals.requestId }, 'stripe webhook failed');
      res.status(500).json({ error: 'unexpected' });
    }
  });

  app.all(`${API_ENDPOINT}*`, express.raw({ type: '*/*', limit: '20mb' }), async (req, res) => {
    const body = Buffer.isBuffer(req.body) ? req.body : undefined;
    const call = plainCallOf(appRouter, API_ENDPOINT, {
      method: req.method,
      url: req.originalUrl,
      accept: req.get('accept'),
      trpcAccept: req.get('trpc-accept'),
      contentType: req.get('content-type'),
      body,
    });
    // A plain call's context reads the caller's headers (session cookie, language), never the body.
    const request = toFetchRequest(req, call ? undefined : body);
    // Roster rows pass through as the JSON text Postgres writes (decision 036).
    const jsonText = new JsonTextSplicer();
    const createContext = async (): Promise<Context> => {
      // A session that cannot be checked (database down) answers SERVICE_UNAVAILABLE, not 500.
      const { ctx, headers } = await services
        .contextFor(request, res.locals.requestId as string)
        .catch((error: unknown) => Promise.reject(toTRPCError(error)));
      headers.forEach((value, key) => res.append(key, value));
      return { ...ctx, jsonText };
    };
    const answer = call
      ? await answerPlainCall(appRouter, call, createContext)
      : await answerThroughAdapter(request, createContext);
    res.status(answer.status);
    for (const [key, value] of answer.headers) res.append(key, value);
    await sendApiBody(req, res, Buffer.from(jsonText.splice(answer.body)));
  });

  if (staticDir) {
    app.use('/assets', express.static(path.join(staticDir, 'assets'), { immutable: true, maxAge: '1y' }));
    app.use(express.static(staticDir, { maxAge: '1h' }));
  }
  for (const handler of before) app.use(handler);
  app.use(formBodyLimit(services));

  app.all(
    '*',
    createRequestHandler({
      build,
      mode: production ? 'production' : 'development',
      getLoadContext: (_req, res) => ({
        services,
        requestId: res.locals.requestId as string,
        cspNonce: res.locals.cspNonce as string,
      }),
    }),
  );
  return app;
}

/**
 * The path as the request log shows it: an invitation link's token is as good as the invitation,
 * so it never reaches the log. (Sign-in link tokens travel in the query string, which is not logged.)
 */
export function loggedPath(path: string): string {
  return path.replace(/^\/invite\/[^/]+/, '/invite/:token');
}

/** The request as tRPC's fetch adapter takes it; `body` left out for the context's copy. */
function toFetchRequest(req: express.Request, body: Buffer | undefined): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(key, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(key, v);
  }
  const hasBody = body !== undefined && req.method !== 'GET' && req.method !== 'HEAD';
  return new Request(new URL(req.originalUrl, `http://${req.headers.host ?? 'localhost'}`), {
    method: req.method,
    headers,
    body: hasBody ? new Uint8Array(body) : undefined,
  });
}

/**
 * What is not a plain call (trpc-call.ts) is answered by tRPC's fetch adapter: batches (refused:
 * one request must not run any number of procedures, each a database transaction), wrong
 * methods, unknown paths, input that does not parse.
 */
async function answerThroughAdapter(request: Request, createContext: () => Promise<Context>): Promise<CallAnswer> {
  const response = await fetchRequestHandler({
    endpoint: API_ENDPOINT,
    req: request,
    router: appRouter,
    allowBatching: false,
    createContext,
  });
  return { status: response.status, headers: [...response.headers], body: await response.text() };
}
