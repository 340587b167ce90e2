import type { Claims } from '@brobygger/db';

/** `locale`: the interface language the account chose, when it chose one (applied at sign-in). */
export type Session = {
  userId: string;
  email: string;
  claims: Claims;
  locale?: string;
  /**
   * Set by `readSession`: the server-side session the request must still prove live, as the first
   * statement of its own RLS transaction (`withRls`'s `liveSession`), instead of in one of its own.
   */
  liveSession?: string;
};

/** Signed in (with the Set-Cookie headers to send), or why not. */
type Outcome<Reason extends string> = { ok: true; headers: Headers; session: Session } | { ok: false; reason: Reason };

/** Too many attempts: try again after `retryAfterSeconds` (when the provider knows), or use a sign-in link. */
export type RateLimited = { ok: false; reason: 'rate_limited'; retryAfterSeconds?: number };

/** `email_not_confirmed`: the password is right, but the sign-up's confirmation link was not followed yet. */
export type SignInResult = Outcome<'invalid_credentials' | 'email_not_confirmed' | 'unavailable'> | RateLimited;

/**
 * Asking for a sign-in link. `ok` whether or not the address has an account, so the answer does
 * not tell who has one. `issue` is set when the provider leaves the link to the app (local): the
 * app queues it, and later calls `issueSignInLink` for the address, which finds out whether an
 * account has it. Supabase Auth mails its own (`issue: null`).
 */
export type LinkRequestResult =
  { ok: true; issue: { email: string } | null } | { ok: false; reason: 'unavailable' } | RateLimited;

/** The link to mail, or null when no account has the address. */
export type IssuedLink = { to: string; link: string } | null;

export type LinkSignInResult = Outcome<'link_invalid' | 'unavailable'>;

export type SignUpResult = Outcome<'email_taken' | 'weak_password' | 'confirmation_required' | 'unavailable'>;

/**
 * An account created to be confirmed by a link (sign-up without an invitation). `issue` as for
 * sign-in links: the local provider leaves the mail to the app's queue; Supabase Auth mails its own.
 */
export type RegisterResult =
  | { ok: true; issue: { email: string } | null }
  | { ok: false; reason: 'email_taken' | 'weak_password' | 'unavailable' }
  | RateLimited;

/** What a person gives when signing up; `data` is kept on the account (the workspace asked for). */
export type Registration = {
  email: string;
  password: string;
  name: string;
  locale: string;
  data: Record<string, unknown>;
};

/**
 * The signed-in person's own account. `locale` is the interface language they chose (null: never
 * chose). `passwordResetUntil`: until when a new password may be set without the current one,
 * because they signed in by link a moment ago; null otherwise.
 */
export type Account = {
  userId: string;
  email: string;
  name: string;
  locale: string | null;
  passwordResetUntil: Date | null;
};

/** A change to one's own account: done (with any Set-Cookie headers), or why not. */
type Change<Reason extends string> = { ok: true; headers: Headers } | { ok: false; reason: Reason };

export type ProfileChangeResult = Change<'signed_out' | 'unavailable'>;

/**
 * `wrong_password`: the current password did not match. `current_password_required`: none was
 * given, and the sign-in by link is too long ago (or was no link) to change it without one.
 * `same_password`: the new one is the old one.
 */
export type PasswordChangeResult =
  | Change<
      'signed_out' | 'wrong_password' | 'current_password_required' | 'weak_password' | 'same_password' | 'unavailable'
    >
  | RateLimited;

/**
 * The signed-in person's password, asked again before a step that cannot be undone (deleting the
 * account). Counted against the same limit as a password change.
 */
export type PasswordCheckResult =
  { ok: true; userId: string } | { ok: false; reason: 'signed_out' | 'wrong_password' | 'unavailable' } | RateLimited;

/** One of the person's sessions (a signed-in browser), for "where am I signed in". */
export type SessionInfo = {
  id: string;
  createdAt: Date;
  lastSeenAt: Date;
  userAgent: string | null;
  /** The session this request comes from. */
  current: boolean;
};

/**
 * Sign-in as the app sees it, whichever service does it. Every method takes the incoming request
 * and returns the headers (Set-Cookie) to send back; none trusts a session it has not verified.
 */
export interface AuthProvider {
  readonly kind: 'local' | 'supabase';
  getSession(request: Request): Promise<{ session: Session | null; headers: Headers }>;
  /**
   * The request's session as its cookie states it, without a database round trip; the session's
   * `liveSession` is then proved live inside the request's own transaction. A provider without it
   * is asked `getSession`.
   */
  readSession?(request: Request): Promise<{ session: Session | null; headers: Headers }>;
  signInWithPassword(request: Request, email: string, password: string): Promise<SignInResult>;
  /** Creates an account; the app only offers this to someone holding a valid invitation. */
  signUp(request: Request, input: { email: string; password: string; name: string }): Promise<SignUpResult>;
  /**
   * Creates an account that cannot sign in until its address is confirmed by following a link to
   * `confirmUrl?token_hash=...` (decision 028). Rate-limited like sign-in links: each is a mail.
   */
  register(request: Request, input: Registration, confirmUrl: string): Promise<RegisterResult>;
  signOut(request: Request): Promise<Headers>;
  /**
   * Sends (or hands the app) a single-use link that signs in without the password: how someone
   * who forgot it gets back in. The link leads to `confirmUrl?token_hash=...`.
   */
  requestSignInLink(request: Request, email: string, confirmUrl: string): Promise<LinkRequestResult>;
  /**
   * Local provider only: makes the single-use link that `requestSignInLink` left to the app,
   * leading to `confirmUrl?token_hash=...`. Runs outside the request (the app's job queue).
   */
  issueSignInLink?(email: string, confirmUrl: string): Promise<IssuedLink>;
  /** Signs in with the `token_hash` of a sign-in link; it works once, within its lifetime. */
  signInWithLink(request: Request, tokenHash: string): Promise<LinkSignInResult>;

  /** The account of the request's session; null when signed out. */
  getAccount(request: Request): Promise<Account | null>;
  updateProfile(request: Request, profile: { name: string; locale: string }): Promise<ProfileChangeResult>;
  /**
   * Sets a new password and ends the user's other sessions; this one stays signed in. Needs the
   * current password, unless the session began with a sign-in link at most
   * PASSWORD_RESET_MINUTES ago (`currentPassword` null).
   */
  changePassword(
    request: Request,
    input: { currentPassword: string | null; newPassword: string },
  ): Promise<PasswordChangeResult>;
  /** Whether `password` is the signed-in person's own (see PasswordCheckResult). */
  confirmPassword(request: Request, password: string): Promise<PasswordCheckResult>;
  /** The user's live sessions, newest first; null when the provider cannot list them (Supabase Auth). */
  listSessions(request: Request): Promise<SessionInfo[] | null>;
  /** Ends every session of the user, this one included, and clears the cookie. */
  signOutEverywhere(request: Request): Promise<Headers>;
}

export { MIN_PASSWORD_LENGTH } from './policy.ts';

export function claimsFor(userId: string, email: string): Claims {
  return { sub: userId, email, role: 'authenticated', aud: 'authenticated' };
}
