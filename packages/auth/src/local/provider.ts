import { DatabaseUnavailableError, withAuthTx } from '@brobygger/db';
import { MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH } from '../policy.ts';
import { passwordResetUntil } from '../reset-window.ts';
import { claimsFor, type AuthProvider, type Session } from '../types.ts';
import { readAccount, rehashPassword, replacePassword, saveProfile } from './account.ts';
import { acceptableNewPassword, dummyHash, needsRehash, verifyPassword } from './passwords.ts';
import { admitAttempt, forgiveSuccess, LINK_LIMIT, PASSWORD_CHANGE_LIMIT, SIGNUP_LIMIT } from './rate-limit.ts';
import { SESSION_HOURS, sessionCookies } from './session-cookie.ts';
import { endSession, endSessionsOf, isLive, sessionsOf, startSession } from './sessions.ts';
import { issueLinkToken, redeemLinkToken } from './sign-in-links.ts';
import { findUserByEmail, insertUser } from './users.ts';

const session = (userId: string, email: string, locale?: string | null): Session => ({
  userId,
  email,
  claims: claimsFor(userId, email),
  ...(locale ? { locale } : {}),
});
const withCookie = (cookie: string) => new Headers({ 'Set-Cookie': cookie });

/** Runs a step that needs the database; the database being down is an answer, not a crash. */
async function orUnavailable<T>(step: () => Promise<T>): Promise<T | { ok: false; reason: 'unavailable' }> {
  try {
    return await step();
  } catch (error) {
    if (error instanceof DatabaseUnavailableError) return { ok: false, reason: 'unavailable' };
    throw error;
  }
}

const clientAddress = (request: Request) => request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';

/** Identifies the client for rate limiting; the app's server sets it from the socket. */
export const CLIENT_ADDRESS_HEADER = 'x-brobygger-client-address';

export function createLocalProvider(opts: { secret: Uint8Array; secureCookies: boolean }): AuthProvider {
  const cookies = sessionCookies(opts.secret, { secure: opts.secureCookies });

  /**
   * Signs the user in: a new server-side session, and the cookie that carries it and says how
   * it began (`password`, or `otp` for a sign-in link).
   */
  async function begin(
    request: Request,
    user: { id: string; email: string; locale?: string | null },
    method: 'password' | 'otp',
  ) {
    const sessionId = await startSession(user.id, SESSION_HOURS, request.headers.get('user-agent'));
    const amr = [{ method, timestamp: Math.floor(Date.now() / 1000) }];
    const headers = withCookie(await cookies.issue(user.id, user.email, sessionId, amr));
    return { ok: true as const, headers, session: session(user.id, user.email, user.locale) };
  }

  /** The request's session cookie, when its session is live. */
  async function liveSession(request: Request) {
    const found = await cookies.read(request);
    return found && (await isLive(found.sessionId, found.sub)) ? found : null;
  }

  /**
   * Why `password` is not accepted as the account's current one, or null when it is. Each try
   * counts against the password-change limit, so a left-open session cannot be used to guess.
   */
  async function refusedPassword(
    request: Request,
    account: { email: string; encrypted_password: string | null },
    password: string,
  ) {
    if (password.length > MAX_PASSWORD_LENGTH) return { ok: false, reason: 'wrong_password' } as const;
    const admitted = await admitAttempt(account.email, clientAddress(request), PASSWORD_CHANGE_LIMIT);
    if (!admitted.ok)
      return { ok: false, reason: 'rate_limited', retryAfterSeconds: admitted.retryAfterSeconds } as const;
    if (!(await verifyPassword(account.encrypted_password, password)))
      return { ok: false, reason: 'wrong_password' } as const;
    return null;
  }

  return {
    kind: 'local',

    /** Throws DatabaseUnavailableError when the session cannot be checked; the app answers 503. */
    async getSession(request) {
      const found = await liveSession(request);
      return { session: found ? session(found.sub, found.email) : null, headers: new Headers() };
    },

    /** Checked by the request's own transaction (app.require_live_session), not here. */
    async readSession(request) {
      const found = await cookies.read(request);
      return {
        session: found ? { ...session(found.sub, found.email), liveSession: found.sessionId } : null,
        headers: new Headers(),
      };
    },

    async signInWithPassword(request, rawEmail, password) {
      const email = rawEmail.trim().toLowerCase();
      const address = clientAddress(request);
      // No account has a longer password or address: refused before any work is done.
      if (password.length > MAX_PASSWORD_LENGTH || email.length > MAX_EMAIL_LENGTH) {
        return { ok: false, reason: 'invalid_credentials' } as const;
      }
      return orUnavailable(async () => {
        const admitted = await admitAttempt(email, address);
        if (!admitted.ok)
          return { ok: false, reason: 'rate_limited', retryAfterSeconds: admitted.retryAfterSeconds } as const;
        const user = await findUserByEmail(email);
        // Verify against a dummy hash for unknown e-mails so timing does not reveal who has an account.
        const ok = user?.encrypted_password
          ? await verifyPassword(user.encrypted_password, password)
          : (await verifyPassword(await dummyHash(), password), false);
        if (!user || !ok) return { ok: false, reason: 'invalid_credentials' } as const;
        // Said only to whoever knows the password: the confirmation link is still to be followed.
        if (!user.confirmed) return { ok: false, reason: 'email_not_confirmed' } as const;
        // A hash from before bcrypt (or at a lower cost) is replaced now, while the password is at hand.
        if (user.encrypted_password && needsRehash(user.encrypted_password)) await rehashPassword(user.id, password);
        await forgiveSuccess(email, address);
        return begin(request, user, 'password');
      });
    },

    async signUp(request, input) {
      const email = input.email.trim().toLowerCase();
      if (!acceptableNewPassword(input.password)) {
        return { ok: false, reason: 'weak_password' };
      }
      return orUnavailable(async () => {
        let id: string | null;
        try {
          id = await withAuthTx(async (tx) => {
            const taken = await tx.one('select 1 from auth.users where email = $1', [email]);
            return taken ? null : insertUser(tx, { ...input, email });
          });
        } catch (error) {
          // Two sign-ups racing for one address: the loser hits the unique index.
          if ((error as { code?: string }).code === '23505') id = null;
          else throw error;
        }
        return id ? begin(request, { id, email }, 'password') : ({ ok: false, reason: 'email_taken' } as const);
      });
    },

    async register(request, input) {
      const email = input.email.trim().toLowerCase();
      if (!acceptableNewPassword(input.password)) {
        return { ok: false, reason: 'weak_password' };
      }
      if (email.length > MAX_EMAIL_LENGTH) return { ok: false, reason: 'email_taken' };
      return orUnavailable(async () => {
        const admitted = await admitAttempt(email, clientAddress(request), SIGNUP_LIMIT);
        if (!admitted.ok)
          return { ok: false, reason: 'rate_limited', retryAfterSeconds: admitted.retryAfterSeconds } as const;
        const metadata = { ...input.data, locale: input.locale };
        try {
          const id = await withAuthTx(async (tx) => {
            const taken = await tx.one('select 1 from auth.users where email = $1', [email]);
            return taken ? null : insertUser(tx, { ...input, email }, { metadata });
          });
          if (!id) return { ok: false, reason: 'email_taken' } as const;
        } catch (error) {
          if ((error as { code?: string }).code === '23505') return { ok: false, reason: 'email_taken' } as const;
          throw error;
        }
        return { ok: true, issue: { email } } as const;
      });
    },

    async requestSignInLink(request, rawEmail) {
      const email = rawEmail.trim().toLowerCase();
      const address = clientAddress(request);
      return orUnavailable(async () => {
        // The same work for every address: admit the attempt, hand the rest to the app's queue.
        const admitted = await admitAttempt(email, address, LINK_LIMIT);
        if (!admitted.ok)
          return { ok: false, reason: 'rate_limited', retryAfterSeconds: admitted.retryAfterSeconds } as const;
        return { ok: true, issue: { email } } as const;
      });
    },

    async issueSignInLink(rawEmail, confirmUrl) {
      const email = rawEmail.trim().toLowerCase();
      const token = await issueLinkToken(email);
      if (!token) return null;
      const url = new URL(confirmUrl);
      url.searchParams.set('token_hash', token);
      return { to: email, link: url.toString() };
    },

    async signInWithLink(request, token) {
      return orUnavailable(async () => {
        const user = token ? await redeemLinkToken(token) : null;
        if (!user) return { ok: false, reason: 'link_invalid' } as const;
        // The link proves who it is: the password attempts against the account are forgiven.
        await forgiveSuccess(user.email);
        return begin(request, user, 'otp');
      });
    },

    /** Ends the session on the server too; the cookie is cleared even when that fails. */
    async signOut(request) {
      const found = await cookies.read(request);
      if (found) await endSession(found.sessionId).catch(() => undefined);
      return withCookie(cookies.clear());
    },

    async getAccount(request) {
      const found = await liveSession(request);
      const account = found ? await readAccount(found.sub) : undefined;
      if (!found || !account) return null;
      return {
        userId: found.sub,
        email: account.email,
        name: account.name ?? '',
        locale: account.locale,
        passwordResetUntil: passwordResetUntil(found.amr),
      };
    },

    async updateProfile(request, profile) {
      return orUnavailable(async () => {
        const found = await liveSession(request);
        if (!found) return { ok: false, reason: 'signed_out' } as const;
        await saveProfile(found.sub, profile);
        return { ok: true, headers: new Headers() } as const;
      });
    },

    async changePassword(request, { currentPassword, newPassword }) {
      if (!acceptableNewPassword(newPassword)) {
        return { ok: false, reason: 'weak_password' };
      }
      return orUnavailable(async () => {
        const found = await liveSession(request);
        const account = found ? await readAccount(found.sub) : undefined;
        if (!found || !account) return { ok: false, reason: 'signed_out' } as const;
        if (currentPassword === null) {
          if (!passwordResetUntil(found.amr)) return { ok: false, reason: 'current_password_required' } as const;
        } else {
          const refused = await refusedPassword(request, account, currentPassword);
          if (refused) return refused;
        }
        if (await verifyPassword(account.encrypted_password, newPassword))
          return { ok: false, reason: 'same_password' } as const;
        await replacePassword(found.sub, newPassword, found.sessionId);
        // The new cookie records a password sign-in: the link's window closes once it is used.
        const amr = [{ method: 'password', timestamp: Math.floor(Date.now() / 1000) }];
        return {
          ok: true,
          headers: withCookie(await cookies.issue(found.sub, found.email, found.sessionId, amr)),
        } as const;
      });
    },

    async confirmPassword(request, password) {
      return orUnavailable(async () => {
        const found = await liveSession(request);
        const account = found ? await readAccount(found.sub) : undefined;
        if (!found || !account) return { ok: false, reason: 'signed_out' } as const;
        return (await refusedPassword(request, account, password)) ?? ({ ok: true, userId: found.sub } as const);
      });
    },

    async listSessions(request) {
      const found = await liveSession(request);
      if (!found) return [];
      return (await sessionsOf(found.sub)).map((s) => ({
        id: s.id,
        createdAt: s.created_at,
        lastSeenAt: s.updated_at,
        userAgent: s.user_agent,
        current: s.id === found.sessionId,
      }));
    },

    /** Only a live session may end the others: an old, signed-out cookie ends nothing. */
    async signOutEverywhere(request) {
      const found = await liveSession(request).catch(() => null);
      if (found) await endSessionsOf(found.sub, null);
      return withCookie(cookies.clear());
    },
  };
}
