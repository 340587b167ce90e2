import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { freePort, type EmbeddedDatabase } from '@brobygger/db';
import type { Log } from './measure.ts';

/**
 * The production build served by the real server (`app/server/main.ts`, NODE_ENV=production),
 * on loopback only, against the benchmark's own embedded database: the same process a
 * coordinator's browser talks to, minus the network.
 */

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const appDir = path.join(repoRoot, 'app');

const READY_TIMEOUT_MS = 60_000;
const STOP_TIMEOUT_MS = 10_000;

export type AppServer = {
  baseUrl: string;
  appUrl: string;
  /** The server's SESSION_SECRET, so a benchmark can sign its coordinators in as the server would. */
  sessionSecret: string;
  /** The server's process id, to read the CPU it used (cpu-time.ts). */
  pid: number;
  stop: () => Promise<void>;
};

const appUrlOf = (port: number) => `https://127.0.0.1:${port}`;

/**
 * `npm run build -w app`, so the numbers are those of the code in the work tree.
 * BENCH_SKIP_BUILD=1 reuses the last build (for repeated runs while profiling).
 */
export function buildApp(log: Log): void {
  if (process.env.BENCH_SKIP_BUILD === '1') {
    log('BENCH_SKIP_BUILD=1: using the existing app build');
    return;
  }
  log('building the app (npm run build -w app)');
  const result = spawnSync('npm', ['run', 'build', '-w', 'app'], {
    cwd: repoRoot,
    stdio: ['ignore', process.stderr, process.stderr],
    timeout: 300_000,
  });
  if (result.status !== 0) throw new Error(`app build failed (exit ${result.status ?? result.signal})`);
}

/**
 * The node flags of the production start command (app/package.json, `serve`): the server is
 * measured as it is deployed. (`--max-semi-space-size`: a young generation large enough that the
 * ~100 kB answers of a busy server are not scavenged over and over; decision 036.)
 */
function productionNodeFlags(): string[] {
  const scripts = (
    JSON.parse(readFileSync(path.join(appDir, 'package.json'), 'utf8')) as { scripts: Record<string, string> }
  ).scripts;
  const words = (scripts.serve ?? '').split(/\s+/);
  return words.slice(words.indexOf('tsx') + 1).filter((word) => word.startsWith('--'));
}

export async function startAppServer(db: EmbeddedDatabase, log: Log): Promise<AppServer> {
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  const sessionSecret = randomBytes(32).toString('hex');
  // BENCH_CPU_PROF_DIR=<dir> profiles the server (node --cpu-prof); the profile is written as it exits.
  const profile = process.env.BENCH_CPU_PROF_DIR
    ? ['--cpu-prof', `--cpu-prof-dir=${path.resolve(process.env.BENCH_CPU_PROF_DIR)}`]
    : [];
  const child = spawn(process.execPath, [...profile, ...productionNodeFlags(), '--import', 'tsx', 'server/main.ts'], {
    cwd: appDir,
    stdio: ['ignore', 'ignore', 'pipe'],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      HOST: '127.0.0.1',
      PORT: String(port),
      // Production refuses plain http and mail to the log (docs/decisions/009-production-guards.md).
      // The benchmark serves http on loopback and sends no mail, so it names the https address a
      // deployment would have and an SMTP server that is never contacted; the browser
      // benchmark signs in with that origin (grid-page.ts).
      APP_URL: appUrlOf(port),
      SMTP_URL: 'smtp://127.0.0.1:9',
      DATABASE_URL: db.requestUrl,
      DATABASE_ADMIN_URL: db.adminUrl,
      DATABASE_AUTH_URL: db.authUrl,
      AUTH_PROVIDER: 'local',
      SESSION_SECRET: sessionSecret,
      SEED_DEMO: 'false',
      LOG_LEVEL: 'warn',
    },
  });
  child.stderr?.on('data', (chunk: Buffer) => log(`[server] ${chunk.toString().trimEnd()}`));
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));

  try {
    await waitUntilReady(baseUrl, child);
  } catch (error) {
    await stop(child, exited);
    throw error;
  }
  log(`app server ready on ${baseUrl}`);
  return { baseUrl, appUrl: appUrlOf(port), sessionSecret, pid: child.pid!, stop: () => stop(child, exited) };
}

async function waitUntilReady(baseUrl: string, child: ChildProcess): Promise<void> {
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`app server exited with ${child.exitCode} before it was ready`);
    const ready = await fetch(`${baseUrl}/readyz`, { signal: AbortSignal.timeout(2000) })
      .then((r) => r.ok)
      .catch(() => false);
    if (ready) return;
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`app server not ready after ${READY_TIMEOUT_MS / 1000} s`);
}

/** SIGTERM (the server closes its pools and exits), SIGKILL if it has not after a while. */
async function stop(child: ChildProcess, exited: Promise<void>): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return;
  child.kill('SIGTERM');
  const timer = setTimeout(() => child.kill('SIGKILL'), STOP_TIMEOUT_MS);
  await exited;
  clearTimeout(timer);
}
