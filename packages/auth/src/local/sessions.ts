import { withAuthTx } from '@brobygger/db';

/**
 * Server-side sessions for the local provider, in `auth.sessions` like Supabase Auth's. The
 * signed cookie says who someone is; the row says the session has not been ended. Signing out
 * deletes the row, so a copied cookie stops working at once instead of at its expiry.
 */

/** A new session for the user, who is thereby signed in now. One transaction. */
export async function startSession(userId: string, hours: number, userAgent: string | null): Promise<string> {
  return withAuthTx(async (tx) => {
    const row = await tx.one<{ id: string }>(
      `insert into auth.sessions (id, user_id, not_after, user_agent)
       values (gen_random_uuid(), $1, now() + make_interval(hours => $2), $3)
       returning id`,
      [userId, hours, userAgent?.slice(0, 500) ?? null],
    );
    await tx.query('update auth.users set last_sign_in_at = now() where id = $1', [userId]);
    // Ended and expired sessions are pruned by each sign-in rather than by a timer.
    await tx.query("delete from auth.sessions where not_after < now() - interval '1 day'");
    return row!.id;
  });
}

/** Whether the session is live: not ended, not expired, and its user not deleted. */
export async function isLive(sessionId: string, userId: string): Promise<boolean> {
  const row = await withAuthTx((tx) =>
    tx.one(
      `select 1 from auth.sessions s join auth.users u on u.id = s.user_id
       where s.id = $1 and s.user_id = $2 and s.not_after > now() and u.deleted_at is null`,
      [sessionId, userId],
    ),
  );
  return row !== undefined;
}

export async function endSession(sessionId: string): Promise<void> {
  await withAuthTx((tx) => tx.query('delete from auth.sessions where id = $1', [sessionId]));
}
