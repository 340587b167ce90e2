import { randomBytes } from 'node:crypto';
import { privileged } from '@brobygger/db/testing';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { CLIENT_ADDRESS_HEADER, createLocalProvider } from '../src/local/provider.ts';
import { PASSWORD_CHANGE_LIMIT } from '../src/local/rate-limit.ts';
import { insertUser } from '../src/local/users.ts';
import { PASSWORD_RESET_MINUTES } from '../src/policy.ts';

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new passphrase';
const provider = createLocalProvider({ secret: randomBytes(32), secureCookies: false });
const unique = () => randomBytes(6).toString('hex');

function request(opts: { cookie?: string; userAgent?: string; address?: string } = {}) {
  const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: opts.address ?? `test-${unique()}` });
  if (opts.cookie) headers.set('cookie', opts.cookie);
  if (opts.userAgent) headers.set('user-agent', opts.userAgent);
  return new Request('http://localhost/account', { method: 'POST', headers });
}

const cookiePair = (headers: Headers) => headers.get('set-cookie')!.split(';')[0]!;

async function createAccount() {
  const email = `account-${unique()}@test.brobygger.dk`;
  const id = await privileged((tx) => insertUser(tx, { email, password: PASSWORD, name: 'Ada Andersen' }));
  return { id, email };
}

/** Signs the user in from a browser with this user agent; returns the cookie it would keep. */
async function browser(email: string, userAgent = 'Test browser', password = PASSWORD) {
  const result = await provider.signInWithPassword(request({ userAgent }), email, password);
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);
  return cookiePair(result.headers);
}

async function signedInByLink(email: string) {
  const asked = await provider.requestSignInLink(request(), email, 'http://localhost:3000/auth/confirm');
  if (!asked.ok || !asked.issue) throw new Error('expected a link to issue');
  const mail = await provider.issueSignInLink!(asked.issue.email, 'http://localhost:3000/auth/confirm');
  if (!mail) throw new Error('expected a link');
  const token = new URL(mail.link).searchParams.get('token_hash')!;
  const result = await provider.signInWithLink(request({ userAgent: 'Mail app' }), token);
  if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);
  return cookiePair(result.headers);
}

const isSignedIn = async (cookie: string) => (await provider.getSession(request({ cookie }))).session !== null;

afterEach(() => {
  vi.useRealTimers();
});

describe('local provider: the account page', () => {
  it('shows the name given at sign-up; a changed name and language are kept and applied at the next sign-in', async () => {
    const user = await createAccount();
    const cookie = await browser(user.email);
    expect(await provider.getAccount(request({ cookie }))).toMatchObject({
      userId: user.id,
      email: user.email,
      name: 'Ada Andersen',
      locale: null,
      passwordResetUntil: null,
    });

    expect(await provider.updateProfile(request({ cookie }), { name: 'Ada Berg', locale: 'en' })).toMatchObject({
      ok: true,
    });
    expect(await provider.getAccount(request({ cookie }))).toMatchObject({ name: 'Ada Berg', locale: 'en' });

    const again = await provider.signInWithPassword(request(), user.email, PASSWORD);
    expect(again).toMatchObject({ ok: true, session: { locale: 'en' } });
  });

  it('signed out: no account, and no change', async () => {
    expect(await provider.getAccount(request())).toBeNull();
    expect(await provider.updateProfile(request(), { name: 'X', locale: 'da' })).toEqual({
      ok: false,
      reason: 'signed_out',
    });
    expect(await provider.changePassword(request(), { currentPassword: PASSWORD, newPassword: NEW_PASSWORD })).toEqual({
      ok: false,
      reason: 'signed_out',
    });
  });

  it('lists the user’s sessions, newest first, with user agent and which one is this device', async () => {
    const user = await createAccount();
    await browser(user.email, 'Firefox on the office PC');
    const phone = await browser(user.email, 'Safari on a phone');
    await browser((await createAccount()).email, 'Someone else');

    const sessions = await provider.listSessions(request({ cookie: phone }));
    expect(sessions?.map((s) => [s.userAgent, s.current])).toEqual([
      ['Safari on a phone', true],
      ['Firefox on the office PC', false],
    ]);
    for (const s of sessions ?? []) {
      expect(s.createdAt.getTime()).toBeLessThanOrEqual(Date.now());
      expect(s.lastSeenAt.getTime()).toBeGreaterThanOrEqual(s.createdAt.getTime());
    }
  });

  it('marks a session as seen when it is used, at most every few minutes', async () => {
    const user = await createAccount();
    const cookie = await browser(user.email);
    const lastSeen = async () =>
      (await privileged((tx) =>
        tx.one<{ age: number }>(
          'select extract(epoch from now() - updated_at)::float8 as age from auth.sessions where user_id = $1',
          [user.id],
        ),
      ))!.age;
    await privileged((tx) =>
      tx.query("update auth.sessions set updated_at = now() - interval '1 hour' where user_id = $1", [user.id]),
    );
    expect(await isSignedIn(cookie)).toBe(true);
    expect(await lastSeen()).toBeLessThan(60);

    await privileged((tx) =>
      tx.query("update auth.sessions set updated_at = now() - interval '2 minutes' where user_id = $1", [user.id]),
    );
    expect(await isSignedIn(cookie)).toBe(true);
    expect(await lastSeen()).toBeGreaterThanOrEqual(120);
  });

  describe('changing the password', () => {
    it('with the current password: the new one works, the old one not, and the user’s other sessions end', async () => {
      const user = await createAccount();
      const stranger = await createAccount();
      const here = await browser(user.email, 'Here');
      const elsewhere = await browser(user.email, 'Elsewhere');
      const strangers = await browser(stranger.email);

      const result = await provider.changePassword(request({ cookie: here }), {
        currentPassword: PASSWORD,
        newPassword: NEW_PASSWORD,
      });
      if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);

      const kept = cookiePair(result.headers);
      expect(await isSignedIn(kept)).toBe(true);
      expect(await isSignedIn(elsewhere)).toBe(false);
      expect(await isSignedIn(strangers)).toBe(true);
      expect((await provider.listSessions(request({ cookie: kept })))?.map((s) => s.userAgent)).toEqual(['Here']);

      expect(await provider.signInWithPassword(request(), user.email, PASSWORD)).toEqual({
        ok: false,
        reason: 'invalid_credentials',
      });
      expect(await provider.signInWithPassword(request(), user.email, NEW_PASSWORD)).toMatchObject({ ok: true });
    });

    it('refuses a wrong current password, and changes nothing', async () => {
      const user = await createAccount();
      const here = await browser(user.email);
      const elsewhere = await browser(user.email);
      expect(
        await provider.changePassword(request({ cookie: here }), {
          currentPassword: 'not my password',
          newPassword: NEW_PASSWORD,
        }),
      ).toEqual({ ok: false, reason: 'wrong_password' });
      expect(await isSignedIn(elsewhere)).toBe(true);
      expect(await provider.signInWithPassword(request(), user.email, PASSWORD)).toMatchObject({ ok: true });
    });

    it(`slows down guesses at the current password after ${PASSWORD_CHANGE_LIMIT.perEmail}`, async () => {
      const user = await createAccount();
      const cookie = await browser(user.email);
      const address = `guesser-${unique()}`;
      const attempt = (currentPassword: string) =>
        provider.changePassword(request({ cookie, address }), { currentPassword, newPassword: NEW_PASSWORD });
      for (let i = 0; i < PASSWORD_CHANGE_LIMIT.perEmail; i++) {
        expect(await attempt(`guess ${i}`)).toEqual({ ok: false, reason: 'wrong_password' });
      }
      expect(await attempt(PASSWORD)).toMatchObject({ ok: false, reason: 'rate_limited' });
      // Sign-in itself is counted apart, and still works.
      expect(await provider.signInWithPassword(request(), user.email, PASSWORD)).toMatchObject({ ok: true });
    });

    it('refuses a new password that is too short, too long, or the same as the old one', async () => {
      const user = await createAccount();
      const cookie = await browser(user.email);
      for (const [newPassword, reason] of [
        ['short', 'weak_password'],
        ['x'.repeat(257), 'weak_password'],
        [PASSWORD, 'same_password'],
      ] as const) {
        expect(await provider.changePassword(request({ cookie }), { currentPassword: PASSWORD, newPassword })).toEqual({
          ok: false,
          reason,
        });
      }
    });

    it('without the current password only shortly after a sign-in by link', async () => {
      const user = await createAccount();
      const byPassword = await browser(user.email);
      expect(
        await provider.changePassword(request({ cookie: byPassword }), {
          currentPassword: null,
          newPassword: NEW_PASSWORD,
        }),
      ).toEqual({ ok: false, reason: 'current_password_required' });

      const byLink = await signedInByLink(user.email);
      const account = await provider.getAccount(request({ cookie: byLink }));
      const minutesLeft = (account!.passwordResetUntil!.getTime() - Date.now()) / 60_000;
      expect(minutesLeft).toBeGreaterThan(PASSWORD_RESET_MINUTES - 1);
      expect(minutesLeft).toBeLessThanOrEqual(PASSWORD_RESET_MINUTES);

      const result = await provider.changePassword(request({ cookie: byLink }), {
        currentPassword: null,
        newPassword: NEW_PASSWORD,
      });
      if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);
      expect(await isSignedIn(byPassword)).toBe(false);
      expect(await provider.signInWithPassword(request(), user.email, NEW_PASSWORD)).toMatchObject({ ok: true });
      // Used once, the window closes: the session's new cookie records a password.
      const after = cookiePair(result.headers);
      expect((await provider.getAccount(request({ cookie: after })))?.passwordResetUntil).toBeNull();
      expect(
        await provider.changePassword(request({ cookie: after }), { currentPassword: null, newPassword: PASSWORD }),
      ).toEqual({ ok: false, reason: 'current_password_required' });
    });

    it(`a link sign-in more than ${PASSWORD_RESET_MINUTES} minutes ago needs the current password again`, async () => {
      const user = await createAccount();
      const byLink = await signedInByLink(user.email);
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(Date.now() + (PASSWORD_RESET_MINUTES + 1) * 60_000);
      expect((await provider.getAccount(request({ cookie: byLink })))?.passwordResetUntil).toBeNull();
      expect(
        await provider.changePassword(request({ cookie: byLink }), {
          currentPassword: null,
          newPassword: NEW_PASSWORD,
        }),
      ).toEqual({ ok: false, reason: 'current_password_required' });
      expect(await provider.signInWithPassword(request(), user.email, PASSWORD)).toMatchObject({ ok: true });
    });
  });

  describe('confirming the password (before deleting the account)', () => {
    it('accepts the user’s own password and says whose it is', async () => {
      const user = await createAccount();
      const cookie = await browser(user.email);
      expect(await provider.confirmPassword(request({ cookie }), PASSWORD)).toEqual({ ok: true, userId: user.id });
      expect(await isSignedIn(cookie)).toBe(true);
    });

    it('refuses a wrong password, or one too long to be anyone’s, and the session stays', async () => {
      const user = await createAccount();
      const cookie = await browser(user.email);
      for (const password of ['not my password', 'x'.repeat(257)]) {
        expect(await provider.confirmPassword(request({ cookie }), password)).toEqual({
          ok: false,
          reason: 'wrong_password',
        });
      }
      expect(await isSignedIn(cookie)).toBe(true);
    });

    it('signed out, or with an ended session, refuses even the right password', async () => {
      const user = await createAccount();
      const ended = await browser(user.email);
      await provider.signOut(request({ cookie: ended }));
      for (const req of [request(), request({ cookie: ended })]) {
        expect(await provider.confirmPassword(req, PASSWORD)).toEqual({ ok: false, reason: 'signed_out' });
      }
    });

    it(`slows down guesses after ${PASSWORD_CHANGE_LIMIT.perEmail}, counted with password changes`, async () => {
      const user = await createAccount();
      const cookie = await browser(user.email);
      const address = `guesser-${unique()}`;
      for (let i = 0; i < PASSWORD_CHANGE_LIMIT.perEmail; i++) {
        expect(await provider.confirmPassword(request({ cookie, address }), `guess ${i}`)).toEqual({
          ok: false,
          reason: 'wrong_password',
        });
      }
      const limited = await provider.confirmPassword(request({ cookie, address }), PASSWORD);
      if (limited.ok || limited.reason !== 'rate_limited') throw new Error(`expected rate_limited, got ${limited.ok}`);
      expect(limited.retryAfterSeconds).toBeGreaterThan(0);
      expect(
        await provider.changePassword(request({ cookie, address }), {
          currentPassword: PASSWORD,
          newPassword: NEW_PASSWORD,
        }),
      ).toMatchObject({ ok: false, reason: 'rate_limited' });
      // Sign-in itself is counted apart, and still works.
      expect(await provider.signInWithPassword(request(), user.email, PASSWORD)).toMatchObject({ ok: true });
    });
  });

  it('signing out everywhere ends every session of the user, this one included', async () => {
    const user = await createAccount();
    const other = await createAccount();
    const here = await browser(user.email);
    const elsewhere = await browser(user.email);
    const others = await browser(other.email);

    const cleared = (await provider.signOutEverywhere(request({ cookie: here }))).get('set-cookie');
    expect(cleared).toMatch(/Max-Age=0/i);
    expect(await isSignedIn(here)).toBe(false);
    expect(await isSignedIn(elsewhere)).toBe(false);
    expect(await isSignedIn(others)).toBe(true);
  });

  it('an ended session’s old cookie cannot sign the user out elsewhere', async () => {
    const user = await createAccount();
    const old = await browser(user.email);
    await provider.signOut(request({ cookie: old }));
    const current = await browser(user.email);
    await provider.signOutEverywhere(request({ cookie: old }));
    expect(await isSignedIn(current)).toBe(true);
  });
});
