/**
 * `npm run db:reset`: deletes the embedded database under DATA_DIR and builds it again from the
 * migrations and the demo data. Refuses to touch an external database.
 */
import { rmSync } from 'node:fs';
import path from 'node:path';
import { insertUser } from '@brobygger/auth';
import { openDatabase, seedDemo } from '@brobygger/db';
import { getEnv } from '@brobygger/env';

const env = getEnv();
if (!env.embeddedDatabase) {
  console.error('db:reset only resets the embedded database; DATABASE_URL is set, so nothing was changed.');
  process.exit(1);
}
const clusterDir = path.resolve(env.DATA_DIR, 'pg');
rmSync(clusterDir, { recursive: true, force: true });
console.log(`Deleted ${clusterDir}`);
const db = await openDatabase(env, console.log);
try {
  console.log(`Demo data: ${await seedDemo(insertUser)}`);
} finally {
  await db.close();
}
