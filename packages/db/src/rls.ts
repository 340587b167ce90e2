import type pg from 'pg';
import { connect, getPools } from './pools.ts';
import { sql, statements, type SqlText } from './sql-text.ts';
import { abandonTransaction, continueTransaction, runInTransaction, type Tx } from './tx.ts';

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

/** A transaction opened with its first read, for the request to continue or end (openWithRls). */
export type OpenedTransaction<R> = {
  /** What the opening statement read. */
  rows: R[];
  /** Runs `fn` in this transaction and commits it; once only. */
  continueWith<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
  /** Rolls it back, unless it was continued; safe to call more than once. */
  end(): Promise<void>;
};

/**
 * Begins a transaction as the caller and reads `statement` in it, all in one message (one round
 * trip): BEGIN, the preamble, the read. Every workspace request starts by reading which workspace
 * and role it acts in; its own work then continues the same transaction instead of opening
 * another (docs/decisions/035). The caller must `continueWith` or `end` it.
 */
export async function openWithRls<R extends object>(
  claims: Claims | null,
  statement: SqlText,
  session: LiveSession = {},
): Promise<OpenedTransaction<R>> {
  const preamble = callerPreamble(claims, session);
  const client = await connect(getPools().request);
  let rows: R[];
  try {
    const results = (await client.query(
      `begin; ${statements(preamble, statement).text}`,
    )) as unknown as pg.QueryResult[];
    rows = results.at(-1)!.rows as R[];
  } catch (error) {
    // Rolled back and given back like any failed transaction, and the error passed on.
    return continueTransaction(client, () => Promise.reject(error));
  }
  let open = true;
  const take = () => {
    if (!open) throw new Error('openWithRls: this transaction was already continued or ended');
    open = false;
  };
  return {
    rows,
    continueWith: (fn) => {
      take();
      return continueTransaction(client, fn);
    },
    end: async () => {
      if (!open) return;
      take();
      await abandonTransaction(client);
    },
  };
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
