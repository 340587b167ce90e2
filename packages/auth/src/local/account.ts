import { withAuthTx } from '@brobygger/db';
import { hashPassword } from './passwords.ts';

/**
 * The local provider's account settings, in `auth.users` as Supabase Auth keeps them: the name
 * and language in `raw_user_meta_data` (Supabase's `user_metadata`), the password hash in
 * `encrypted_password`.
 */

export async function readAccount(userId: string) {
  return withAuthTx((tx) =>
    tx.one<{ email: string; name: string | null; locale: string | null; encrypted_password: string | null }>(
      `select email, raw_user_meta_data ->> 'name' as name, raw_user_meta_data ->> 'locale' as locale, encrypted_password
       from auth.users where id = $1 and deleted_at is null`,
      [userId],
    ),
  );
}

export async function saveProfile(userId: string, profile: { name: string; locale: string }): Promise<void> {
  await withAuthTx((tx) =>
    tx.query(
      `update auth.users
       set raw_user_meta_data = coalesce(raw_user_meta_data, '{}') || jsonb_build_object('name', $2::text, 'locale', $3::text),
           updated_at = now()
       where id = $1`,
      [userId, profile.name, profile.locale],
    ),
  );
}

const SET_PASSWORD_HASH = 'update auth.users set encrypted_password = $2, updated_at = now() where id = $1';

/** A new password, and every other session ended, in one transaction: no window with both. */
export async function replacePassword(userId: string, password: string, keepSession: string): Promise<void> {
  const hashed = await hashPassword(password);
  await withAuthTx(async (tx) => {
    await tx.query(SET_PASSWORD_HASH, [userId, hashed]);
    await tx.query('delete from auth.sessions where user_id = $1 and id <> $2', [userId, keepSession]);
  });
}

/** The same password under a new hash (a legacy argon2 one, or a lower cost); sessions stay. */
export async function rehashPassword(userId: string, password: string): Promise<void> {
  const hashed = await hashPassword(password);
  await withAuthTx((tx) => tx.query(SET_PASSWORD_HASH, [userId, hashed]));
}
