import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, beforeEach, describe, expect, it, vi } from 'vitest';
import { PASSWORD_RESET_MINUTES } from '../src/policy.ts';
import { createSupabaseProvider, SUPABASE_CONFIRMED_SECONDS } from '../src/supabase/provider.ts';
import type { AuthProvider, Registration } from '../src/types.ts';
import { API_KEY, cookieHeader, fakeSupabaseAuth, PASSWORD, request, unique } from './fake-gotrue.ts';

const fake = fakeSupabaseAuth();
let provider: AuthProvider;

beforeAll(async () => {
  provider = createSupabaseProvider({ url: await fake.start(), key: API_KEY });
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.calls.length = 0;
});

const AUTH_COOKIE = /^sb-[a-z0-9-]+-auth-token(\.\d+)?=/;

/**
 * `fn` with a provider whose Auth server is a port nobody listens on. The SDK logs the failed
 * fetch; the test output is kept clean.
 */
async function withUnreachableServer<T>(fn: (unreachable: AuthProvider) => Promise<T>): Promise<T> {
  const closed = createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const { port } = closed.address() as AddressInfo;
  await new Promise((resolve) => closed.close(resolve));
  const quiet = vi.spyOn(console, 'error').mockImplementation(() => {});
  try {
    return await fn(createSupabaseProvider({ url: `http://127.0.0.1:${port}`, key: API_KEY }));
  } finally {
    quiet.mockRestore();
  }
}

async function signedIn() {
  const user = fake.addUser(`supa-${unique()}@test.brobygger.dk`);
  const result = await provider.signInWithPassword(request(), user.email, PASSWORD);
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);
  fake.calls.length = 0;
  return { user, headers: result.headers };
}

describe('supabase provider', () => {
  it('signs in with the right password: a session for the user and its sb-*-auth-token cookie', async () => {
    const user = fake.addUser(`supa-${unique()}@test.brobygger.dk`);
    const result = await provider.signInWithPassword(request(), user.email.toUpperCase(), PASSWORD);
    if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);

    expect(result.session).toMatchObject({
      userId: user.id,
      email: user.email,
      claims: { sub: user.id, role: 'authenticated' },
    });
    const cookies = result.headers.getSetCookie();
    expect(cookies.length).toBeGreaterThan(0);
    for (const cookie of cookies) expect(cookie).toMatch(AUTH_COOKIE);
    expect(fake.calls).toEqual(['POST /auth/v1/token']);
  });

  it('in production its cookies are Secure, httpOnly, and expire within a day', async () => {
    const secure = createSupabaseProvider({ url: await fake.url(), key: API_KEY, secureCookies: true });
    const user = fake.addUser(`supa-${unique()}@test.brobygger.dk`);
    const result = await secure.signInWithPassword(request(), user.email, PASSWORD);
    if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);
    for (const cookie of result.headers.getSetCookie()) {
      expect(cookie).toMatch(/;\s*Secure/i);
      expect(cookie).toMatch(/;\s*HttpOnly/i);
      const maxAge = Number(/Max-Age=(\d+)/i.exec(cookie)?.[1]);
      expect(maxAge).toBeGreaterThan(0);
      expect(maxAge).toBeLessThanOrEqual(24 * 3600);
    }
  });

  it('getSession asks the Auth server about the cookie’s token and returns its user', async () => {
    const { user, headers } = await signedIn();
    const { session } = await provider.getSession(request(cookieHeader(headers)));
    expect(session).toMatchObject({ userId: user.id, email: user.email, claims: { sub: user.id } });
    expect(fake.calls).toEqual(['GET /auth/v1/user']);
  });

  it('getSession returns null for a forged cookie, because the Auth server rejects its token', async () => {
    const { user, headers } = await signedIn();
    const name = headers
      .getSetCookie()[0]!
      .split('=')[0]!
      .replace(/\.\d+$/, '');
    // A well-formed session for a real user, with an access token the server never issued.
    const forged = {
      access_token: 'forged-token',
      token_type: 'bearer',
      expires_in: 3600,
      expires_at: Math.floor(Date.now() / 1000) + 3600,
      refresh_token: 'forged-refresh',
      user: { id: user.id, aud: 'authenticated', role: 'authenticated', email: user.email },
    };
    const cookie = `${name}=base64-${Buffer.from(JSON.stringify(forged)).toString('base64url')}`;

    expect((await provider.getSession(request(cookie))).session).toBeNull();
    expect(fake.calls).toEqual(['GET /auth/v1/user']);
  });

  it('getSession returns null without a cookie, and does not call the Auth server', async () => {
    expect((await provider.getSession(request())).session).toBeNull();
    expect(fake.calls).toEqual([]);
  });

  it('refuses a wrong password, and an unknown e-mail, as invalid_credentials', async () => {
    const user = fake.addUser(`supa-${unique()}@test.brobygger.dk`);
    expect(await provider.signInWithPassword(request(), user.email, 'wrong password!')).toEqual({
      ok: false,
      reason: 'invalid_credentials',
    });
    expect(await provider.signInWithPassword(request(), `nobody-${unique()}@test.brobygger.dk`, PASSWORD)).toEqual({
      ok: false,
      reason: 'invalid_credentials',
    });
  });

  it('reports the Auth server’s 429 as rate_limited', async () => {
    const user = fake.addUser(`supa-${unique()}@test.brobygger.dk`);
    fake.rateLimited.add(user.email);
    expect(await provider.signInWithPassword(request(), user.email, PASSWORD)).toEqual({
      ok: false,
      reason: 'rate_limited',
    });
  });

  it('reports the Auth server failing, or being unreachable, as unavailable', async () => {
    const user = fake.addUser(`supa-${unique()}@test.brobygger.dk`);
    fake.failing.add(user.email);
    expect(await provider.signInWithPassword(request(), user.email, PASSWORD)).toEqual({
      ok: false,
      reason: 'unavailable',
    });

    expect(await withUnreachableServer((p) => p.signInWithPassword(request(), user.email, PASSWORD))).toEqual({
      ok: false,
      reason: 'unavailable',
    });
  });

  it('signOut revokes the session at the Auth server and clears the cookie', async () => {
    const { headers } = await signedIn();
    const cookie = cookieHeader(headers);

    const cleared = (await provider.signOut(request(cookie))).getSetCookie();
    expect(fake.calls).toEqual(['POST /auth/v1/logout']);
    expect(cleared.length).toBeGreaterThan(0);
    for (const c of cleared) {
      expect(c).toMatch(AUTH_COOKIE);
      expect(c).toMatch(/=;|=$|=\s*;/);
      expect(c).toMatch(/Max-Age=0/i);
    }
    // The old cookie is worthless now: the server no longer accepts its token.
    expect((await provider.getSession(request(cookie))).session).toBeNull();
  });

  describe('signUp', () => {
    it('refuses a short password without asking the Auth server', async () => {
      const result = await provider.signUp(request(), {
        email: `s-${unique()}@test.brobygger.dk`,
        password: 'short',
        name: 'S',
      });
      expect(result).toEqual({ ok: false, reason: 'weak_password' });
      expect(fake.calls).toEqual([]);
    });

    it('reports an e-mail that already has an account as email_taken', async () => {
      const user = fake.addUser(`supa-${unique()}@test.brobygger.dk`);
      expect(await provider.signUp(request(), { email: user.email, password: PASSWORD, name: 'Again' })).toEqual({
        ok: false,
        reason: 'email_taken',
      });
    });

    it('creates an account and a session cookie', async () => {
      const result = await provider.signUp(request(), {
        email: `new-${unique()}@test.brobygger.dk`,
        password: PASSWORD,
        name: 'New',
      });
      if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);
      expect(fake.calls).toEqual(['POST /auth/v1/signup']);
      const { session } = await provider.getSession(request(cookieHeader(result.headers)));
      expect(session?.userId).toBe(result.session.userId);
    });
  });

  describe('sign-in links', () => {
    const CONFIRM = 'http://localhost:3000/auth/confirm';

    it('asks Supabase Auth to mail the link, never to create a user, and hands the app nothing to send', async () => {
      const user = fake.addUser(`supa-${unique()}@test.brobygger.dk`);
      expect(await provider.requestSignInLink(request(), ` ${user.email.toUpperCase()}`, CONFIRM)).toEqual({
        ok: true,
        issue: null,
      });
      expect(fake.calls).toEqual(['POST /auth/v1/otp']);
      expect(fake.otpRequests.at(-1)).toEqual({ email: user.email, createUser: false, redirectTo: CONFIRM });
    });

    it('answers an unknown e-mail exactly like a known one, and passes on a rate limit', async () => {
      const unknown = `nobody-${unique()}@test.brobygger.dk`;
      expect(await provider.requestSignInLink(request(), unknown, CONFIRM)).toEqual({ ok: true, issue: null });
      const limited = fake.addUser(`supa-${unique()}@test.brobygger.dk`);
      fake.rateLimited.add(limited.email);
      expect(await provider.requestSignInLink(request(), limited.email, CONFIRM)).toEqual({
        ok: false,
        reason: 'rate_limited',
      });
    });

    it('signs in with the mailed token hash once: the session cookie is set and verified like any other', async () => {
      const user = fake.addUser(`supa-${unique()}@test.brobygger.dk`);
      await provider.requestSignInLink(request(), user.email, CONFIRM);
      const tokenHash = [...fake.linkTokens].find(([, email]) => email === user.email)![0];

      const result = await provider.signInWithLink(request(), tokenHash);
      if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);
      expect(result.session).toMatchObject({ userId: user.id, email: user.email });
      const { session } = await provider.getSession(request(cookieHeader(result.headers)));
      expect(session).toMatchObject({ userId: user.id });

      expect(await provider.signInWithLink(request(), tokenHash)).toEqual({ ok: false, reason: 'link_invalid' });
      expect(await provider.signInWithLink(request(), '')).toEqual({ ok: false, reason: 'link_invalid' });
    });
  });

  describe('register (sign-up that confirms by e-mail)', () => {
    const CONFIRM = 'http://localhost:3000/signup/confirm';
    const WORKSPACE = { name: 'Rikkes Rum', kind: 'association', slug: 'rikkes-rum' };
    const registration = (email: string, password = PASSWORD, name = 'Rikke Registrant'): Registration => ({
      email,
      password,
      name,
      locale: 'en',
      data: { requested_workspace: WORKSPACE },
    });
    const newEmail = () => `reg-${unique()}@test.brobygger.dk`;
    /** The token hash of the confirmation link Supabase Auth mailed to `email`, if it mailed one. */
    const mailedLink = (email: string) => [...fake.confirmationTokens].find(([, to]) => to === email)?.[0];

    // "Confirm email" on, as on hosted Supabase: sign-up without an invitation depends on it.
    beforeAll(() => {
      fake.mailer.autoconfirm = false;
    });
    afterAll(() => {
      fake.mailer.autoconfirm = true;
    });

    it('asks Supabase Auth to create the account with its name, language and workspace, and to mail a link to the confirm page; it cannot sign in yet', async () => {
      const email = newEmail();
      expect(await provider.register(request(), registration(` ${email.toUpperCase()} `), CONFIRM)).toEqual({
        ok: true,
        issue: null,
      });
      expect(fake.calls).toEqual(['POST /auth/v1/signup']);
      expect(fake.signups.at(-1)).toEqual({
        email,
        data: { requested_workspace: WORKSPACE, name: 'Rikke Registrant', locale: 'en' },
        redirectTo: CONFIRM,
      });
      expect(mailedLink(email)).toBeDefined();
      // The right password, but the address is not confirmed: said so, as the local provider says it.
      expect(await provider.signInWithPassword(request(), email, PASSWORD)).toEqual({
        ok: false,
        reason: 'email_not_confirmed',
      });
      // A wrong password is still just wrong: nothing about the address is told to whoever guesses.
      expect(await provider.signInWithPassword(request(), email, 'not the password at all')).toEqual({
        ok: false,
        reason: 'invalid_credentials',
      });
    });

    it('following the mailed link signs the new account in, with its name and language, and works once', async () => {
      const email = newEmail();
      await provider.register(request(), registration(email), CONFIRM);
      const tokenHash = mailedLink(email)!;

      const result = await provider.signInWithLink(request(), tokenHash);
      if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);
      const cookie = cookieHeader(result.headers);
      expect((await provider.getSession(request(cookie))).session).toMatchObject({
        userId: result.session.userId,
        email,
        locale: 'en',
      });
      expect(await provider.getAccount(request(cookie))).toMatchObject({
        userId: result.session.userId,
        email,
        name: 'Rikke Registrant',
        locale: 'en',
      });
      // Confirmed: the password chosen at sign-up now signs in, to the same account.
      expect(await provider.signInWithPassword(request(), email, PASSWORD)).toMatchObject({
        ok: true,
        session: { userId: result.session.userId },
      });

      expect(await provider.signInWithLink(request(), tokenHash)).toEqual({ ok: false, reason: 'link_invalid' });
    });

    it('signing up again before confirming mails a new link in place of the old, for the account as first made', async () => {
      const email = newEmail();
      await provider.register(request(), registration(email), CONFIRM);
      const first = mailedLink(email)!;
      expect(await provider.register(request(), registration(email, PASSWORD, 'Someone Else'), CONFIRM)).toEqual({
        ok: true,
        issue: null,
      });
      const second = mailedLink(email)!;
      expect(second).not.toBe(first);

      expect(await provider.signInWithLink(request(), first)).toEqual({ ok: false, reason: 'link_invalid' });
      const result = await provider.signInWithLink(request(), second);
      if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);
      expect(await provider.getAccount(request(cookieHeader(result.headers)))).toMatchObject({
        name: 'Rikke Registrant',
      });
    });

    it('an address that already has an account: email_taken, nothing mailed, the account untouched', async () => {
      const user = fake.addUser(`supa-${unique()}@test.brobygger.dk`, PASSWORD, { name: 'Ada Andersen' });
      // With "Confirm email" on, Supabase Auth answers a taken address with a made-up user without
      // identities; the provider recognises it.
      expect(await provider.register(request(), registration(user.email, 'another long passphrase'), CONFIRM)).toEqual({
        ok: false,
        reason: 'email_taken',
      });
      expect(mailedLink(user.email)).toBeUndefined();
      expect(user.user_metadata).toEqual({ name: 'Ada Andersen' });
      expect(await provider.signInWithPassword(request(), user.email, PASSWORD)).toMatchObject({
        ok: true,
        session: { userId: user.id },
      });
    });

    it('reports a taken address as email_taken where Supabase Auth says so (sign-ups confirmed at once)', async () => {
      const user = fake.addUser(`supa-${unique()}@test.brobygger.dk`);
      fake.mailer.autoconfirm = true;
      try {
        expect(await provider.register(request(), registration(user.email), CONFIRM)).toEqual({
          ok: false,
          reason: 'email_taken',
        });
      } finally {
        fake.mailer.autoconfirm = false;
      }
    });

    it('refuses a short password without asking the Auth server', async () => {
      expect(await provider.register(request(), registration(newEmail(), 'short'), CONFIRM)).toEqual({
        ok: false,
        reason: 'weak_password',
      });
      expect(fake.calls).toEqual([]);
    });

    it('passes on the Auth server’s 429 as rate_limited, and reports it failing, or unreachable, as unavailable', async () => {
      const limited = newEmail();
      fake.rateLimited.add(limited);
      expect(await provider.register(request(), registration(limited), CONFIRM)).toEqual({
        ok: false,
        reason: 'rate_limited',
      });
      expect(mailedLink(limited)).toBeUndefined();

      const failing = newEmail();
      fake.failing.add(failing);
      expect(await provider.register(request(), registration(failing), CONFIRM)).toEqual({
        ok: false,
        reason: 'unavailable',
      });

      expect(await withUnreachableServer((p) => p.register(request(), registration(newEmail()), CONFIRM))).toEqual({
        ok: false,
        reason: 'unavailable',
      });
    });
  });
});

const NEW_PASSWORD = 'a brand new passphrase';

async function browser(email: string, password = PASSWORD) {
  const result = await provider.signInWithPassword(request(), email, password);
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);
  return cookieHeader(result.headers);
}

async function signedInByLink(email: string) {
  await provider.requestSignInLink(request(), email, 'http://localhost:3000/auth/confirm');
  const tokenHash = [...fake.linkTokens].find(([, e]) => e === email)![0];
  const result = await provider.signInWithLink(request(), tokenHash);
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);
  return cookieHeader(result.headers);
}

const isSignedIn = async (cookie: string) => (await provider.getSession(request(cookie))).session !== null;
const newUser = () => fake.addUser(`supa-${unique()}@test.brobygger.dk`, PASSWORD, { name: 'Ada Andersen' });

describe('supabase provider: the account page', () => {
  beforeEach(() => {
    fake.clock.ageSeconds = 0;
    fake.logouts.length = 0;
  });

  it('reads the name from the user’s metadata, and keeps a new name and language there', async () => {
    const user = newUser();
    const cookie = await browser(user.email);
    expect(await provider.getAccount(request(cookie))).toEqual({
      userId: user.id,
      email: user.email,
      name: 'Ada Andersen',
      locale: null,
      passwordResetUntil: null,
    });
    expect(await provider.updateProfile(request(cookie), { name: 'Ada Berg', locale: 'en' })).toMatchObject({
      ok: true,
    });
    expect(user.user_metadata).toEqual({ name: 'Ada Berg', locale: 'en' });
    expect(await provider.getAccount(request(cookie))).toMatchObject({ name: 'Ada Berg', locale: 'en' });
    expect(await provider.signInWithPassword(request(), user.email, PASSWORD)).toMatchObject({
      ok: true,
      session: { locale: 'en' },
    });
  });

  it('signed out: no account and no change', async () => {
    expect(await provider.getAccount(request())).toBeNull();
    expect(await provider.updateProfile(request(), { name: 'X', locale: 'da' })).toEqual({
      ok: false,
      reason: 'signed_out',
    });
  });

  it('a new password with the current one: set at the Auth server, and the user’s other sessions signed out', async () => {
    const user = newUser();
    const here = await browser(user.email);
    const elsewhere = await browser(user.email);
    const result = await provider.changePassword(request(here), {
      currentPassword: PASSWORD,
      newPassword: NEW_PASSWORD,
    });
    if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);
    expect(user.password).toBe(NEW_PASSWORD);
    // The password check's own session (`local`), then every other one.
    expect(fake.logouts).toEqual(['local', 'others']);
    expect(await isSignedIn(here)).toBe(true);
    expect(await isSignedIn(elsewhere)).toBe(false);
    // Checking the current password signed in once more; that session ended with the others.
    expect(fake.sessionsOf(user.id)).toBe(1);
  });

  it('refuses a wrong current password without changing anything', async () => {
    const user = newUser();
    const here = await browser(user.email);
    const elsewhere = await browser(user.email);
    expect(
      await provider.changePassword(request(here), { currentPassword: 'not my password', newPassword: NEW_PASSWORD }),
    ).toEqual({ ok: false, reason: 'wrong_password' });
    expect(user.password).toBe(PASSWORD);
    expect(await isSignedIn(elsewhere)).toBe(true);
  });

  it('passes on the Auth server’s rate limit on the current password, and its “same password”', async () => {
    const user = newUser();
    const here = await browser(user.email);
    expect(await provider.changePassword(request(here), { currentPassword: PASSWORD, newPassword: PASSWORD })).toEqual({
      ok: false,
      reason: 'same_password',
    });
    fake.rateLimited.add(user.email);
    expect(
      await provider.changePassword(request(here), { currentPassword: PASSWORD, newPassword: NEW_PASSWORD }),
    ).toEqual({ ok: false, reason: 'rate_limited' });
  });

  it('without the current password only within minutes of a sign-in by link', async () => {
    const user = newUser();
    const byPassword = await browser(user.email);
    expect(
      await provider.changePassword(request(byPassword), { currentPassword: null, newPassword: NEW_PASSWORD }),
    ).toEqual({ ok: false, reason: 'current_password_required' });

    fake.clock.ageSeconds = (PASSWORD_RESET_MINUTES + 1) * 60;
    const longAgo = await signedInByLink(user.email);
    expect((await provider.getAccount(request(longAgo)))?.passwordResetUntil).toBeNull();
    expect(
      await provider.changePassword(request(longAgo), { currentPassword: null, newPassword: NEW_PASSWORD }),
    ).toEqual({ ok: false, reason: 'current_password_required' });

    fake.clock.ageSeconds = 60;
    const recent = await signedInByLink(user.email);
    expect((await provider.getAccount(request(recent)))?.passwordResetUntil).toBeInstanceOf(Date);
    const result = await provider.changePassword(request(recent), { currentPassword: null, newPassword: NEW_PASSWORD });
    if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);
    expect(user.password).toBe(NEW_PASSWORD);
    expect(await isSignedIn(byPassword)).toBe(false);
    expect(await isSignedIn(recent)).toBe(true);
  });

  it('cannot list sessions (Supabase Auth has no such API)', async () => {
    const cookie = await browser(newUser().email);
    expect(await provider.listSessions(request(cookie))).toBeNull();
  });

  it('signing out ends this session only; signing out everywhere ends them all', async () => {
    const user = newUser();
    const [a, b, c] = [await browser(user.email), await browser(user.email), await browser(user.email)];
    await provider.signOut(request(a));
    expect([await isSignedIn(a), await isSignedIn(b), await isSignedIn(c)]).toEqual([false, true, true]);

    const cleared = (await provider.signOutEverywhere(request(b))).getSetCookie();
    expect(cleared.length).toBeGreaterThan(0);
    for (const cookie of cleared) expect(cookie).toMatch(/Max-Age=0/i);
    expect([await isSignedIn(b), await isSignedIn(c)]).toEqual([false, false]);
    expect(fake.logouts).toEqual(['local', 'global']);
  });
});

describe('supabase provider: confirming the password (before deleting the account)', () => {
  it('asks the Auth server who is signed in, then whether the password is theirs, and ends the check’s own session', async () => {
    const user = newUser();
    const cookie = await browser(user.email);
    fake.calls.length = 0;
    fake.logouts.length = 0;
    expect(await provider.confirmPassword(request(cookie), PASSWORD)).toEqual({ ok: true, userId: user.id });
    expect(fake.calls).toEqual(['GET /auth/v1/user', 'POST /auth/v1/token', 'POST /auth/v1/logout']);
    // Only the check's session: the person's own stays signed in.
    expect(fake.logouts).toEqual(['local']);
    expect(await isSignedIn(cookie)).toBe(true);
  });

  it('refuses a wrong password, and one too long to be anyone’s without asking, and the session stays', async () => {
    const user = newUser();
    const cookie = await browser(user.email);
    expect(await provider.confirmPassword(request(cookie), 'not my password')).toEqual({
      ok: false,
      reason: 'wrong_password',
    });
    fake.calls.length = 0;
    expect(await provider.confirmPassword(request(cookie), 'x'.repeat(257))).toEqual({
      ok: false,
      reason: 'wrong_password',
    });
    expect(fake.calls).toEqual(['GET /auth/v1/user']);
    expect(await isSignedIn(cookie)).toBe(true);
  });

  it('signed out, or with a session the Auth server ended, refuses even the right password', async () => {
    const user = newUser();
    fake.calls.length = 0;
    expect(await provider.confirmPassword(request(), PASSWORD)).toEqual({ ok: false, reason: 'signed_out' });
    expect(fake.calls).toEqual([]);

    const ended = await browser(user.email);
    await provider.signOut(request(ended));
    expect(await provider.confirmPassword(request(ended), PASSWORD)).toEqual({ ok: false, reason: 'signed_out' });
  });

  it('passes on the Auth server’s 429 as rate_limited', async () => {
    const user = newUser();
    const cookie = await browser(user.email);
    fake.rateLimited.add(user.email);
    expect(await provider.confirmPassword(request(cookie), PASSWORD)).toEqual({ ok: false, reason: 'rate_limited' });
  });

  it('reports the Auth server failing, or being unreachable, as unavailable', async () => {
    const user = newUser();
    const cookie = await browser(user.email);
    fake.failing.add(user.email);
    expect(await provider.confirmPassword(request(cookie), PASSWORD)).toEqual({ ok: false, reason: 'unavailable' });

    expect(await withUnreachableServer((p) => p.confirmPassword(request(cookie), PASSWORD))).toEqual({
      ok: false,
      reason: 'unavailable',
    });
  });
});

describe('supabase provider: whom a token belongs to, remembered for seconds', () => {
  /** Runs `fn` with the clock `seconds` ahead (Date only: the HTTP to the fake keeps real timers). */
  async function later<T>(seconds: number, fn: () => Promise<T>): Promise<T> {
    vi.useFakeTimers({ toFake: ['Date'] });
    vi.setSystemTime(Date.now() + seconds * 1000);
    try {
      return await fn();
    } finally {
      vi.useRealTimers();
    }
  }

  it('asks the Auth server once for a token, not again for a while, and again after it', async () => {
    const { user, headers } = await signedIn();
    const cookie = cookieHeader(headers);
    for (let i = 0; i < 3; i++) expect((await provider.getSession(request(cookie))).session?.userId).toBe(user.id);
    expect(fake.calls).toEqual(['GET /auth/v1/user']);

    const after = await later(SUPABASE_CONFIRMED_SECONDS + 1, () => provider.getSession(request(cookie)));
    expect(after.session?.userId).toBe(user.id);
    expect(fake.calls).toEqual(['GET /auth/v1/user', 'GET /auth/v1/user']);
  });

  it('never remembers a token the Auth server refused', async () => {
    const { headers } = await signedIn();
    const cookie = cookieHeader(headers);
    // The same cookie with the token's signature changed: well-formed, never issued.
    const [name, value] = cookie.split(/=(.*)/s) as [string, string];
    const session = JSON.parse(Buffer.from(value.replace(/^base64-/, ''), 'base64url').toString()) as {
      access_token: string;
    };
    session.access_token = session.access_token.replace(/\.[^.]+$/, '.forged');
    const forged = `${name}=base64-${Buffer.from(JSON.stringify(session)).toString('base64url')}`;
    expect((await provider.getSession(request(forged))).session).toBeNull();
    expect((await provider.getSession(request(forged))).session).toBeNull();
    expect(fake.calls).toEqual(['GET /auth/v1/user', 'GET /auth/v1/user']);
  });

  it('a session ended by another process stops working here once the time is up', async () => {
    const user = newUser();
    const cookie = await browser(user.email);
    expect(await isSignedIn(cookie)).toBe(true);
    // Another app process signs this browser out.
    const elsewhere = createSupabaseProvider({ url: await fake.url(), key: API_KEY });
    await elsewhere.signOut(request(cookie));
    // Still remembered here, within the bound this provider promises; after it, refused.
    expect(await isSignedIn(cookie)).toBe(true);
    expect(await later(SUPABASE_CONFIRMED_SECONDS + 1, () => isSignedIn(cookie))).toBe(false);
  });

  it('a session ended here, or a new name and language, count from the next request', async () => {
    const user = newUser();
    const cookie = await browser(user.email);
    expect((await provider.getSession(request(cookie))).session?.locale).toBeUndefined();
    await provider.updateProfile(request(cookie), { name: 'Ada Berg', locale: 'en' });
    expect((await provider.getSession(request(cookie))).session?.locale).toBe('en');
    await provider.signOut(request(cookie));
    expect(await isSignedIn(cookie)).toBe(false);
  });
});
