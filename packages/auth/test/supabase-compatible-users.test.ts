import { randomBytes } from 'node:crypto';
import { hash as argon2 } from '@node-rs/argon2';
import { DEMO_PASSWORD, DEMO_USERS, USER_STRING_COLUMNS } from '@brobygger/db';
import { privileged } from '@brobygger/db/testing';
import { verify as bcryptVerify } from '@node-rs/bcrypt';
import { describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, createLocalProvider } from '../src/local/provider.ts';
import { bcryptCost } from '../src/local/passwords.ts';
import { insertUser } from '../src/local/users.ts';

/**
 * Local sign-in on the Supabase-shaped schema (decision 032): the users the local provider makes
 * are rows Supabase Auth can read, its links live apart from Supabase Auth's one-time tokens, and
 * its password hashes are bcrypt, which Supabase Auth verifies.
 */

const PASSWORD = 'correct horse battery staple';
const NEW_PASSWORD = 'a brand new passphrase';
const CONFIRM = 'http://localhost:3000/auth/confirm';
const provider = createLocalProvider({ secret: randomBytes(32), secureCookies: false });
const unique = () => randomBytes(6).toString('hex');
const newEmail = (label: string) => `${label}-${unique()}@test.brobygger.dk`;

function request(cookie?: string) {
  const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: `test-${unique()}` });
  if (cookie) headers.set('cookie', cookie);
  return new Request('http://localhost/sign-in', { method: 'POST', headers });
}
const cookiePair = (headers: Headers) => headers.get('set-cookie')!.split(';')[0]!;
const tokenOf = (link: string) => new URL(link).searchParams.get('token_hash')!;

type UserRow = Record<string, unknown> & { encrypted_password: string; raw_app_meta_data: unknown };

const userRow = (email: string) =>
  privileged((tx) => tx.one<UserRow>('select * from auth.users where email = $1', [email])).then((row) => row!);

/**
 * Every column Supabase Auth (GoTrue's models.User) reads, as it needs it: the zero instance id,
 * aud and role, timestamps, app metadata naming the e-mail provider, the flags as booleans, the
 * confirmation status as a number, and '' (never NULL) where it scans into a Go string.
 */
function expectReadableBySupabaseAuth(row: UserRow, expected: { email: string; name: string; confirmed: boolean }) {
  expect(row).toMatchObject({
    instance_id: '00000000-0000-0000-0000-000000000000',
    aud: 'authenticated',
    role: 'authenticated',
    email: expected.email,
    raw_app_meta_data: { provider: 'email', providers: ['email'] },
    raw_user_meta_data: expect.objectContaining({ name: expected.name }),
    is_super_admin: false,
    is_sso_user: false,
    is_anonymous: false,
    email_change_confirm_status: 0,
    phone: null,
    banned_until: null,
    deleted_at: null,
  });
  expect(row.created_at).toBeInstanceOf(Date);
  expect(row.updated_at).toBeInstanceOf(Date);
  expect(row.email_confirmed_at instanceof Date).toBe(expected.confirmed);
  expect(row.confirmed_at instanceof Date).toBe(expected.confirmed);
  expect(Object.fromEntries(USER_STRING_COLUMNS.map((c) => [c, row[c]]))).toEqual(
    Object.fromEntries(USER_STRING_COLUMNS.map((c) => [c, ''])),
  );
  // bcrypt as Supabase Auth writes and verifies it ($2a$/$2b$), cost 10 or more.
  expect(row.encrypted_password).toMatch(/^\$2[ab]\$\d\d\$/);
  expect(bcryptCost(row.encrypted_password)).toBeGreaterThanOrEqual(10);
}

describe('users made by the local provider are complete Supabase Auth users', () => {
  it('by sign-up: unconfirmed until the link is followed, then confirmed', async () => {
    const email = newEmail('signup');
    const registered = await provider.register(
      request(),
      { email, password: PASSWORD, name: 'Signe Op', locale: 'da', data: {} },
      CONFIRM,
    );
    expect(registered).toMatchObject({ ok: true });
    expectReadableBySupabaseAuth(await userRow(email), { email, name: 'Signe Op', confirmed: false });

    const link = await provider.issueSignInLink!(email, CONFIRM);
    expect(await provider.signInWithLink(request(), tokenOf(link!.link))).toMatchObject({ ok: true });
    expectReadableBySupabaseAuth(await userRow(email), { email, name: 'Signe Op', confirmed: true });
  });

  it('by accepting an invitation (sign-up with a password): confirmed at once', async () => {
    const email = newEmail('invited');
    expect(await provider.signUp(request(), { email, password: PASSWORD, name: 'Ina Inviteret' })).toMatchObject({
      ok: true,
    });
    expectReadableBySupabaseAuth(await userRow(email), { email, name: 'Ina Inviteret', confirmed: true });
  });

  it('by the demo seed (which creates its users with insertUser)', async () => {
    const demo = DEMO_USERS[0]!;
    const email = newEmail('demo');
    await privileged((tx) => insertUser(tx, { email, password: DEMO_PASSWORD, name: demo.name }));
    expectReadableBySupabaseAuth(await userRow(email), { email, name: demo.name, confirmed: true });
    expect(await provider.signInWithPassword(request(), email, DEMO_PASSWORD)).toMatchObject({ ok: true });
  });

  it('a session is one Supabase Auth can read: timestamps, assurance level aal1, an end', async () => {
    const email = newEmail('session');
    const signedUp = await provider.signUp(request(), { email, password: PASSWORD, name: 'Sessa' });
    if (!signedUp.ok) throw new Error(`expected ok, got ${signedUp.reason}`);
    const sessions = await privileged((tx) =>
      tx.query(
        `select aal, created_at is not null as created, updated_at is not null as updated,
                not_after > now() + interval '11 hours' as ends_later
         from auth.sessions where user_id = $1`,
        [signedUp.session.userId],
      ),
    );
    expect(sessions).toEqual([{ aal: 'aal1', created: true, updated: true, ends_later: true }]);
  });
});

describe('sign-in links and password reset on the Supabase-shaped schema', () => {
  it("keeps its links in brobygger_auth.link_tokens, never in Supabase Auth's one-time tokens", async () => {
    const email = newEmail('link');
    const signedUp = await provider.signUp(request(), { email, password: PASSWORD, name: 'Linda' });
    if (!signedUp.ok) throw new Error(`expected ok, got ${signedUp.reason}`);
    const userId = signedUp.session.userId;

    const link = await provider.issueSignInLink!(email, CONFIRM);
    const where = () =>
      privileged((tx) =>
        tx.one<{ ours: number; supabase: number }>(
          `select (select count(*)::int from brobygger_auth.link_tokens where user_id = $1) as ours,
                  (select count(*)::int from auth.one_time_tokens where user_id = $1) as supabase`,
          [userId],
        ),
      );
    expect(await where()).toEqual({ ours: 1, supabase: 0 });
    expect(await provider.signInWithLink(request(), tokenOf(link!.link))).toMatchObject({
      ok: true,
      session: { userId },
    });
    expect(await where()).toEqual({ ours: 0, supabase: 0 });
  });

  it('forgot password: the link signs in, a new password is set without the old one, and only the new one works', async () => {
    const email = newEmail('reset');
    await provider.signUp(request(), { email, password: PASSWORD, name: 'Rita' });
    const link = await provider.issueSignInLink!(email, CONFIRM);
    const viaLink = await provider.signInWithLink(request(), tokenOf(link!.link));
    if (!viaLink.ok) throw new Error(`expected ok, got ${viaLink.reason}`);

    const changed = await provider.changePassword(request(cookiePair(viaLink.headers)), {
      currentPassword: null,
      newPassword: NEW_PASSWORD,
    });
    expect(changed).toMatchObject({ ok: true });
    expect(await provider.signInWithPassword(request(), email, PASSWORD)).toMatchObject({
      reason: 'invalid_credentials',
    });
    expect(await provider.signInWithPassword(request(), email, NEW_PASSWORD)).toMatchObject({ ok: true });
    const row = await userRow(email);
    expect(await bcryptVerify(NEW_PASSWORD, row.encrypted_password)).toBe(true);
  });
});

describe('passwords', () => {
  it('an argon2 hash from before bcrypt still signs in, and is replaced by bcrypt at that sign-in', async () => {
    const email = newEmail('legacy');
    await privileged((tx) => insertUser(tx, { email, password: PASSWORD, name: 'Lea Gacy' }));
    const legacy = await argon2(PASSWORD);
    await privileged((tx) =>
      tx.query('update auth.users set encrypted_password = $2 where email = $1', [email, legacy]),
    );
    expect((await userRow(email)).encrypted_password).toMatch(/^\$argon2id\$/);

    expect(await provider.signInWithPassword(request(), email, 'not the password')).toMatchObject({
      reason: 'invalid_credentials',
    });
    expect((await userRow(email)).encrypted_password).toMatch(/^\$argon2id\$/);

    expect(await provider.signInWithPassword(request(), email, PASSWORD)).toMatchObject({ ok: true });
    const rehashed = (await userRow(email)).encrypted_password;
    expect(await bcryptVerify(PASSWORD, rehashed)).toBe(true);
    expect(await provider.signInWithPassword(request(), email, PASSWORD)).toMatchObject({ ok: true });
  });

  it('refuses a new password that bcrypt would cut short (over 72 bytes), also in fewer than 72 letters', async () => {
    const email = newEmail('long');
    const danish = 'æøå'.repeat(13); // 39 letters, 78 bytes
    expect(await provider.signUp(request(), { email, password: danish, name: 'Lang' })).toEqual({
      ok: false,
      reason: 'weak_password',
    });
    expect(await provider.signUp(request(), { email, password: 'x'.repeat(73), name: 'Lang' })).toEqual({
      ok: false,
      reason: 'weak_password',
    });
    expect(await privileged((tx) => tx.one('select 1 from auth.users where email = $1', [email]))).toBeFalsy();
  });
});
