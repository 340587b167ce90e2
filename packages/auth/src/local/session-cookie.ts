import { parse, serialize } from 'cookie';
import { SignJWT, jwtVerify } from 'jose';
import type { AuthMethodReference } from '../reset-window.ts';
import { VerifiedTokens } from '../verified-tokens.ts';

export const SESSION_COOKIE = 'bb_session';
export const SESSION_HOURS = 12;

/**
 * A session is an HS256-signed JWT in an httpOnly, SameSite=Lax cookie; jose does the
 * cryptography. It names the server-side session (`session_id`, as in Supabase's tokens), which
 * the provider checks is still live, and how it began (`amr`, as in Supabase's tokens): a sign-in
 * link opens a short window for setting a new password without the current one.
 */
export function sessionCookies(secret: Uint8Array, options: { secure: boolean }) {
  // jose turns a raw secret into a CryptoKey on every call; every request reads the cookie, so
  // the key is imported once. (Not extractable: nothing can read the secret back out of it.)
  const key = crypto.subtle.importKey('raw', new Uint8Array(secret), { name: 'HMAC', hash: 'SHA-256' }, false, [
    'sign',
    'verify',
  ]);
  key.catch(() => {}); // a bad secret fails where the key is used, not as an unhandled rejection
  const attrs = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: options.secure };
  type Session = { sub: string; email: string; sessionId: string; amr: AuthMethodReference[] };
  const verified = new VerifiedTokens<Session>();
  // Each caller gets its own copy: the remembered one is shared by every request with this cookie.
  const copyOf = (session: Session): Session => ({ ...session, amr: [...session.amr] });

  return {
    async issue(userId: string, email: string, sessionId: string, amr: AuthMethodReference[]): Promise<string> {
      const token = await new SignJWT({ email, role: 'authenticated', session_id: sessionId, amr })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(userId)
        .setAudience('authenticated')
        .setIssuedAt()
        .setExpirationTime(`${SESSION_HOURS}h`)
        .sign(await key);
      return serialize(SESSION_COOKIE, token, { ...attrs, maxAge: SESSION_HOURS * 3600 });
    },

    clear(): string {
      return serialize(SESSION_COOKIE, '', { ...attrs, maxAge: 0 });
    },

    async read(request: Request): Promise<Session | null> {
      const token = parse(request.headers.get('cookie') ?? '')[SESSION_COOKIE];
      if (!token) return null;
      const known = verified.get(token);
      if (known) return copyOf(known);
      try {
        const { payload } = await jwtVerify(token, await key, { algorithms: ['HS256'], audience: 'authenticated' });
        const { sub, email, session_id: sessionId, amr, exp } = payload;
        if (typeof sub !== 'string' || typeof email !== 'string' || typeof sessionId !== 'string') return null;
        const session = { sub, email, sessionId, amr: Array.isArray(amr) ? (amr as AuthMethodReference[]) : [] };
        // Every token this module issues expires; one without `exp` is checked every time.
        if (typeof exp === 'number') verified.set(token, copyOf(session), exp * 1000);
        return session;
      } catch {
        return null;
      }
    },
  };
}
