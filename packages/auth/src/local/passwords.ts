import { verify as verifyArgon2 } from '@node-rs/argon2';
import bcrypt from 'bcryptjs';
import { MAX_PASSWORD_LENGTH, MIN_PASSWORD_LENGTH } from '../policy.ts';

/**
 * Password hashes in the format Supabase Auth reads (bcrypt, `$2b$`), so that local accounts keep
 * their passwords after a move to Supabase Auth (decision 032). Cost 10, GoTrue's own: bcryptjs
 * is pure JavaScript (no native build) and runs on the event loop's thread pool-less main thread,
 * so each step up doubles the time a sign-in holds a CPU.
 */
const COST = 10;

export const hashPassword = (password: string) => bcrypt.hash(password, COST);

/**
 * Long enough, and short enough for bcrypt to read all of it: 72 bytes, which letters such as
 * æ, ø and å (two bytes each) reach before 72 characters.
 */
export const acceptableNewPassword = (password: string) =>
  password.length >= MIN_PASSWORD_LENGTH && password.length <= MAX_PASSWORD_LENGTH && !bcrypt.truncates(password);

/** Hashes from before decision 032 (argon2id), read until their next successful sign-in. */
const isLegacyHash = (stored: string) => stored.startsWith('$argon2');

/** Verifies without throwing on a malformed stored hash. */
export async function verifyPassword(stored: string | null | undefined, password: string): Promise<boolean> {
  if (!stored) return false;
  try {
    return isLegacyHash(stored) ? await verifyArgon2(stored, password) : await bcrypt.compare(password, stored);
  } catch {
    return false;
  }
}

/** Whether a hash that just verified should be replaced by one in today's format and cost. */
export function needsRehash(stored: string): boolean {
  if (isLegacyHash(stored)) return true;
  try {
    return bcrypt.getRounds(stored) < COST;
  } catch {
    return true;
  }
}

// Verified against when the e-mail is unknown, so a wrong e-mail and a wrong password take equally long.
let dummy: Promise<string> | undefined;
export const dummyHash = () => (dummy ??= hashPassword('not-a-real-password-just-timing'));
