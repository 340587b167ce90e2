import { DatabaseUnavailableError, withAuthTx } from '@brobygger/db';
import { MAX_EMAIL_LENGTH, MAX_PASSWORD_LENGTH } from '../policy.ts';
import { claimsFor, MIN_PASSWORD_LENGTH, type AuthProvider, type Session } from '../types.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { admitAttempt, forgiveSuccess, LINK_LIMIT } from './rate-limit.ts';
import { SESSION_HOURS, sessionCookies } from './session-cookie.ts';
import { endSession, isLive, startSession } from './sessions.ts';
import { issueLinkToken, redeemLinkToken } from './sign-in-links.ts';
import { findUserByEmail, insertUser } from './users.ts';

const session = (userId: string, email: string): Session => ({ userId, email, claims: claimsFor(userId, email) });
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

  /** Signs the user in: a new server-side session, and the cookie that carries it. */
  async function begin(request: Request, userId: string, email: string) {
    const sessionId = await startSession(userId, SESSION_HOURS, request.headers.get('user-agent'));
    const headers = withCookie(await cookies.issue(userId, email, sessionId));
    return { ok: true as const, headers, session: session(userId, email) };
  }

  return {
    kind: 'local',

    /** Throws DatabaseUnavailableError when the session cannot be checked; the app answers 503. */
    async getSession(request) {
      const found = await cookies.read(request);
      if (!found || !(await isLive(found.sessionId, found.sub))) return { session: null, headers: new Headers() };
      return { session: session(found.sub, found.email), headers: new Headers() };
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
        await forgiveSuccess(email, address);
        return begin(request, user.id, user.email);
      });
    },

    async signUp(request, input) {
      const email = input.email.trim().toLowerCase();
      if (input.password.length < MIN_PASSWORD_LENGTH || input.password.length > MAX_PASSWORD_LENGTH) {
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
        return id ? begin(request, id, email) : ({ ok: false, reason: 'email_taken' } as const);
      });
    },

    async requestSignInLink(request, rawEmail, confirmUrl) {
      const email = rawEmail.trim().toLowerCase();
      const address = clientAddress(request);
      return orUnavailable(async () => {
        const admitted = await admitAttempt(email, address, LINK_LIMIT);
        if (!admitted.ok)
          return { ok: false, reason: 'rate_limited', retryAfterSeconds: admitted.retryAfterSeconds } as const;
        const token = await issueLinkToken(email);
        if (!token) return { ok: true, mail: null } as const;
        const url = new URL(confirmUrl);
        url.searchParams.set('token_hash', token);
        return { ok: true, mail: { to: email, link: url.toString() } } as const;
      });
    },

    async signInWithLink(request, token) {
      return orUnavailable(async () => {
        const user = token ? await redeemLinkToken(token) : null;
        if (!user) return { ok: false, reason: 'link_invalid' } as const;
        // The link proves who it is: the password attempts against the account are forgiven.
        await forgiveSuccess(user.email);
        return begin(request, user.id, user.email);
      });
    },

    /** Ends the session on the server too; the cookie is cleared even when that fails. */
    async signOut(request) {
      const found = await cookies.read(request);
      if (found) await endSession(found.sessionId).catch(() => undefined);
      return withCookie(cookies.clear());
    },
  };
}
