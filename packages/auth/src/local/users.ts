import { SUPABASE_USER_FILL, withAuthTx, type Tx } from '@brobygger/db';
import { hashPassword } from './passwords.ts';

/**
 * The local provider's user store is `auth.users`, the same table Supabase Auth owns, so the
 * schema's foreign keys mean the same thing in both modes. The rows it writes are complete
 * Supabase Auth users (decision 032): a later move to Supabase Auth finds every column it reads,
 * the token columns holding '' (Supabase Auth scans them into Go strings, which NULL fails).
 */

export async function insertUser(
  tx: Tx,
  user: { email: string; password: string; name: string },
  /** Unconfirmed: the address is confirmed later by a link, and `metadata` is kept with the name. */
  unconfirmed?: { metadata: Record<string, unknown> },
): Promise<string> {
  const row = await tx.one<{ id: string }>(
    `insert into auth.users (id, email, encrypted_password, email_confirmed_at, raw_user_meta_data, raw_app_meta_data,
                             ${SUPABASE_USER_FILL.columns})
     values (gen_random_uuid(), $1, $2, case when $4::jsonb is null then now() end,
             coalesce($4::jsonb, '{}') || jsonb_build_object('name', $3::text),
             '{"provider":"email","providers":["email"]}', ${SUPABASE_USER_FILL.values})
     returning id`,
    [
      user.email.toLowerCase(),
      await hashPassword(user.password),
      user.name,
      unconfirmed ? JSON.stringify(unconfirmed.metadata) : null,
    ],
  );
  return row!.id;
}

export async function findUserByEmail(email: string) {
  return withAuthTx((tx) =>
    tx.one<{ id: string; email: string; encrypted_password: string | null; locale: string | null; confirmed: boolean }>(
      `select id, email, encrypted_password, raw_user_meta_data ->> 'locale' as locale,
              email_confirmed_at is not null as confirmed
       from auth.users where email = $1 and deleted_at is null`,
      [email.toLowerCase()],
    ),
  );
}
