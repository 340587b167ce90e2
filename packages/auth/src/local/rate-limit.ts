import { withPrivilegedTx, type Tx } from '@brobygger/db';

/** What is counted, per e-mail and per client address, within a window of minutes. */
type Limit = { prefix: string; windowMinutes: number; perEmail: number; perAddress: number };

/** Password sign-ins. */
export const RATE_LIMIT = { prefix: '', windowMinutes: 15, perEmail: 5, perAddress: 30 } as const satisfies Limit;
/** Sign-in links asked for: each one is a mail to somebody's inbox. */
export const LINK_LIMIT = { prefix: 'link-', windowMinutes: 15, perEmail: 3, perAddress: 20 } as const satisfies Limit;

const emailKey = (limit: Limit, email: string) => `${limit.prefix}email:${email.toLowerCase()}`;
const addressKey = (limit: Limit, address: string) => `${limit.prefix}addr:${address}`;

/**
 * Admits one attempt (a sign-in, or a link asked for) and counts it, before any password is
 * checked, or refuses it. Counting and recording happen in one transaction that holds a lock per
 * key, so a hundred parallel requests queue up and each one sees those before it: no more than
 * the limit get through. Attempts are counted in Postgres, so the limit holds across instances.
 */
export async function admitAttempt(email: string, address: string, limit: Limit = RATE_LIMIT): Promise<boolean> {
  const keys = [emailKey(limit, email), addressKey(limit, address)] as const;
  return withPrivilegedTx('auth', async (tx) => {
    await lockKeys(tx, keys);
    const row = await tx.one<{ by_email: number; by_addr: number }>(
      `select count(*) filter (where key = $1)::int as by_email, count(*) filter (where key = $2)::int as by_addr
       from app.login_attempts
       where key in ($1, $2) and attempted_at > clock_timestamp() - make_interval(mins => $3)`,
      [...keys, limit.windowMinutes],
    );
    if ((row?.by_email ?? 0) >= limit.perEmail || (row?.by_addr ?? 0) >= limit.perAddress) return false;
    await tx.query(
      'insert into app.login_attempts (key, attempted_at) values ($1, clock_timestamp()), ($2, clock_timestamp())',
      [...keys],
    );
    // Old rows are pruned by each write rather than by a timer.
    await tx.query("delete from app.login_attempts where attempted_at < now() - interval '1 day'");
    return true;
  });
}

/**
 * Transaction-scoped advisory locks, always in the same order (e-mail, then address), so two
 * attempts never wait on each other in a cycle.
 */
async function lockKeys(tx: Tx, keys: readonly string[]): Promise<void> {
  for (const key of keys) await tx.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
}

/** A successful sign-in forgets the e-mail's earlier attempts. */
export async function clearFailures(email: string): Promise<void> {
  await withPrivilegedTx('auth', (tx) =>
    tx.query('delete from app.login_attempts where key = $1', [emailKey(RATE_LIMIT, email)]),
  );
}
