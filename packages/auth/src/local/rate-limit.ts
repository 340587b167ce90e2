import { withPrivilegedTx } from '@brobygger/db';

export const RATE_LIMIT = { windowMinutes: 15, perEmail: 5, perAddress: 30 } as const;

const emailKey = (email: string) => `email:${email.toLowerCase()}`;
const addressKey = (address: string) => `addr:${address}`;

/**
 * Failed sign-ins counted in Postgres, so the limit holds across app instances. Too many failures
 * for one e-mail (or from one address) within the window refuses further attempts, even with the
 * right password, until the window has passed.
 */
export async function isRateLimited(email: string, address: string): Promise<boolean> {
  const row = await withPrivilegedTx('auth', (tx) =>
    tx.one<{ by_email: number; by_addr: number }>(
      `select count(*) filter (where key = $1)::int as by_email, count(*) filter (where key = $2)::int as by_addr
       from app.login_attempts
       where key in ($1, $2) and attempted_at > now() - make_interval(mins => $3)`,
      [emailKey(email), addressKey(address), RATE_LIMIT.windowMinutes],
    ),
  );
  return (row?.by_email ?? 0) >= RATE_LIMIT.perEmail || (row?.by_addr ?? 0) >= RATE_LIMIT.perAddress;
}

export async function recordFailure(email: string, address: string): Promise<void> {
  await withPrivilegedTx('auth', async (tx) => {
    await tx.query('insert into app.login_attempts (key) values ($1), ($2)', [emailKey(email), addressKey(address)]);
    // Old rows are pruned by each write rather than by a timer.
    await tx.query("delete from app.login_attempts where attempted_at < now() - interval '1 day'");
  });
}

export async function clearFailures(email: string): Promise<void> {
  await withPrivilegedTx('auth', (tx) => tx.query('delete from app.login_attempts where key = $1', [emailKey(email)]));
}
