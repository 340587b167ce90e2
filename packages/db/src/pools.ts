import pg from 'pg';
import { DatabaseUnavailableError } from './errors.ts';

// Dates stay strings ('2026-11-23'): a calendar date has no time zone to get wrong.
pg.types.setTypeParser(pg.types.builtins.DATE, (v) => v);

export type Pools = { request: pg.Pool; admin: pg.Pool; auth: pg.Pool | undefined };

let pools: Pools | undefined;

export type PoolUrls = { requestUrl: string; adminUrl: string; authUrl?: string | undefined; max?: number };

/**
 * A pool per role. `request` logs in as a role that can do nothing until `withRls` switches it to
 * `anon` or `authenticated`; `admin` is the privileged path, reached only through
 * `withPrivilegedTx`; `auth` is the local auth provider's limited role (`withAuthTx`), with room
 * for a burst of sign-ins so they do not queue behind migrations or jobs.
 */
export function configurePools(urls: PoolUrls): Pools {
  const common = { connectionTimeoutMillis: 5000, idleTimeoutMillis: 30_000 };
  pools = {
    request: new pg.Pool({
      connectionString: urls.requestUrl,
      application_name: 'brobygger-request',
      max: urls.max ?? 10,
      ...common,
    }),
    admin: new pg.Pool({ connectionString: urls.adminUrl, application_name: 'brobygger-admin', max: 4, ...common }),
    auth: urls.authUrl
      ? new pg.Pool({ connectionString: urls.authUrl, application_name: 'brobygger-auth', max: 10, ...common })
      : undefined,
  };
  // An idle client that loses its server must not crash the process.
  for (const pool of [pools.request, pools.admin, pools.auth]) pool?.on('error', () => {});
  return pools;
}

export function getPools(): Pools {
  if (!pools) throw new Error('Database pools are not configured: call configurePools() at start-up.');
  return pools;
}

export async function closePools(): Promise<void> {
  const current = pools;
  pools = undefined;
  await Promise.all([current?.request.end(), current?.admin.end(), current?.auth?.end()]);
}

export async function connect(pool: pg.Pool): Promise<pg.PoolClient> {
  try {
    return await pool.connect();
  } catch (error) {
    throw new DatabaseUnavailableError(error);
  }
}
