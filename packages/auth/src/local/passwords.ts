import { verify as verifyArgon2 } from '@node-rs/argon2';
import { hash as bcryptHash, verify as verifyBcrypt } from '@node-rs/bcrypt';
import { fitsPasswordHash, MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../policy.ts';

/**
 * Password hashes in the format Supabase Auth reads (bcrypt, `$2b$`), so that local accounts keep
 * their passwords after a move to Supabase Auth (decision 032). Cost 10, GoTrue's own. The
 * library is the bcrypt sibling of the argon2 one used before: prebuilt, and hashing off the
 * event loop, so a sign-in does not stall other requests.
 */
const COST = 10;

export const hashPassword = (password: string) => bcryptHash(password, COST);

/** Long enough, and short enough for bcrypt to read all of it. */
export const acceptableNewPassword = (password: string) =>
  password.length >= MIN_PASSWORD_LENGTH && password.length <= MAX_PASSWORD_LENGTH && fitsPasswordHash(password);

/** Hashes from before decision 032 (argon2id), read until their next successful sign-in. */
const isLegacyHash = (stored: string) => stored.startsWith('$argon2');

/** The cost of a bcrypt hash (`$2b$10$...`), or null when it is not one. */
export const bcryptCost = (stored: string): number | null => {
  const match = /^\$2[abxy]\$(\d\d)\$/.exec(stored);
  return match ? Number(match[1]) : null;
};

/** Verifies without throwing on a malformed stored hash. */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return isLegacyHash(stored) ? await verifyArgon2(stored, password) : await verifyBcrypt(password, stored);
  } catch {
    return false;
  }
}

/** Whether a hash that just verified should be replaced by one in today's format and cost. */
export const needsRehash = (stored: string) => (bcryptCost(stored) ?? 0) < COST;

// Verified against when the e-mail is unknown, so a wrong e-mail and a wrong password take equally long.
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword('not-a-real-password-just-timing'));
