import { withAuthTx, type Tx } from '@brobygger/db';

/**
 * How attempts are slowed down, per e-mail and per client address: within the window, the first
 * `free` attempts go through at once; after that each one has to wait twice as long after the one
 * before (2 s, 4 s, 8 s ...), up to `maxDelaySeconds`. Nobody is ever locked out: the account's
 * owner waits at most a few minutes, or signs in with a link, which is counted separately.
 */
export type Limit = {
  prefix: string;
  windowMinutes: number;
  perEmail: number;
  perAddress: number;
  maxDelaySeconds: number;
};

/** Password sign-ins. */
export const RATE_LIMIT = {
  prefix: '',
  windowMinutes: 60,
  perEmail: 5,
  perAddress: 30,
  maxDelaySeconds: 600,
} as const satisfies Limit;

/** Sign-in links asked for: each one is a mail to somebody's inbox. */
export const LINK_LIMIT = {
  prefix: 'link-',
  windowMinutes: 60,
  perEmail: 3,
  perAddress: 20,
  maxDelaySeconds: 300,
} as const satisfies Limit;

/** Sign-ups without an invitation: each one mails a confirmation link to the address given. */
export const SIGNUP_LIMIT = {
  prefix: 'signup-',
  windowMinutes: 60,
  perEmail: 3,
  perAddress: 10,
  maxDelaySeconds: 600,
} as const satisfies Limit;

/**
 * Current passwords typed to change the password: someone holding a stolen session must not get
 * unlimited guesses at the password behind it. Counted apart from sign-ins, so it never slows
 * the account's owner down at the sign-in form.
 */
export const PASSWORD_CHANGE_LIMIT = {
  prefix: 'change-',
  windowMinutes: 60,
  perEmail: 5,
  perAddress: 30,
  maxDelaySeconds: 600,
} as const satisfies Limit;

export type Admission = { ok: true } | { ok: false; retryAfterSeconds: number };

const emailKey = (limit: Limit, email: string) => `${limit.prefix}email:${email.toLowerCase()}`;
const addressKey = (limit: Limit, address: string) => `${limit.prefix}addr:${address}`;

/** Seconds to wait after the last attempt, when `earlier` attempts are in the window. */
export function delaySeconds(earlier: number, free: number, maxDelaySeconds: number): number {
  return earlier < free ? 0 : Math.min(maxDelaySeconds, 2 ** (earlier - free + 1));
}

/**
 * Admits one attempt (a sign-in, or a link asked for) and counts it, before any password is
 * checked, or says how long to wait. Counting and recording happen in one transaction that holds
 * a lock per key, so a hundred parallel requests queue up and each one sees those before it.
 * Refused attempts are not recorded: hammering does not make the wait longer. Attempts live in
 * Postgres, so the limit holds across app instances.
 */
export async function admitAttempt(email: string, address: string, limit: Limit = RATE_LIMIT): Promise<Admission> {
  const checks = [
    { key: emailKey(limit, email), free: limit.perEmail },
    { key: addressKey(limit, address), free: limit.perAddress },
  ];
  return withAuthTx(async (tx) => {
    await lockKeys(
      tx,
      checks.map((c) => c.key),
    );
    let wait = 0;
    for (const { key, free } of checks) {
      const row = await tx.one<{ earlier: number; since: number | null }>(
        `select count(*)::int as earlier, extract(epoch from clock_timestamp() - max(attempted_at))::float8 as since
         from app.login_attempts
         where key = $1 and attempted_at > clock_timestamp() - make_interval(mins => $2)`,
        [key, limit.windowMinutes],
      );
      const delay = delaySeconds(row?.earlier ?? 0, free, limit.maxDelaySeconds);
      wait = Math.max(wait, delay - (row?.since ?? Infinity));
    }
    if (wait > 0) return { ok: false, retryAfterSeconds: Math.ceil(wait) };
    await tx.query('insert into app.login_attempts (key, attempted_at) select unnest($1::text[]), clock_timestamp()', [
      checks.map((c) => c.key),
    ]);
    // Old rows are pruned by each write rather than by a timer.
    await tx.query("delete from app.login_attempts where attempted_at < now() - interval '1 day'");
    return { ok: true };
  });
}

/**
 * Transaction-scoped advisory locks, always in the same order (e-mail, then address), so two
 * attempts never wait on each other in a cycle.
 */
async function lockKeys(tx: Tx, keys: readonly string[]): Promise<void> {
  for (const key of keys) await tx.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [key]);
}

/**
 * A successful sign-in forgets the e-mail's earlier attempts and (after a password sign-in) the
 * one just counted against its address, so colleagues behind one office address are not slowed
 * down by each other.
 */
export async function forgiveSuccess(email: string, address?: string): Promise<void> {
  await withAuthTx(async (tx) => {
    await tx.query('delete from app.login_attempts where key = $1', [emailKey(RATE_LIMIT, email)]);
    if (address === undefined) return;
    await tx.query(
      `delete from app.login_attempts where ctid = (
         select ctid from app.login_attempts where key = $1 order by attempted_at desc limit 1)`,
      [addressKey(RATE_LIMIT, address)],
    );
  });
}
