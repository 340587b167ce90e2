import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { PASSWORD_RESET_MINUTES } from '../src/policy.ts';
import { createSupabaseProvider } from '../src/supabase/provider.ts';
import type { AuthProvider } from '../src/types.ts';
import { API_KEY, cookieHeader, fakeSupabaseAuth, PASSWORD, request, unique } from './fake-gotrue.ts';

const NEW_PASSWORD = 'a brand new passphrase';
const fake = fakeSupabaseAuth();
let provider: AuthProvider;

beforeAll(async () => {
  provider = createSupabaseProvider({ url: await fake.start(), key: API_KEY });
});
afterAll(() => fake.stop());
beforeEach(() => {
  fake.clock.ageSeconds = 0;
  fake.logouts.length = 0;
});

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
    expect(fake.logouts).toEqual(['others']);
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
