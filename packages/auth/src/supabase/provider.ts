import { createServerClient, parseCookieHeader, serializeCookieHeader } from '@supabase/ssr';
import { isAuthRetryableFetchError, type AuthError, type WebSocketLikeConstructor } from '@supabase/supabase-js';
import { claimsFor, MIN_PASSWORD_LENGTH, type AuthProvider, type Session } from '../types.ts';

/**
 * The server never opens a Realtime socket, but supabase-js builds its Realtime client eagerly and
 * throws on Node 20, which has no global WebSocket. A transport that refuses to connect satisfies it.
 */
const NO_REALTIME = class {
  constructor() {
    throw new Error('Realtime is not used by the server-side Supabase client');
  }
} as unknown as WebSocketLikeConstructor;

/** An unreachable server is a retryable fetch error with status 0, not a wrong password. */
const isUnavailable = (error: AuthError) => isAuthRetryableFetchError(error) || (error.status ?? 500) >= 500;

/**
 * Supabase Auth through its official SDK. The session lives in Supabase's own cookies; every
 * request's user is confirmed with `auth.getUser()`, which asks the Auth server, so a forged or
 * revoked cookie never becomes claims for row-level security.
 */
/**
 * How long the session cookies live. @supabase/ssr's default is 400 days; Supabase refreshes
 * the cookie while someone keeps working, so a bound only ends sessions left alone that long.
 */
export const SUPABASE_COOKIE_HOURS = 12;

export function createSupabaseProvider(opts: { url: string; key: string; secureCookies?: boolean }): AuthProvider {
  function clientFor(request: Request) {
    const headers = new Headers();
    const supabase = createServerClient(opts.url, opts.key, {
      realtime: { transport: NO_REALTIME },
      // The browser never reads Supabase's session cookies; only this server does.
      cookieOptions: {
        httpOnly: true,
        sameSite: 'lax',
        path: '/',
        secure: opts.secureCookies ?? false,
      },
      cookies: {
        getAll: () =>
          parseCookieHeader(request.headers.get('cookie') ?? '').map((c) => ({ name: c.name, value: c.value ?? '' })),
        setAll: (cookies, cacheHeaders) => {
          for (const { name, value, options } of cookies) {
            // @supabase/ssr always asks for its 400-day default (it ignores cookieOptions.maxAge).
            const maxAge = Math.min(options.maxAge ?? Infinity, SUPABASE_COOKIE_HOURS * 3600);
            headers.append('Set-Cookie', serializeCookieHeader(name, value, { ...options, maxAge }));
          }
          for (const [name, value] of Object.entries(cacheHeaders ?? {})) headers.set(name, String(value));
        },
      },
    });
    return { supabase, headers };
  }

  const toSession = (user: { id: string; email?: string | undefined }): Session => ({
    userId: user.id,
    email: user.email ?? '',
    claims: claimsFor(user.id, user.email ?? ''),
  });

  return {
    kind: 'supabase',

    async getSession(request) {
      const { supabase, headers } = clientFor(request);
      const { data, error } = await supabase.auth.getUser();
      return { session: error || !data.user ? null : toSession(data.user), headers };
    },

    async signInWithPassword(request, email, password) {
      const { supabase, headers } = clientFor(request);
      const { data, error } = await supabase.auth.signInWithPassword({ email: email.trim().toLowerCase(), password });
      if (error || !data.user) {
        if (error?.status === 429) return { ok: false, reason: 'rate_limited' };
        if (error && isUnavailable(error)) return { ok: false, reason: 'unavailable' };
        return { ok: false, reason: 'invalid_credentials' };
      }
      return { ok: true, headers, session: toSession(data.user) };
    },

    async signUp(request, input) {
      if (input.password.length < MIN_PASSWORD_LENGTH) return { ok: false, reason: 'weak_password' };
      const { supabase, headers } = clientFor(request);
      const { data, error } = await supabase.auth.signUp({
        email: input.email.trim().toLowerCase(),
        password: input.password,
        options: { data: { name: input.name } },
      });
      if (error) {
        if (error.code === 'user_already_exists' || error.code === 'email_exists')
          return { ok: false, reason: 'email_taken' };
        if (error.code === 'weak_password') return { ok: false, reason: 'weak_password' };
        return { ok: false, reason: 'unavailable' };
      }
      if (!data.session || !data.user) return { ok: false, reason: 'confirmation_required' };
      return { ok: true, headers, session: toSession(data.user) };
    },

    /**
     * Supabase Auth mails the link itself, from its "Magic Link" template, which must point at
     * `{{ .SiteURL }}/auth/confirm?token_hash={{ .TokenHash }}` (see README). Never creates users.
     */
    async requestSignInLink(request, email, confirmUrl) {
      const { supabase } = clientFor(request);
      const { error } = await supabase.auth.signInWithOtp({
        email: email.trim().toLowerCase(),
        options: { shouldCreateUser: false, emailRedirectTo: confirmUrl },
      });
      if (error?.status === 429) return { ok: false, reason: 'rate_limited' };
      if (error && isUnavailable(error)) return { ok: false, reason: 'unavailable' };
      // Any other refusal (no such user, sign-ups off) looks like success: no hint who has an account.
      return { ok: true, mail: null };
    },

    async signInWithLink(request, tokenHash) {
      if (!tokenHash) return { ok: false, reason: 'link_invalid' };
      const { supabase, headers } = clientFor(request);
      const { data, error } = await supabase.auth.verifyOtp({ type: 'email', token_hash: tokenHash });
      if (error && isUnavailable(error)) return { ok: false, reason: 'unavailable' };
      if (error || !data.user || !data.session) return { ok: false, reason: 'link_invalid' };
      return { ok: true, headers, session: toSession(data.user) };
    },

    async signOut(request) {
      const { supabase, headers } = clientFor(request);
      await supabase.auth.signOut();
      return headers;
    },
  };
}
