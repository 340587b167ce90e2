import { PASSWORD_RESET_MINUTES } from './policy.ts';

/**
 * How a session began, as Supabase Auth records it in the access token's `amr` claim (RFC 8176's
 * "authentication methods references"): a list of `{ method, timestamp }`, timestamp in seconds.
 * The local provider writes the same claim into its session cookie.
 */
export type AuthMethodReference = { method: string; timestamp: number };

/** The methods by which a sign-in link (e-mailed one-time token) signs someone in. */
const LINK_METHODS = new Set(['otp', 'magiclink', 'recovery']);

/**
 * Until when the session may set a new password without the current one: PASSWORD_RESET_MINUTES
 * after a sign-in by link, or null when it began otherwise or that time has passed.
 */
export function passwordResetUntil(amr: unknown, now: Date = new Date()): Date | null {
  if (!Array.isArray(amr)) return null;
  const linkedAt = amr
    .filter((a): a is AuthMethodReference => LINK_METHODS.has(a?.method) && typeof a?.timestamp === 'number')
    .reduce((latest, a) => Math.max(latest, a.timestamp), -Infinity);
  if (!Number.isFinite(linkedAt)) return null;
  const until = new Date((linkedAt + PASSWORD_RESET_MINUTES * 60) * 1000);
  return until > now ? until : null;
}
