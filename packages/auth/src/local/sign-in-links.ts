import { createHash, randomBytes } from 'node:crypto';
import { withAuthTx } from '@brobygger/db';
import { SIGN_IN_LINK_MINUTES } from '../policy.ts';
const TOKEN_TYPE = 'magiclink';

const hashOf = (token: string) => createHash('sha256').update(token).digest('hex');

/**
 * A new single-use token for an existing, not deleted account, or null when there is none. Only
 * its hash is stored; a new one replaces the user's previous one.
 */
export async function issueLinkToken(email: string): Promise<string | null> {
  const token = randomBytes(32).toString('base64url');
  const row = await withAuthTx((tx) =>
    tx.one<{ id: string }>(
      `insert into auth.one_time_tokens (id, user_id, token_type, token_hash, relates_to)
       select gen_random_uuid(), u.id, $2, $3, u.email from auth.users u where u.email = $1 and u.deleted_at is null
       on conflict (user_id, token_type) do update
         set token_hash = excluded.token_hash, created_at = now(), updated_at = now()
       returning id`,
      [email.toLowerCase(), TOKEN_TYPE, hashOf(token)],
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
         delete from auth.one_time_tokens
         where token_hash = $1 and token_type = $2
         returning user_id, created_at
       )
       -- Following the link proves the address, as confirming it would.
       update auth.users u set email_confirmed_at = coalesce(u.email_confirmed_at, now())
       from used
       where u.id = used.user_id and used.created_at > now() - make_interval(mins => $3) and u.deleted_at is null
       returning u.id, u.email, u.raw_user_meta_data ->> 'locale' as locale`,
      [hashOf(token), TOKEN_TYPE, SIGN_IN_LINK_MINUTES],
    ),
  );
  return row ?? null;
}
