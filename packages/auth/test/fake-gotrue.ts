import { randomBytes, randomUUID } from 'node:crypto';
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export const API_KEY = 'anon-key';
export const unique = () => randomBytes(6).toString('hex');

/** A POST as the app's server hands it to the provider, with the cookies a browser would send. */
export const request = (cookie?: string) =>
  new Request('http://localhost/', { method: 'POST', headers: cookie ? { cookie } : {} });

/** What a browser sends back for these Set-Cookie headers. */
export const cookieHeader = (headers: Headers) =>
  headers
    .getSetCookie()
    .map((c) => c.split(';')[0]!)
    .join('; ');
export const PASSWORD = 'correct horse battery staple';

type FakeUser = {
  id: string;
  email: string;
  password: string;
  created_at: string;
  user_metadata: Record<string, unknown>;
  /** When the address was confirmed; null until the sign-up's confirmation link is followed. */
  email_confirmed_at: string | null;
  /** When the last confirmation link was mailed. */
  confirmation_sent_at?: string;
};

/** What an access token stands for: a user's session, and how it began (the JWT's `amr` claim). */
type Issued = { userId: string; sessionId: string; amr: { method: string; timestamp: number }[] };

/**
 * A stand-in for Supabase Auth (GoTrue) on 127.0.0.1, answering the endpoints the SDK calls with
 * the JSON shapes GoTrue uses. It only accepts access tokens it issued itself, and records every
 * call, so the tests can see that a session is verified by the server, not read from the cookie.
 */
export function fakeSupabaseAuth() {
  const users = new Map<string, FakeUser>(); // by e-mail
  const tokens = new Map<string, Issued>(); // access token → its session
  const rateLimited = new Set<string>(); // e-mails that get 429
  const failing = new Set<string>(); // e-mails that get 503
  const calls: string[] = [];
  /** How long ago the sessions issued next began, as their `amr` says (a sign-in in the past). */
  const clock = { ageSeconds: 0 };
  /** Sign-in links GoTrue would have mailed: token hash → e-mail, and what each request asked. */
  const linkTokens = new Map<string, string>();
  /** The `scope` of each sign-out asked for. */
  const logouts: string[] = [];
  const otpRequests: { email: string; createUser: unknown; redirectTo: string | null }[] = [];
  /**
   * GoTrue's `GOTRUE_MAILER_AUTOCONFIRM`. On (the fake's default), a sign-up is confirmed at once
   * and answered with a session; off (Supabase's hosted default, "Confirm email"), it is answered
   * with the user alone and mailed a confirmation link.
   */
  const mailer = { autoconfirm: true };
  /** Confirmation links GoTrue would have mailed: token hash → e-mail (one per user, the latest). */
  const confirmationTokens = new Map<string, string>();
  /** What each sign-up asked: `data` becomes the user's metadata, `redirectTo` the link's target. */
  const signups: { email: string; data: unknown; redirectTo: string | null }[] = [];

  const userJson = (u: FakeUser) => ({
    id: u.id,
    aud: 'authenticated',
    role: 'authenticated',
    email: u.email,
    ...(u.email_confirmed_at ? { email_confirmed_at: u.email_confirmed_at, confirmed_at: u.email_confirmed_at } : {}),
    ...(u.confirmation_sent_at ? { confirmation_sent_at: u.confirmation_sent_at } : {}),
    app_metadata: { provider: 'email', providers: ['email'] },
    user_metadata: u.user_metadata,
    identities: [
      {
        identity_id: u.id,
        id: u.id,
        user_id: u.id,
        provider: 'email',
        identity_data: { sub: u.id, email: u.email, email_verified: u.email_confirmed_at !== null },
      },
    ],
    created_at: u.created_at,
  });

  /**
   * A session, with an access token shaped like GoTrue's JWT (header.payload.signature) whose
   * payload carries `session_id` and `amr`. The fake "signs" with random bytes: it accepts only
   * tokens it has in its table, as GoTrue accepts only tokens with its signature.
   */
  function issueSession(u: FakeUser, method: 'password' | 'otp') {
    const issued: Issued = {
      userId: u.id,
      sessionId: randomUUID(),
      amr: [{ method, timestamp: Math.floor(Date.now() / 1000) - clock.ageSeconds }],
    };
    const part = (value: unknown) => Buffer.from(JSON.stringify(value)).toString('base64url');
    const accessToken = [
      part({ alg: 'HS256', typ: 'JWT' }),
      part({
        sub: u.id,
        session_id: issued.sessionId,
        amr: issued.amr,
        role: 'authenticated',
        exp: Math.floor(Date.now() / 1000) + 3600,
      }),
      randomBytes(24).toString('base64url'),
    ].join('.');
    tokens.set(accessToken, issued);
    const expiresIn = 3600;
    return {
      access_token: accessToken,
      token_type: 'bearer',
      expires_in: expiresIn,
      expires_at: Math.floor(Date.now() / 1000) + expiresIn,
      refresh_token: randomBytes(12).toString('hex'),
      user: userJson(u),
    };
  }

  /** GoTrue's error body without an API-version header: the SDK reads `error_code`. */
  const fail = (res: ServerResponse, status: number, errorCode: string, msg: string) =>
    send(res, status, { code: status, error_code: errorCode, msg });

  function send(res: ServerResponse, status: number, body?: unknown) {
    res.writeHead(status, body === undefined ? {} : { 'content-type': 'application/json' });
    res.end(body === undefined ? undefined : JSON.stringify(body));
  }

  const bearer = (req: IncomingMessage) => /^Bearer (.+)$/.exec(req.headers.authorization ?? '')?.[1];
  const userByToken = (req: IncomingMessage) => {
    const id = tokens.get(bearer(req) ?? '')?.userId;
    return [...users.values()].find((u) => u.id === id);
  };

  async function handle(req: IncomingMessage, res: ServerResponse) {
    const url = new URL(req.url ?? '/', 'http://fake');
    const route = `${req.method} ${url.pathname}`;
    calls.push(route);
    if (req.headers.apikey !== API_KEY) return fail(res, 401, 'no_api_key', 'Invalid API key');
    const chunks: Buffer[] = [];
    for await (const chunk of req) chunks.push(chunk as Buffer);
    const body = chunks.length ? JSON.parse(Buffer.concat(chunks).toString()) : {};

    switch (route) {
      case 'POST /auth/v1/token': {
        if (url.searchParams.get('grant_type') !== 'password')
          return fail(res, 400, 'validation_failed', 'Unsupported grant type');
        if (rateLimited.has(body.email)) return fail(res, 429, 'over_request_rate_limit', 'Request rate limit reached');
        if (failing.has(body.email)) return fail(res, 503, 'unexpected_failure', 'Service unavailable');
        const user = users.get(body.email);
        if (!user || user.password !== body.password)
          return fail(res, 400, 'invalid_credentials', 'Invalid login credentials');
        // Only once the password is right does GoTrue tell that the address is not confirmed yet.
        if (!user.email_confirmed_at) return fail(res, 400, 'email_not_confirmed', 'Email not confirmed');
        return send(res, 200, issueSession(user, 'password'));
      }
      case 'GET /auth/v1/user': {
        const user = userByToken(req);
        return user
          ? send(res, 200, userJson(user))
          : fail(res, 401, 'bad_jwt', 'invalid JWT: unable to parse or verify signature');
      }
      case 'POST /auth/v1/logout': {
        // GoTrue's scopes: `global` (its default) every session of the user, `local` this one, `others` the rest.
        const mine = tokens.get(bearer(req) ?? '');
        if (!mine) return fail(res, 401, 'bad_jwt', 'invalid JWT: unable to parse or verify signature');
        const scope = url.searchParams.get('scope') ?? 'global';
        logouts.push(scope);
        for (const [token, issued] of tokens) {
          if (issued.userId !== mine.userId) continue;
          const same = issued.sessionId === mine.sessionId;
          if (scope === 'global' || (scope === 'local' && same) || (scope === 'others' && !same)) tokens.delete(token);
        }
        return send(res, 204);
      }
      case 'PUT /auth/v1/user': {
        const user = userByToken(req);
        if (!user) return fail(res, 401, 'bad_jwt', 'invalid JWT: unable to parse or verify signature');
        if (typeof body.password === 'string') {
          if (body.password.length < 6)
            return fail(res, 422, 'weak_password', 'Password should be at least 6 characters.');
          if (body.password === user.password)
            return fail(res, 422, 'same_password', 'New password should be different from the old password.');
          user.password = body.password;
        }
        if (body.data) user.user_metadata = { ...user.user_metadata, ...body.data };
        return send(res, 200, userJson(user));
      }
      case 'POST /auth/v1/signup': {
        // supabase-js sends `emailRedirectTo` as the `redirect_to` query parameter, `data` in the body.
        const email: string = body.email;
        const data: Record<string, unknown> = body.data ?? {};
        signups.push({ email, data, redirectTo: url.searchParams.get('redirect_to') });
        if (failing.has(email)) return fail(res, 503, 'unexpected_failure', 'Service unavailable');
        const existing = users.get(email);
        const now = new Date().toISOString();
        if (mailer.autoconfirm) {
          if (rateLimited.has(email)) return fail(res, 429, 'over_request_rate_limit', 'Request rate limit reached');
          if (existing) return fail(res, 422, 'user_already_exists', 'User already registered');
          const user: FakeUser = {
            id: randomUUID(),
            email,
            password: body.password,
            created_at: now,
            user_metadata: data,
            email_confirmed_at: now,
          };
          users.set(email, user);
          return send(res, 200, issueSession(user, 'password'));
        }
        // A confirmed address is answered like a new one, with a made-up unconfirmed user (a new id,
        // no identities) and no mail: the answer does not tell who has an account.
        if (existing?.email_confirmed_at) {
          const madeUp = { ...existing, id: randomUUID(), created_at: now, user_metadata: data };
          return send(res, 200, {
            ...userJson({ ...madeUp, email_confirmed_at: null, confirmation_sent_at: now }),
            identities: [],
          });
        }
        // Mailing the link: GoTrue's e-mail limit refuses it, and nothing is created.
        if (rateLimited.has(email)) return fail(res, 429, 'over_email_send_rate_limit', 'Email rate limit exceeded');
        // A new address is created unconfirmed; one still unconfirmed is left as it was (GoTrue cannot
        // tell who is asking) and mailed a new link, which replaces the old.
        const user: FakeUser = existing ?? {
          id: randomUUID(),
          email,
          password: body.password,
          created_at: now,
          user_metadata: data,
          email_confirmed_at: null,
        };
        users.set(email, user);
        for (const [hash, to] of confirmationTokens) if (to === email) confirmationTokens.delete(hash);
        // With PKCE (as @supabase/ssr asks) GoTrue prefixes the mailed token hash with `pkce_`.
        const hash = `${body.code_challenge ? 'pkce_' : ''}${randomBytes(16).toString('hex')}`;
        confirmationTokens.set(hash, email);
        user.confirmation_sent_at = now;
        return send(res, 200, userJson(user));
      }
      case 'POST /auth/v1/otp': {
        otpRequests.push({
          email: body.email,
          createUser: body.create_user,
          redirectTo: url.searchParams.get('redirect_to'),
        });
        if (rateLimited.has(body.email))
          return fail(res, 429, 'over_email_send_rate_limit', 'Email rate limit exceeded');
        if (!users.has(body.email) && body.create_user === false)
          return fail(res, 422, 'otp_disabled', 'Signups not allowed for otp');
        linkTokens.set(randomBytes(16).toString('hex'), body.email);
        return send(res, 200, {});
      }
      case 'POST /auth/v1/verify': {
        // Type `email` takes a sign-in link's token hash or a sign-up confirmation's, once each.
        const hash = body.token_hash;
        const email = body.type === 'email' ? (linkTokens.get(hash) ?? confirmationTokens.get(hash)) : undefined;
        const user = email ? users.get(email) : undefined;
        if (!user) return fail(res, 403, 'otp_expired', 'Email link is invalid or has expired');
        linkTokens.delete(hash);
        confirmationTokens.delete(hash);
        // Following a mailed link proves the address.
        user.email_confirmed_at ??= new Date().toISOString();
        return send(res, 200, issueSession(user, 'otp'));
      }
      default:
        return fail(res, 404, 'not_found', 'Not found');
    }
  }

  const server: Server = createServer((req, res) => {
    handle(req, res).catch((error: unknown) => fail(res, 500, 'unexpected_failure', String(error)));
  });

  return {
    calls,
    clock,
    logouts,
    /** How many live sessions the user has. */
    sessionsOf: (userId: string) =>
      new Set([...tokens.values()].filter((t) => t.userId === userId).map((t) => t.sessionId)).size,
    linkTokens,
    otpRequests,
    mailer,
    confirmationTokens,
    signups,
    rateLimited,
    failing,
    addUser(email: string, password = PASSWORD, user_metadata: Record<string, unknown> = {}) {
      const now = new Date().toISOString();
      const user = { id: randomUUID(), email, password, created_at: now, user_metadata, email_confirmed_at: now };
      users.set(email, user);
      return user;
    },
    async start() {
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    },
    url: async () => `http://127.0.0.1:${(server.address() as AddressInfo).port}`,
    stop: () => new Promise<void>((resolve, reject) => server.close((e) => (e ? reject(e) : resolve()))),
  };
}
