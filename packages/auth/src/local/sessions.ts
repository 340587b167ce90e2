import { withAuthTx } from '@brobygger/db';

/**
 * Server-side sessions for the local provider, in Supabase Auth's `auth.sessions` (decision 032:
 * they carry no refresh token, so after a move to Supabase Auth they simply expire). The
 * signed cookie says who someone is; the row says the session has not been ended. Signing out
 * deletes the row, so a copied cookie stops working at once instead of at its expiry.
 */

/** A new session for the user, who is thereby signed in now. One transaction. */
export async function startSession(userId: string, hours: number, userAgent: string | null): Promise<string> {
  return withAuthTx(async (tx) => {
    const row = await tx.one<{ id: string }>(
      // As Supabase Auth fills a session: its timestamps (the columns have no defaults there) and
      // assurance level aal1, as one factor (a password or a link) signed the user in.
      `insert into auth.sessions (id, user_id, created_at, updated_at, aal, not_after, user_agent)
       values (gen_random_uuid(), $1, now(), now(), 'aal1', now() + make_interval(hours => $2), $3)
       returning id`,
      [userId, hours, userAgent?.slice(0, 500) ?? null],
    );
    await tx.query('update auth.users set last_sign_in_at = now() where id = $1', [userId]);
    // Ended and expired sessions are pruned by each sign-in rather than by a timer.
    await tx.query("delete from auth.sessions where not_after < now() - interval '1 day'");
    return row!.id;
  });
}

/** How often "last seen" is written: at most once per this many minutes, not on every request. */
const LAST_SEEN_MINUTES = 5;

/**
 * Whether the session is live: not ended, not expired, and its user not deleted. A live session
 * is marked as seen now (its `updated_at`), in the same statement, when the mark is stale.
 */
export async function isLive(sessionId: string, userId: string): Promise<boolean> {
  const row = await withAuthTx((tx) =>
    tx.one<{ live: boolean }>(
      `with live as (
         select s.id, s.updated_at from auth.sessions s join auth.users u on u.id = s.user_id
         where s.id = $1 and s.user_id = $2 and s.not_after > now() and u.deleted_at is null
       ), seen as (
         update auth.sessions s set updated_at = now() from live
         where s.id = live.id and live.updated_at < now() - make_interval(mins => $3)
       )
       select exists (select 1 from live) as live`,
      [sessionId, userId, LAST_SEEN_MINUTES],
    ),
  );
  return row?.live === true;
}

/** The user's live sessions, newest first. */
export async function sessionsOf(userId: string) {
  return withAuthTx((tx) =>
    tx.query<{ id: string; created_at: Date; updated_at: Date; user_agent: string | null }>(
      `select id, created_at, updated_at, user_agent from auth.sessions
       where user_id = $1 and not_after > now() order by created_at desc`,
      [userId],
    ),
  );
}

/** Ends every session of the user except `keep` (null: every one). */
export async function endSessionsOf(userId: string, keep: string | null): Promise<void> {
  await withAuthTx((tx) =>
    tx.query('delete from auth.sessions where user_id = $1 and id is distinct from $2', [userId, keep]),
  );
}

export async function endSession(sessionId: string): Promise<void> {
  await withAuthTx((tx) => tx.query('delete from auth.sessions where id = $1', [sessionId]));
}
