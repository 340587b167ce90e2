import { createServerClient, parseCookieHeader, serializeCookieHeader } from '@supabase/ssr';
import {
  createClient,
  isAuthRetryableFetchError,
  type AuthError,
  type User,
  type WebSocketLikeConstructor,
} from '@supabase/supabase-js';
import { MAX_PASSWORD_LENGTH } from '../policy.ts';
import { passwordResetUntil } from '../reset-window.ts';
import { claimsFor, MIN_PASSWORD_LENGTH, type AuthProvider, type Session } from '../types.ts';
import { VerifiedTokens } from '../verified-tokens.ts';

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

/**
 * How long the Auth server's "this token is this user" is taken as given, for the session of an
 * ordinary request (docs/decisions/037). Asking on every request put a round trip to the Auth server
 * in front of every API call. A session ended on another device, a password changed or an account
 * deleted stops working on every process within this time; one signed out here stops at once.
 * (Supabase's own `getClaims` accepts a token until it expires, up to an hour.)
 */
export const SUPABASE_CONFIRMED_SECONDS = 30;

export function createSupabaseProvider(opts: { url: string; key: string; secureCookies?: boolean }): AuthProvider {
  const confirmed = new VerifiedTokens<User>();

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

  const toSession = (user: User): Session => {
    const locale = metadataOf(user).locale;
    return {
      userId: user.id,
      email: user.email ?? '',
      claims: claimsFor(user.id, user.email ?? ''),
      ...(locale ? { locale } : {}),
    };
  };

  /**
   * The request's session, confirmed by the Auth server: its client, user and the `amr` claim of
   * its access token. The claim is read from the very token `getUser` just had verified.
   */
  async function verified(request: Request) {
    const { supabase, headers } = clientFor(request);
    const token = await accessTokenOf(supabase);
    if (!token) return { ok: false as const, reason: 'signed_out' as const };
    const { data, error } = await supabase.auth.getUser(token);
    if (error && isUnavailable(error)) return { ok: false as const, reason: 'unavailable' as const };
    if (error || !data.user) return { ok: false as const, reason: 'signed_out' as const };
    return { ok: true as const, supabase, headers, token, user: data.user, amr: jwtPayload(token).amr };
  }

  /** The access token of the request's cookies (refreshed by the SDK if it had expired). */
  async function accessTokenOf(supabase: ReturnType<typeof clientFor>['supabase']) {
    const { data } = await supabase.auth.getSession();
    return data.session?.access_token;
  }

  /** Every session of one person this process remembers (the others' caches let go within the time). */
  const forgetSessionsOfUser = (userId: string) => confirmed.forgetWhere((user) => user.id === userId);

  /**
   * Whether `password` is the user's, asked of the Auth server by a sign-in on a client that keeps
   * nothing. Works whatever the project's "require current password" setting; the session it
   * makes is ended straight after.
   */
  async function checkPassword(email: string, password: string) {
    if (password.length > MAX_PASSWORD_LENGTH) return 'wrong_password' as const;
    const probe = createClient(opts.url, opts.key, {
      auth: { persistSession: false, autoRefreshToken: false, detectSessionInUrl: false },
      realtime: { transport: NO_REALTIME },
    });
    const { error } = await probe.auth.signInWithPassword({ email, password });
    if (!error) {
      // The check's own session is not one the person made: ended at once (its failure changes nothing).
      await probe.auth.signOut({ scope: 'local' });
      return 'ok' as const;
    }
    if (error.status === 429) return 'rate_limited' as const;
    return isUnavailable(error) ? ('unavailable' as const) : ('wrong_password' as const);
  }

  return {
    kind: 'supabase',

    async getSession(request) {
      const { supabase, headers } = clientFor(request);
      const token = await accessTokenOf(supabase);
      if (!token) return { session: null, headers };
      const known = confirmed.get(token);
      if (known) return { session: toSession(known), headers };
      const { data, error } = await supabase.auth.getUser(token);
      if (error || !data.user) return { session: null, headers };
      // GoTrue's tokens all expire; one without `exp` is asked about every time, as locally.
      const { exp } = jwtPayload(token);
      if (typeof exp === 'number')
        confirmed.set(token, data.user, Math.min(exp * 1000, Date.now() + SUPABASE_CONFIRMED_SECONDS * 1000));
      return { session: toSession(data.user), headers };
    },

    async signInWithPassword(request, email, password) {
      const { supabase, headers } = clientFor(request);
      const { data, error } = await supabase.auth.signInWithPassword({ email: email.trim().toLowerCase(), password });
      if (error || !data.user) {
        if (error?.status === 429) return { ok: false, reason: 'rate_limited' };
        if (error && isUnavailable(error)) return { ok: false, reason: 'unavailable' };
        // Said by Supabase Auth only once the password was right, as the local provider does.
        if (error?.code === 'email_not_confirmed') return { ok: false, reason: 'email_not_confirmed' };
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

    /** Supabase Auth keeps `data` as the user's metadata and mails the confirmation itself. */
    async register(request, input, confirmUrl) {
      if (input.password.length < MIN_PASSWORD_LENGTH) return { ok: false, reason: 'weak_password' };
      const { supabase } = clientFor(request);
      const { data, error } = await supabase.auth.signUp({
        email: input.email.trim().toLowerCase(),
        password: input.password,
        options: { data: { ...input.data, name: input.name, locale: input.locale }, emailRedirectTo: confirmUrl },
      });
      if (error) {
        if (error.status === 429) return { ok: false, reason: 'rate_limited' };
        if (error.code === 'user_already_exists' || error.code === 'email_exists')
          return { ok: false, reason: 'email_taken' };
        if (error.code === 'weak_password') return { ok: false, reason: 'weak_password' };
        return { ok: false, reason: 'unavailable' };
      }
      // With "Confirm email" on, Supabase Auth answers a confirmed address with a made-up user that
      // has no identities, and mails nothing. Said as the local provider says it: the sign-up page
      // then sends the person to sign in, instead of waiting for a mail that never comes.
      if (data.user?.identities?.length === 0) return { ok: false, reason: 'email_taken' };
      return { ok: true, issue: null };
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
      return { ok: true, issue: null };
    },

    async signInWithLink(request, tokenHash) {
      if (!tokenHash) return { ok: false, reason: 'link_invalid' };
      const { supabase, headers } = clientFor(request);
      const { data, error } = await supabase.auth.verifyOtp({ type: 'email', token_hash: tokenHash });
      if (error && isUnavailable(error)) return { ok: false, reason: 'unavailable' };
      if (error || !data.user || !data.session) return { ok: false, reason: 'link_invalid' };
      return { ok: true, headers, session: toSession(data.user) };
    },

    /** This device only: the SDK's default (`global`) would sign the person out everywhere. */
    async signOut(request) {
      const { supabase, headers } = clientFor(request);
      const token = await accessTokenOf(supabase);
      if (token) confirmed.forget(token);
      await supabase.auth.signOut({ scope: 'local' });
      return headers;
    },

    async getAccount(request) {
      const v = await verified(request);
      if (!v.ok) return null;
      const { name, locale } = metadataOf(v.user);
      return {
        userId: v.user.id,
        email: v.user.email ?? '',
        name: name ?? '',
        locale: locale ?? null,
        passwordResetUntil: passwordResetUntil(v.amr),
      };
    },

    async updateProfile(request, profile) {
      const v = await verified(request);
      if (!v.ok) return v;
      const { error } = await v.supabase.auth.updateUser({ data: { name: profile.name, locale: profile.locale } });
      if (error) return { ok: false, reason: isUnavailable(error) ? 'unavailable' : 'signed_out' };
      // The next request reads the new name and language, not the user remembered with the token.
      confirmed.forget(v.token);
      return { ok: true, headers: v.headers };
    },

    async changePassword(request, { currentPassword, newPassword }) {
      if (newPassword.length < MIN_PASSWORD_LENGTH || newPassword.length > MAX_PASSWORD_LENGTH) {
        return { ok: false, reason: 'weak_password' };
      }
      const v = await verified(request);
      if (!v.ok) return v;
      if (currentPassword === null) {
        if (!passwordResetUntil(v.amr)) return { ok: false, reason: 'current_password_required' };
      } else {
        const checked = await checkPassword(v.user.email ?? '', currentPassword);
        if (checked !== 'ok') return { ok: false, reason: checked };
      }
      const { error } = await v.supabase.auth.updateUser({ password: newPassword });
      if (error) {
        if (error.code === 'same_password') return { ok: false, reason: 'same_password' };
        if (error.code === 'weak_password') return { ok: false, reason: 'weak_password' };
        return { ok: false, reason: isUnavailable(error) ? 'unavailable' : 'signed_out' };
      }
      const ended = await v.supabase.auth.signOut({ scope: 'others' });
      forgetSessionsOfUser(v.user.id);
      // The password has changed; sessions that outlive it are a failure to report, not to hide.
      if (ended.error) return { ok: false, reason: 'unavailable' };
      return { ok: true, headers: v.headers };
    },

    async confirmPassword(request, password) {
      const v = await verified(request);
      if (!v.ok) return v;
      const checked = await checkPassword(v.user.email ?? '', password);
      return checked === 'ok' ? { ok: true, userId: v.user.id } : { ok: false, reason: checked };
    },

    /** Supabase Auth has no API that lists a user's sessions. */
    async listSessions() {
      return null;
    },

    async signOutEverywhere(request) {
      const { supabase, headers } = clientFor(request);
      // Whose sessions, by the token's own claim: forgetting needs no proof, at worst it costs a check.
      const token = await accessTokenOf(supabase);
      const userId = token ? jwtPayload(token).sub : undefined;
      if (typeof userId === 'string') forgetSessionsOfUser(userId);
      await supabase.auth.signOut({ scope: 'global' });
      return headers;
    },
  };
}

/** The name and language kept in the user's metadata, when they are strings. */
function metadataOf(user: User): { name?: string; locale?: string } {
  const { name, locale } = (user.user_metadata ?? {}) as Record<string, unknown>;
  return {
    ...(typeof name === 'string' ? { name } : {}),
    ...(typeof locale === 'string' ? { locale } : {}),
  };
}

/** The payload of a JWT whose signature the Auth server has already checked; {} when unreadable. */
function jwtPayload(token: string): Record<string, unknown> {
  try {
    return JSON.parse(Buffer.from(token.split('.')[1] ?? '', 'base64url').toString('utf8')) as Record<string, unknown>;
  } catch {
    return {};
  }
}
