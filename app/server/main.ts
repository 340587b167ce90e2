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
import { EnvError, getEnv } from '@brobygger/env';
import { startJobQueue } from '@brobygger/jobs';
import { createApp } from './app.ts';
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
  if (env.demoMode) logger.warn('DEMO_MODE: demo users with a published password, mail in the log. Not for real data.');

  const db = await openDatabase(env, (line) => logger.info(line));
  if (env.seedDemo && env.AUTH_PROVIDER === 'local') {
    const seeded = await seedDemo(insertUser);
    logger.info(`demo workspaces ${seeded === 'seeded' ? 'loaded' : 'already present'}`);
  }
  const jobs = await startJobQueue({
    connectionString: db.adminUrl,
    log: (level, message, fields) => logger[level](fields ?? {}, message),
  });
  const services = createServices(env, logger, jobs);
  await services.startWorkers();

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

  const onListening = () => {
    logger.info(`Brobygger is running on ${env.APP_URL}`);
    if (env.seedDemo && env.AUTH_PROVIDER === 'local') printDemoSignIns(env.APP_URL);
  };
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
