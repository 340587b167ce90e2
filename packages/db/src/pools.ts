import pg from 'pg';
import { DatabaseUnavailableError } from './errors.ts';

// Dates stay strings ('2026-11-23'): a calendar date has no time zone to get wrong.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Pools = { request: pg.Pool; admin: pg.Pool };

let pools: Pools | undefined;

/**
 * Two pools on two roles. `request` logs in as a role that can do nothing until `withRls` switches
 * it to `anon` or `authenticated`; `admin` is the privileged path and is only reached through
 * `withPrivilegedTx`.
 */
export function configurePools(urls: { requestUrl: string; adminUrl: string; max?: number }): Pools {
  const common = { max: urls.max ?? 10, connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 };
  pools = {
    request: new pg.Pool({ connectionString: urls.requestUrl, application_name: 'brobygger-request', ...common }),
    admin: new pg.Pool({ connectionString: urls.adminUrl, application_name: 'brobygger-admin', max: 4 }),
  };
  // An idle client that loses its server must not crash the process.
  pools.request.on('error', () => {});
  pools.admin.on('error', () => {});
  return pools;
}

export function getPools(): Pools {
  if (!pools) throw new Error('Database pools are not configured: call configurePools() at start-up.');
  return pools;
}

export async function closePools(): Promise<void> {
  const current = pools;
  pools = undefined;
  await Promise.all([current?.request.end(), current?.admin.end()]);
}

export async function connect(pool: pg.Pool): Promise<pg.PoolClient> {
  try {
    return await pool.connect();
  } catch (error) {
    throw new DatabaseUnavailableError(error);
  }
}
