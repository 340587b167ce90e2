import cluster from 'node:cluster';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { ServerBuild } from '@remix-run/node';
import type express from 'express';
import { insertUser } from '@brobygger/auth';
import {
  DEMO_PASSWORD,
  DEMO_USERS,
  openDatabase,
  OutdatedDataDirectoryError,
  RoleCheckError,
  seedDemo,
} from '@brobygger/db';
import { EnvError, getEnv, type Env } from '@brobygger/env';
import { startJobQueue } from '@brobygger/jobs';
import { createApp } from './app.ts';
import { createLogger, type Logger } from './logger.ts';
import { createServices } from './services.ts';

const appDir = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

function readEnv(): Env {
  try {
    return getEnv();
  } catch (error) {
    if (error instanceof EnvError) {
      console.error(`Brobygger cannot start.\n${error.message}`);
      process.exit(1);
    }
    throw error;
  }
}

async function main() {
  const env = readEnv();
  const logger = createLogger(env.LOG_LEVEL);
  if (cluster.isPrimary && env.WEB_CONCURRENCY > 1) return runPrimary(env, logger);
  // A cluster worker (or a second server on the same embedded database) leaves the migrations,
  // the demo data and the job queue's workers to the process that started first.
  return serveHttp(env, logger, { secondary: cluster.isWorker || env.EMBEDDED_ATTACH === 'true' });
}

/**
 * One process per CPU (WEB_CONCURRENCY): this one opens (and, embedded, migrates and seeds) the
 * database and runs the job queue's workers, once; the workers it forks only answer HTTP, on the
 * port they share. Nothing that matters lives in a process (sessions, rate limits, jobs are in
 * Postgres), so any worker can answer any request.
 */
async function runPrimary(env: Env, logger: Logger) {
  const db = await openDatabase(env, (line) => logger.info(line));
  await seedIfAsked(env, logger);
  const jobs = await startJobQueue({
    connectionString: db.adminUrl,
    log: (level, message, fields) => logger[level](fields ?? {}, message),
  });
  // Also creates the local session secret beside the data, before any worker reads it.
  await createServices(env, logger, jobs).startWorkers();

  let stopping = false;
  const workerEnv = { EMBEDDED_ATTACH: env.embeddedDatabase ? 'true' : 'false' };
  let listening = 0;
  cluster.on('listening', () => {
    if (++listening === env.WEB_CONCURRENCY) announce(env, logger, `${env.WEB_CONCURRENCY} processes`);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    logger.error({ pid: worker.process.pid, code, signal }, 'an HTTP worker exited; starting another');
    // A pause, so a worker that cannot start does not spin the CPU.
    setTimeout(() => cluster.fork(workerEnv), 1000);
  });
  for (let i = 0; i < env.WEB_CONCURRENCY; i++) cluster.fork(workerEnv);

  const shutdown = async (signal: string) => {
    stopping = true;
    logger.info(`${signal}: shutting down ${Object.keys(cluster.workers ?? {}).length} HTTP workers`);
    const workers = Object.values(cluster.workers ?? {}).filter((w) => w !== undefined);
    await Promise.all(
      workers.map(
        (worker) =>
          new Promise<void>((resolve) => {
            if (worker.isDead()) return resolve();
            worker.once('exit', () => resolve());
            worker.process.kill('SIGTERM');
          }),
      ),
    );
    await jobs.stop().catch(() => {});
    await db.close().catch(() => {});
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
}

async function seedIfAsked(env: Env, logger: Logger) {
  if (env.seedDemo && env.AUTH_PROVIDER === 'local') {
    const seeded = await seedDemo(insertUser);
    logger.info(`demo workspaces ${seeded === 'seeded' ? 'loaded' : 'already present'}`);
  }
}

function announce(env: Env, logger: Logger, how?: string) {
  logger.info(`Brobygger is running on ${env.APP_URL}${how ? ` (${how})` : ''}`);
  if (env.seedDemo && env.AUTH_PROVIDER === 'local') printDemoSignIns(env.APP_URL);
}

/** The HTTP server; `secondary` when another process runs the migrations, seed and job workers. */
async function serveHttp(env: Env, logger: Logger, { secondary }: { secondary: boolean }) {
  const production = env.NODE_ENV === 'production';
  if (env.demoMode && !cluster.isWorker)
    logger.warn('DEMO_MODE: demo users with a published password, mail in the log. Not for real data.');

  const db = await openDatabase(env, (line) => logger.info(line));
  if (!secondary) await seedIfAsked(env, logger);
  const jobs = await startJobQueue({
    connectionString: db.adminUrl,
    log: (level, message, fields) => logger[level](fields ?? {}, message),
    sendOnly: secondary,
  });
  const services = createServices(env, logger, jobs);
  if (!secondary) await services.startWorkers();

  let build: () => Promise<ServerBuild>;
  let before: express.RequestHandler[] = [];
  if (production) {
    const serverBuild = (await import(path.join(appDir, 'build/server/index.js'))) as ServerBuild;
    build = async () => serverBuild;
  } else {
    const vite = await import('vite');
    const devServer = await vite.createServer({ root: appDir, server: { middlewareMode: true } });
    before = [devServer.middlewares];
    build = () => devServer.ssrLoadModule('virtual:remix/server-build') as Promise<ServerBuild>;
  }
  const app = createApp({
    env,
    logger,
    services,
    build,
    before,
    staticDir: production ? path.join(appDir, 'build/client') : undefined,
  });

  // A cluster worker's primary says when all of them listen.
  const onListening = () => (cluster.isWorker ? undefined : announce(env, logger));
  const server = env.HOST ? app.listen(env.PORT, env.HOST, onListening) : app.listen(env.PORT, onListening);

  const shutdown = async (signal: string) => {
    logger.info(`${signal}: shutting down`);
    server.close();
    await jobs.stop().catch(() => {});
    await db.close().catch(() => {});
    process.exit(0);
  };
  process.once('SIGINT', () => void shutdown('SIGINT'));
  process.once('SIGTERM', () => void shutdown('SIGTERM'));
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
  if (error instanceof RoleCheckError || error instanceof OutdatedDataDirectoryError) {
    console.error(`Brobygger cannot start.\n${error.message}`);
    process.exit(1);
  }
  console.error('Brobygger failed to start:', error);
  process.exit(1);
});
