import { withPrivilegedTx } from '@brobygger/db';

/** What is counted, per e-mail and per client address, within a window of minutes. */
type Limit = { prefix: string; windowMinutes: number; perEmail: number; perAddress: number };

/** Failed password sign-ins. */
export const RATE_LIMIT = { prefix: '', windowMinutes: 15, perEmail: 5, perAddress: 30 } as const satisfies Limit;
/** Sign-in links asked for: each one is a mail to somebody's inbox. */
export const LINK_LIMIT = { prefix: 'link-', windowMinutes: 15, perEmail: 3, perAddress: 20 } as const satisfies Limit;

const emailKey = (limit: Limit, email: string) => `${limit.prefix}email:${email.toLowerCase()}`;
const addressKey = (limit: Limit, address: string) => `${limit.prefix}addr:${address}`;

/**
 * Attempts counted in Postgres, so a limit holds across app instances. Too many for one e-mail
 * (or from one address) within the window refuses further attempts, even a correct one, until
 * the window has passed.
 */
export async function isRateLimited(email: string, address: string, limit: Limit = RATE_LIMIT): Promise<boolean> {
  const row = await withPrivilegedTx('auth', (tx) =>
    tx.one<{ by_email: number; by_addr: number }>(
      `select count(*) filter (where key = $1)::int as by_email, count(*) filter (where key = $2)::int as by_addr
       from app.login_attempts
       where key in ($1, $2) and attempted_at > now() - make_interval(mins => $3)`,
      [emailKey(limit, email), addressKey(limit, address), limit.windowMinutes],
    ),
  );
  return (row?.by_email ?? 0) >= limit.perEmail || (row?.by_addr ?? 0) >= limit.perAddress;
}

/** Counts one attempt (a failed sign-in, or a link asked for). */
export async function recordAttempt(email: string, address: string, limit: Limit = RATE_LIMIT): Promise<void> {
  await withPrivilegedTx('auth', async (tx) => {
    await tx.query('insert into app.login_attempts (key) values ($1), ($2)', [
      emailKey(limit, email),
      addressKey(limit, address),
    ]);
    // Old rows are pruned by each write rather than by a timer.
    await tx.query("delete from app.login_attempts where attempted_at < now() - interval '1 day'");
  });
}

export async function clearFailures(email: string): Promise<void> {
  await withPrivilegedTx('auth', (tx) =>
    tx.query('delete from app.login_attempts where key = $1', [emailKey(RATE_LIMIT, email)]),
  );
}
