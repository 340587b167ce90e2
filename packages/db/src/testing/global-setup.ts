import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { startEmbeddedDatabase } from '../embedded/launch.ts';
import { migrate } from '../migrate.ts';
import { closePools, configurePools } from '../pools.ts';

import './index.ts';

export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
    server.on('error', reject);
  });
}

/** A fresh, migrated embedded Postgres for this test run, removed afterwards. */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'brobygger-test-'));
  const db = await startEmbeddedDatabase({ dataDir, port: await freePort() });
  configurePools(db);
  await migrate();
  await closePools();
  project.provide('db', { requestUrl: db.requestUrl, adminUrl: db.adminUrl });
  return async () => {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
