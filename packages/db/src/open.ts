import type { Env } from '@brobygger/env';
import { attachEmbeddedDatabase, startEmbeddedDatabase } from './embedded/launch.ts';
import { migrate } from './migrate.ts';
import { closePools, configurePools } from './pools.ts';
import { checkDatabaseRole } from './role-check.ts';

export type OpenDatabase = {
  embedded: boolean;
  /** The privileged (migration) connection: the job queue keeps its own schema with it. */
  adminUrl: string;
  close: () => Promise<void>;
};

/**
 * Connects the pools for this process: to the embedded server (started here, migrated on every
 * start) when no DATABASE_URL is set, otherwise to the given database, whose migrations are
 * applied by `supabase db push` or `npm run db:migrate`, not at start-up.
 */
export async function openDatabase(env: Env, log: (line: string) => void = () => {}): Promise<OpenDatabase> {
  if (env.embeddedDatabase && env.EMBEDDED_ATTACH === 'true') {
    // Another process of the app started, migrated and seeded it; this one only connects.
    const db = attachEmbeddedDatabase({ dataDir: env.DATA_DIR, port: env.EMBEDDED_PG_PORT });
    await checkRoles(db.requestUrl, db.authUrl);
    configurePools({ ...db, max: env.DATABASE_POOL_MAX });
    return { embedded: true, adminUrl: db.adminUrl, close: closePools };
  }
  if (!env.embeddedDatabase) {
    await checkRoles(env.DATABASE_URL!, env.DATABASE_AUTH_URL);
    configurePools({
      requestUrl: env.DATABASE_URL!,
      adminUrl: env.DATABASE_ADMIN_URL!,
      authUrl: env.DATABASE_AUTH_URL,
      max: env.DATABASE_POOL_MAX,
    });
    return { embedded: false, adminUrl: env.DATABASE_ADMIN_URL!, close: closePools };
  }
  const db = await startEmbeddedDatabase({ dataDir: env.DATA_DIR, port: env.EMBEDDED_PG_PORT, log });
  // The request role is made by a migration: migrate first (as `postgres`), then give it its
  // password, then check it before anything uses the request pool.
  try {
    configurePools({ ...db, max: env.DATABASE_POOL_MAX });
    await migrate(log);
    await db.setApiPassword();
    await checkRoles(db.requestUrl, db.authUrl);
  } catch (error) {
    await closePools();
    await db.stop();
    throw error;
  }
  return {
    embedded: true,
    adminUrl: db.adminUrl,
    close: async () => {
      await closePools();
      await db.stop();
    },
  };
}

/** Neither the request path nor the auth path may be able to get around row-level security. */
async function checkRoles(requestUrl: string, authUrl: string | undefined): Promise<void> {
  await checkDatabaseRole(requestUrl, 'DATABASE_URL');
  if (authUrl) await checkDatabaseRole(authUrl, 'DATABASE_AUTH_URL');
}
