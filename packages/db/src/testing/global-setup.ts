import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { TestProject } from 'vitest/node';
import { freePort } from '../embedded/free-port.ts';
import { startEmbeddedDatabase } from '../embedded/launch.ts';
import { migrate } from '../migrate.ts';
import { closePools, configurePools } from '../pools.ts';

import './provided-context.ts';

/**
 * A fresh embedded Postgres for this test run, migrated as the non-superuser `postgres` exactly as
 * `supabase db push` would, and removed afterwards.
 */
export default async function setup(project: TestProject) {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'brobygger-test-'));
  const db = await startEmbeddedDatabase({ dataDir, port: await freePort() });
  configurePools(db);
  await migrate();
  await closePools();
  await db.setApiPassword();
  project.provide('db', {
    requestUrl: db.requestUrl,
    adminUrl: db.adminUrl,
    authUrl: db.authUrl,
    bootstrapUrl: db.bootstrapUrl,
  });
  return async () => {
    await db.stop();
    rmSync(dataDir, { recursive: true, force: true });
  };
}
