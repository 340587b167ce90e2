import type pg from 'pg';
import { DatabaseUnavailableError, isUnavailable } from './errors.ts';
import { connect, getPools } from './pools.ts';
import { sql, statements, type SqlText } from './sql-text.ts';
import { runInTransaction, type Tx } from './tx.ts';

/** Verified JWT claims of the caller, as Supabase Auth issues them. */
export type Claims = {
  sub: string;
  email?: string;
  role: 'authenticated';
  aud?: string | string[];
  [key: string]: unknown;
};

const ALLOWED_ROLES = new Set(['anon', 'authenticated']);
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The local provider's server-side session, proved live inside the request's own transaction. */
export type LiveSession = {
  /**
   * Proved by `app.require_live_session` as the first statement after the claims: ended, expired
   * or deleted raises `not_signed_in` before anything else runs. One transaction per request
   * instead of a separate one for the session (docs/decisions/033).
   */
  liveSession?: string | undefined;
};

/**
 * What makes a transaction the caller's, as PostgREST does it: `set local role` to the API role
 * and the claims, then the session check. Written as literals (sql-text.ts) so they travel with
 * the statement that opens the transaction: one round trip instead of three (decision 035).
 */
function callerPreamble(claims: Claims | null, { liveSession }: LiveSession): SqlText {
  const role = claims ? claims.role : 'anon';
  if (!ALLOWED_ROLES.has(role)) throw new Error(`withRls: role ${String(role)} is not allowed`);
  if (liveSession !== undefined && !UUID.test(liveSession)) throw new Error('withRls: the live session is not a uuid');
  const jwt = JSON.stringify(claims ?? { role: 'anon' });
  const setCaller = sql`select set_config('role', ${role}, true), set_config('request.jwt.claims', ${jwt}, true)`;
  // As the API role, after the switch: the function is granted to `authenticated` only.
  return claims && liveSession
    ? statements(setCaller, sql`select app.require_live_session(${liveSession}::uuid)`)
    : setCaller;
}

/**
 * One transaction as PostgREST runs a request, so row-level security sees exactly this caller.
 * Role and claims are transaction-local, so the pooled connection goes back with its defaults,
 * and nothing depends on session state or prepared statements (safe behind Supabase's
 * transaction pooler). `claims = null` is an anonymous request.
 */
export async function withRls<T>(
  claims: Claims | null,
  fn: (tx: Tx) => Promise<T>,
  session: LiveSession = {},
): Promise<T> {
  const preamble = callerPreamble(claims, session);
  const client = await connect(getPools().request);
  return runInTransaction(client, preamble, fn);
}

/**
 * One read as the caller in a single round trip: the preamble and `statement` go as one message,
 * which Postgres runs as one implicit transaction (settings end with it, an error undoes it all).
 * For the small reads every request starts with (which workspace, which role); everything else
 * uses `withRls` and bound parameters.
 */
export async function readWithRls<R extends object>(
  claims: Claims | null,
  statement: SqlText,
  session: LiveSession = {},
): Promise<R[]> {
  const preamble = callerPreamble(claims, session);
  const client = await connect(getPools().request);
  let broken: Error | undefined;
  try {
    const results = (await client.query(statements(preamble, statement).text)) as unknown as pg.QueryResult[];
    return results.at(-1)!.rows as R[];
  } catch (error) {
    if (isUnavailable(error)) {
      broken = error as Error;
      throw new DatabaseUnavailableError(error);
    }
    throw error;
  } finally {
    client.release(broken);
  }
}

export type PrivilegedPurpose = 'migrate' | 'seed' | 'webhook' | 'billing' | 'job' | 'operator' | 'test';

/**
 * The privileged path: a superuser transaction that bypasses row-level security. Only migrations,
 * the operator's console (decision 028),
 * seeding, Stripe webhooks, background jobs and test fixtures may use it, and they must say which they are, so every use is easy to find and review.
 */
export async function withPrivilegedTx<T>(purpose: PrivilegedPurpose, fn: (tx: Tx) => Promise<T>): Promise<T> {
  void purpose;
  const client = await connect(getPools().admin);
  return runInTransaction(client, undefined, fn);
}

/**
 * The local auth provider's path: a transaction as `brobygger_auth`, which may use the auth.*
 * tables sign-in needs and the login attempts, and nothing in any workspace.
 */
export async function withAuthTx<T>(fn: (tx: Tx) => Promise<T>): Promise<T> {
  const pool = getPools().auth;
  if (!pool)
    throw new Error('The auth pool is not configured: DATABASE_AUTH_URL is needed for the local auth provider.');
  return runInTransaction(await connect(pool), undefined, fn);
}
