import { parse, serialize } from 'cookie';
import { SignJWT, jwtVerify } from 'jose';

export const SESSION_COOKIE = 'bb_session';
export const SESSION_HOURS = 12;

/** A session is an HS256-signed JWT in an httpOnly, SameSite=Lax cookie; jose does the cryptography. */
export function sessionCookies(secret: Uint8Array, options: { secure: boolean }) {
  const attrs = { httpOnly: true, sameSite: 'lax' as const, path: '/', secure: options.secure };

  return {
    async issue(userId: string, email: string): Promise<string> {
      const token = await new SignJWT({ email, role: 'authenticated' })
        .setProtectedHeader({ alg: 'HS256' })
        .setSubject(userId)
        .setAudience('authenticated')
        .setIssuedAt()
        .setExpirationTime(`${SESSION_HOURS}h`)
        .sign(secret);
      return serialize(SESSION_COOKIE, token, { ...attrs, maxAge: SESSION_HOURS * 3600 });
    },

    clear(): string {
      return serialize(SESSION_COOKIE, '', { ...attrs, maxAge: 0 });
    },

    async read(request: Request): Promise<{ sub: string; email: string } | null> {
      const token = parse(request.headers.get('cookie') ?? '')[SESSION_COOKIE];
      if (!token) return null;
      try {
        const { payload } = await jwtVerify(token, secret, { algorithms: ['HS256'], audience: 'authenticated' });
        if (typeof payload.sub !== 'string' || typeof payload.email !== 'string') return null;
        return { sub: payload.sub, email: payload.email };
      } catch {
        return null;
      }
    },
  };
}
