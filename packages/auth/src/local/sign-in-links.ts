import { createHash, randomBytes } from 'node:crypto';
import { withAuthTx } from '@brobygger/db';
import { SIGN_IN_LINK_MINUTES } from '../policy.ts';

/**
 * The local provider's links (sign-in, password reset, e-mail confirmation: one kind of link that
 * signs in) live in `brobygger_auth.link_tokens`, not in Supabase Auth's `auth.one_time_tokens`,
 * whose token types have no such link (decision 032).
 */

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A new single-use token for an existing, not deleted account, or null when there is none. Only
 * its hash is stored; a new one replaces the user's previous one.
 */
export async function issueLinkToken(email: string): Promise<string | null> {
  const token = randomBytes(32).toString('base64url');
  const row = await withAuthTx((tx) =>
    tx.one<{ user_id: string }>(
      `insert into brobygger_auth.link_tokens (user_id, token_hash)
       select u.id, $2 from auth.users u where u.email = $1 and u.deleted_at is null
       on conflict (user_id) do update set token_hash = excluded.token_hash, created_at = now()
       returning user_id`,
      [email.toLowerCase(), hashOf(token)],
    ),
  );
  return row ? token : null;
}

/**
 * Uses up a token: the user it was for when it is known and fresh, else null. Deleting and
 * reading in one statement means two clicks on the same link cannot both sign in.
 */
export async function redeemLinkToken(
  token: string,
): Promise<{ id: string; email: string; locale: string | null } | null> {
  const row = await withAuthTx((tx) =>
    tx.one<{ id: string; email: string; locale: string | null }>(
      `with used as (
         delete from brobygger_auth.link_tokens where token_hash = $1
         returning user_id, created_at
       )
       -- Following the link proves the address, as confirming it would.
       update auth.users u set email_confirmed_at = coalesce(u.email_confirmed_at, now())
       from used
       where u.id = used.user_id and used.created_at > now() - make_interval(mins => $2) and u.deleted_at is null
       returning u.id, u.email, u.raw_user_meta_data ->> 'locale' as locale`,
      [hashOf(token), SIGN_IN_LINK_MINUTES],
    ),
  );
  return row ?? null;
}
