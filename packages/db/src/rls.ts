import { connect, getPools } from './pools.ts';
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

/**
 * One transaction as PostgREST runs a request: `set local role` to the API role and the claims
 * bound as a parameter, so row-level security sees exactly this caller. Both settings are
 * transaction-local, so the pooled connection goes back with its defaults, and nothing depends on
 * session state or prepared statements (safe behind Supabase's transaction pooler).
 * `claims = null` is an anonymous request.
 */
export async function withRls<T>(
  claims: Claims | null,
  fn: (tx: Tx) => Promise<T>,
  /**
   * The local provider's server-side session, proved live as the transaction's first statement
   * after the claims (`app.require_live_session`): ended, expired or deleted raises `not_signed_in`
   * before `fn` runs. One transaction per request instead of a separate one for the session.
   */
  { liveSession }: { liveSession?: string } = {},
): Promise<T> {
  const role = claims ? claims.role : 'anon';
  if (!ALLOWED_ROLES.has(role)) throw new Error(`withRls: role ${String(role)} is not allowed`);
  const jwt = JSON.stringify(claims ?? { role: 'anon' });
  const client = await connect(getPools().request);
  return runInTransaction(
    client,
    async (c) => {
      await c.query("select set_config('role', $1, true), set_config('request.jwt.claims', $2, true)", [role, jwt]);
      // As the API role, after the switch: the function is granted to `authenticated` only.
      if (claims && liveSession) await c.query('select app.require_live_session($1::uuid)', [liveSession]);
    },
    fn,
  );
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
