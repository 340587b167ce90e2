import type { Claims } from '@brobygger/db';

export type Session = { userId: string; email: string; claims: Claims };

/** Signed in (with the Set-Cookie headers to send), or why not. */
type Outcome<Reason extends string> = { ok: true; headers: Headers; session: Session } | { ok: false; reason: Reason };

/** Too many attempts: try again after `retryAfterSeconds` (when the provider knows), or use a sign-in link. */
export type RateLimited = { ok: false; reason: 'rate_limited'; retryAfterSeconds?: number };

export type SignInResult = Outcome<'invalid_credentials' | 'unavailable'> | RateLimited;

/**
 * Asking for a sign-in link. `ok` whether or not the address has an account, so the answer does
 * not tell who has one. `mail` is the link for the app to send when the provider leaves mailing
 * to the app (local); Supabase Auth mails its own.
 */
export type LinkRequestResult =
  { ok: true; mail: { to: string; link: string } | null } | { ok: false; reason: 'unavailable' } | RateLimited;

export type LinkSignInResult = Outcome<'link_invalid' | 'unavailable'>;

export type SignUpResult = Outcome<'email_taken' | 'weak_password' | 'confirmation_required' | 'unavailable'>;

/**
 * Sign-in as the app sees it, whichever service does it. Every method takes the incoming request
 * and returns the headers (Set-Cookie) to send back; none trusts a session it has not verified.
 */
export interface AuthProvider {
  readonly kind: 'local' | 'supabase';
  getSession(request: Request): Promise<{ session: Session | null; headers: Headers }>;
  signInWithPassword(request: Request, email: string, password: string): Promise<SignInResult>;
  /** Creates an account; the app only offers this to someone holding a valid invitation. */
  signUp(request: Request, input: { email: string; password: string; name: string }): Promise<SignUpResult>;
  signOut(request: Request): Promise<Headers>;
  /**
   * Sends (or hands the app) a single-use link that signs in without the password: how someone
   * who forgot it gets back in. The link leads to `confirmUrl?token_hash=...`.
   */
  requestSignInLink(request: Request, email: string, confirmUrl: string): Promise<LinkRequestResult>;
  /** Signs in with the `token_hash` of a sign-in link; it works once, within its lifetime. */
  signInWithLink(request: Request, tokenHash: string): Promise<LinkSignInResult>;
}

export { MIN_PASSWORD_LENGTH } from './policy.ts';

export function claimsFor(userId: string, email: string): Claims {
  return { sub: userId, email, role: 'authenticated', aud: 'authenticated' };
}
