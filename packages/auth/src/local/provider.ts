import { DatabaseUnavailableError, withPrivilegedTx } from '@brobygger/db';
import { claimsFor, MIN_PASSWORD_LENGTH, type AuthProvider, type Session } from '../types.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { clearFailures, isRateLimited, LINK_LIMIT, recordAttempt } from './rate-limit.ts';
import { SESSION_HOURS, sessionCookies } from './session-cookie.ts';
import { endSession, isLive, startSession } from './sessions.ts';
import { issueLinkToken, redeemLinkToken } from './sign-in-links.ts';
import { findUserByEmail, insertUser } from './users.ts';

const session = (userId: string, email: string): Session => ({ userId, email, claims: claimsFor(userId, email) });
const withCookie = (cookie: string) => new Headers({ 'Set-Cookie': cookie });

/** Identifies the client for rate limiting; the app's server sets it from the socket. */
export const CLIENT_ADDRESS_HEADER = 'x-brobygger-client-address';

export function createLocalProvider(opts: { secret: Uint8Array; secureCookies: boolean }): AuthProvider {
  const cookies = sessionCookies(opts.secret, { secure: opts.secureCookies });

  /** A new server-side session and the cookie that carries it. */
  async function begin(request: Request, userId: string, email: string): Promise<Headers> {
    const sessionId = await startSession(userId, SESSION_HOURS, request.headers.get('user-agent'));
    return withCookie(await cookies.issue(userId, email, sessionId));
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
      const address = request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
      try {
        if (await isRateLimited(email, address)) return { ok: false, reason: 'rate_limited' };
        const user = await findUserByEmail(email);
        // Verify against a dummy hash for unknown e-mails so timing does not reveal who has an account.
        const ok = user?.encrypted_password
          ? await verifyPassword(user.encrypted_password, password)
          : (await verifyPassword(await dummyHash(), password), false);
        if (!user || !ok) {
          await recordAttempt(email, address);
          return { ok: false, reason: 'invalid_credentials' };
        }
        await clearFailures(email);
        await withPrivilegedTx('auth', (tx) =>
          tx.query('update auth.users set last_sign_in_at = now() where id = $1', [user.id]),
        );
        return { ok: true, headers: await begin(request, user.id, user.email), session: session(user.id, user.email) };
      } catch (error) {
        if (error instanceof DatabaseUnavailableError) return { ok: false, reason: 'unavailable' };
        throw error;
      }
    },

    async signUp(request, input) {
      const email = input.email.trim().toLowerCase();
      if (input.password.length < MIN_PASSWORD_LENGTH) return { ok: false, reason: 'weak_password' };
      let id: string | null;
      try {
        id = await withPrivilegedTx('auth', async (tx) => {
          const taken = await tx.one('select 1 from auth.users where email = $1', [email]);
          return taken ? null : insertUser(tx, { ...input, email });
        });
      } catch (error) {
        if (error instanceof DatabaseUnavailableError) return { ok: false, reason: 'unavailable' };
        // Two sign-ups racing for one address: the loser hits the unique index.
        if ((error as { code?: string }).code === '23505') return { ok: false, reason: 'email_taken' };
        throw error;
      }
      if (!id) return { ok: false, reason: 'email_taken' };
      try {
        return { ok: true, headers: await begin(request, id, email), session: session(id, email) };
      } catch (error) {
        if (error instanceof DatabaseUnavailableError) return { ok: false, reason: 'unavailable' };
        throw error;
      }
    },

    async requestSignInLink(request, rawEmail, confirmUrl) {
      const email = rawEmail.trim().toLowerCase();
      const address = request.headers.get(CLIENT_ADDRESS_HEADER) ?? 'unknown';
      try {
        if (await isRateLimited(email, address, LINK_LIMIT)) return { ok: false, reason: 'rate_limited' };
        await recordAttempt(email, address, LINK_LIMIT);
        const token = await issueLinkToken(email);
        const url = new URL(confirmUrl);
        if (token) url.searchParams.set('token_hash', token);
        return { ok: true, mail: token ? { to: email, link: url.toString() } : null };
      } catch (error) {
        if (error instanceof DatabaseUnavailableError) return { ok: false, reason: 'unavailable' };
        throw error;
      }
    },

    async signInWithLink(request, token) {
      try {
        const user = token ? await redeemLinkToken(token) : null;
        if (!user) return { ok: false, reason: 'link_invalid' };
        await clearFailures(user.email);
        return { ok: true, headers: await begin(request, user.id, user.email), session: session(user.id, user.email) };
      } catch (error) {
        if (error instanceof DatabaseUnavailableError) return { ok: false, reason: 'unavailable' };
        throw error;
      }
    },

    /** Ends the session on the server too; the cookie is cleared even when that fails. */
    async signOut(request) {
      const found = await cookies.read(request);
      if (found) await endSession(found.sessionId).catch(() => undefined);
      return withCookie(cookies.clear());
    },
  };
}
