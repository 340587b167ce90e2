import { randomUUID } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { createRequestHandler } from '@remix-run/express';
import type { ServerBuild } from '@remix-run/node';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import compression from 'compression';
import express from 'express';
import { appRouter, toTRPCError } from '@brobygger/api';
import { CLIENT_ADDRESS_HEADER, insertUser } from '@brobygger/auth';
import { DEMO_PASSWORD, DEMO_USERS, getPools, openDatabase, seedDemo } from '@brobygger/db';
import { EnvError, getEnv } from '@brobygger/env';
import { createLogger } from './logger.ts';
import { createServices } from './services.ts';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  let env;
  try {
    env = getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`Brobygger cannot start.\n${error.message}`);
      process.exit(1);
    }
    throw error;
  }
  const logger = createLogger(env.LOG_LEVEL);
  const production = env.NODE_ENV === 'production';

  const db = await openDatabase(env, (line) => logger.info(line));
  if (env.seedDemo && env.AUTH_PROVIDER === 'local') {
    const seeded = await seedDemo(insertUser);
    logger.info(`demo workspaces ${seeded === 'seeded' ? 'loaded' : 'already present'}`);
  }
  const services = createServices(env, logger);

  const app = express();
  app.disable('x-powered-by');
  app.use(compression());

  app.use((req, res, next) => {
    const requestId = (req.get('x-request-id') ?? '').slice(0, 100) || randomUUID();
    res.locals.requestId = requestId;
    res.set('X-Request-Id', requestId);
    res.set('X-Content-Type-Options', 'nosniff');
    res.set('X-Frame-Options', 'DENY');
    res.set('Referrer-Policy', 'same-origin');
    // The client address header is ours to set: never trust one the client sent.
    req.headers[CLIENT_ADDRESS_HEADER] = req.socket.remoteAddress ?? 'unknown';
    const started = performance.now();
    res.on('finish', () => {
      if (req.path.startsWith('/assets/')) return;
      logger.info(
        {
          requestId,
          method: req.method,
          path: req.path,
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

  app.all('/api/trpc/*', express.raw({ type: '*/*', limit: '20mb' }), async (req, res) => {
    const request = toFetchRequest(req);
    const response = await fetchRequestHandler({
      endpoint: '/api/trpc',
      req: request,
      router: appRouter,
      createContext: async ({ resHeaders }) => {
        // A session that cannot be checked (database down) answers SERVICE_UNAVAILABLE, not 500.
        const { ctx, headers } = await services
          .contextFor(request, res.locals.requestId as string)
          .catch((error: unknown) => Promise.reject(toTRPCError(error)));
        headers.forEach((value, key) => resHeaders.append(key, value));
        return ctx;
      },
    });
    res.status(response.status);
    response.headers.forEach((value, key) => res.append(key, value));
    res.send(Buffer.from(await response.arrayBuffer()));
  });

  let build: () => Promise<ServerBuild>;
  if (production) {
    app.use('/assets', express.static(path.join(appDir, 'build/client/assets'), { immutable: true, maxAge: '1y' }));
    app.use(express.static(path.join(appDir, 'build/client'), { maxAge: '1h' }));
    const serverBuild = (await import(path.join(appDir, 'build/server/index.js'))) as ServerBuild;
    build = async () => serverBuild;
  } else {
    const vite = await import('vite');
    const devServer = await vite.createServer({ root: appDir, server: { middlewareMode: true } });
    app.use(devServer.middlewares);
    build = () => devServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>;
  }

  app.all(
    '*',
    createRequestHandler({
      build,
      mode: production ? 'production' : 'development',
      getLoadContext: (_req, res) => ({ services, requestId: res.locals.requestId as string }),
    }),
  );

  const onListening = () => {
    logger.info(`Brobygger is running on ${env.APP_URL}`);
    if (env.seedDemo && env.AUTH_PROVIDER === 'local') printDemoSignIns(env.APP_URL);
  };
  const server = env.HOST ? app.listen(env.PORT, env.HOST, onListening) : app.listen(env.PORT, onListening);

  const shutdown = async (signal: string) => {
    logger.info(`${signal}: shutting down`);
    server.close();
    await db.close().catch(() => {});
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

function toFetchRequest(req: express.Request): Request {
  const headers = new Headers();
  for (const [key, value] of Object.entries(req.headers)) {
    if (typeof value === 'string') headers.set(key, value);
    else if (Array.isArray(value)) for (const v of value) headers.append(key, v);
  }
  const hasBody = req.method !== 'GET' && req.method !== 'HEAD' && Buffer.isBuffer(req.body);
  return new Request(new URL(req.originalUrl, `http://${req.headers.host ?? 'localhost'}`), {
    method: req.method,
    headers,
    body: hasBody ? new Uint8Array(req.body as Buffer) : undefined,
  });
}

function printDemoSignIns(appUrl: string) {
  const width = Math.max(...DEMO_USERS.map((u) => u.email.length));
  const lines = DEMO_USERS.map((u) => `  ${u.email.padEnd(width)}  ${u.what}`);
  console.log(
    ['', `Open ${appUrl} and sign in with one of the demo users (password: ${DEMO_PASSWORD}):`, ...lines, ''].join(
      '\n',
    ),
  );
}

main().catch((error) => {
  console.error('Brobygger failed to start:', error);
  process.exit(1);
});
