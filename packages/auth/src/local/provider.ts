import { DatabaseUnavailableError, withPrivilegedTx } from '@brobygger/db';
import { claimsFor, MIN_PASSWORD_LENGTH, type AuthProvider, type Session } from '../types.ts';
import { dummyHash, verifyPassword } from './passwords.ts';
import { clearFailures, isRateLimited, recordFailure } from './rate-limit.ts';
import { sessionCookies } from './session-cookie.ts';
import { findUserByEmail, insertUser } from './users.ts';

const session = (userId: string, email: string): Session => ({ userId, email, claims: claimsFor(userId, email) });
const withCookie = (cookie: string) => new Headers({ 'Set-Cookie': cookie });

/** Identifies the client for rate limiting; the app's server sets it from the socket. */
export const CLIENT_ADDRESS_HEADER = 'x-brobygger-client-address';

export function createLocalProvider(opts: { secret: Uint8Array; secureCookies: boolean }): AuthProvider {
  const cookies = sessionCookies(opts.secret, { secure: opts.secureCookies });

  return {
    kind: 'local',

    async getSession(request) {
      const found = await cookies.read(request);
      return { session: found ? session(found.sub, found.email) : null, headers: new Headers() };
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
          await recordFailure(email, address);
          return { ok: false, reason: 'invalid_credentials' };
        }
        await clearFailures(email);
        await withPrivilegedTx('auth', (tx) =>
          tx.query('update auth.users set last_sign_in_at = now() where id = $1', [user.id]),
        );
        return { ok: true, headers: withCookie(await cookies.issue(user.id, user.email)), session: session(user.id, user.email) };
      } catch (error) {
        if (error instanceof DatabaseUnavailableError) return { ok: false, reason: 'unavailable' };
        throw error;
      }
    },

    async signUp(_request, input) {
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
      return { ok: true, headers: withCookie(await cookies.issue(id, email)), session: session(id, email) };
    },

    async signOut() {
      return withCookie(cookies.clear());
    },
  };
}
