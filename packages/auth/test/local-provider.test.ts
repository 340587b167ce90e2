import { randomBytes } from 'node:crypto';
import { privileged } from '@brobygger/db/testing';
import { describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, createLocalProvider } from '../src/local/provider.ts';
import { LINK_LIMIT, RATE_LIMIT } from '../src/local/rate-limit.ts';
import { SESSION_COOKIE } from '../src/local/session-cookie.ts';
import { insertUser } from '../src/local/users.ts';
import { MIN_PASSWORD_LENGTH } from '../src/types.ts';

const PASSWORD = 'correct horse battery staple';
const provider = createLocalProvider({ secret: randomBytes(32), secureCookies: false });

const unique = () => randomBytes(6).toString('hex');
const CONFIRM = 'http://localhost:3000/auth/confirm';

/** A request as the app's server hands it over: from its own client address, with any cookie. */
function request(opts: { address?: string; cookie?: string } = {}) {
  const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: opts.address ?? `test-${unique()}` });
  if (opts.cookie) headers.set('cookie', opts.cookie);
  return new Request('http://localhost/sign-in', { method: 'POST', headers });
}

async function createAccount() {
  const email = `local-${unique()}@test.brobygger.dk`;
  const id = await privileged((tx) => insertUser(tx, { email, password: PASSWORD, name: 'Local Tester' }));
  return { id, email };
}

/** The `name=value` part of a Set-Cookie header, as a browser would send it back. */
const cookiePair = (headers: Headers) => headers.get('set-cookie')!.split(';')[0]!;

describe('local provider', () => {
  it('signs in with the right password: an httpOnly, SameSite=Lax session cookie for that user', async () => {
    const user = await createAccount();
    const result = await provider.signInWithPassword(request(), user.email, PASSWORD);
    if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);

    const setCookie = result.headers.get('set-cookie')!;
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
    expect(setCookie).toMatch(/;\s*HttpOnly/i);
    expect(setCookie).toMatch(/;\s*SameSite=Lax/i);
    expect(result.session).toMatchObject({
      userId: user.id,
      email: user.email,
      claims: { sub: user.id, role: 'authenticated' },
    });
  });

  it('accepts the e-mail in any case and with surrounding spaces', async () => {
    const user = await createAccount();
    const result = await provider.signInWithPassword(request(), `  ${user.email.toUpperCase()} `, PASSWORD);
    expect(result).toMatchObject({ ok: true, session: { userId: user.id } });
  });

  it('getSession returns the session for the cookie it issued', async () => {
    const user = await createAccount();
    const signIn = await provider.signInWithPassword(request(), user.email, PASSWORD);
    if (!signIn.ok) throw new Error(`expected ok, got ${signIn.reason}`);

    const { session } = await provider.getSession(request({ cookie: cookiePair(signIn.headers) }));
    expect(session).toEqual({
      userId: user.id,
      email: user.email,
      claims: { sub: user.id, email: user.email, role: 'authenticated', aud: 'authenticated' },
    });
  });

  it('getSession returns null without a cookie, for a tampered one, and for one signed with another secret, also after the genuine one was read', async () => {
    const [user, victim] = [await createAccount(), await createAccount()];
    const signIn = await provider.signInWithPassword(request(), user.email, PASSWORD);
    if (!signIn.ok) throw new Error(`expected ok, got ${signIn.reason}`);
    const [name, token] = cookiePair(signIn.headers).split('=') as [string, string];

    // Same signature, payload rewritten to claim to be someone else.
    const [header, payload, signature] = token.split('.') as [string, string, string];
    const claims = { ...JSON.parse(Buffer.from(payload, 'base64url').toString()), sub: victim.id, email: victim.email };
    const tampered = [header, Buffer.from(JSON.stringify(claims)).toString('base64url'), signature].join('.');

    const elsewhere = createLocalProvider({ secret: randomBytes(32), secureCookies: false });
    const foreign = await elsewhere.signInWithPassword(request(), user.email, PASSWORD);
    if (!foreign.ok) throw new Error(`expected ok, got ${foreign.reason}`);

    // The genuine cookie first: its check is remembered (verified-tokens.ts), which must not let
    // anything that merely resembles it through.
    expect((await provider.getSession(request({ cookie: `${name}=${token}` }))).session).not.toBeNull();
    for (const cookie of [undefined, `${name}=${tampered}`, `${name}=${token}x`, cookiePair(foreign.headers)]) {
      expect((await provider.getSession(request({ cookie }))).session).toBeNull();
    }
  });

  it('refuses a wrong password', async () => {
    const user = await createAccount();
    expect(await provider.signInWithPassword(request(), user.email, 'wrong password!')).toEqual({
      ok: false,
      reason: 'invalid_credentials',
    });
  });

  it('refuses a password longer than any account can have, without counting or checking it', async () => {
    const user = await createAccount();
    const address = `long-${unique()}`;
    expect(await provider.signInWithPassword(request({ address }), user.email, 'x'.repeat(257))).toEqual({
      ok: false,
      reason: 'invalid_credentials',
    });
    const counted = await privileged((tx) =>
      tx.query('select 1 from app.login_attempts where key = $1', [`addr:${address}`]),
    );
    expect(counted).toEqual([]);
    expect(
      await provider.signUp(request(), {
        email: `long-${unique()}@test.brobygger.dk`,
        password: 'x'.repeat(257),
        name: 'Long',
      }),
    ).toEqual({
      ok: false,
      reason: 'weak_password',
    });
  });

  it('refuses an unknown e-mail the same way', async () => {
    expect(await provider.signInWithPassword(request(), `nobody-${unique()}@test.brobygger.dk`, PASSWORD)).toEqual({
      ok: false,
      reason: 'invalid_credentials',
    });
  });

  /** Moves the e-mail's recorded attempts back in time, as if the wait had passed. */
  const waitPassed = (email: string, seconds: number) =>
    privileged((tx) =>
      tx.query(
        "update app.login_attempts set attempted_at = attempted_at - make_interval(secs => $2) where key = 'email:' || $1",
        [email, seconds],
      ),
    );

  it(`after ${RATE_LIMIT.perEmail} failures for an e-mail, slows sign-in down instead of locking the account`, async () => {
    const user = await createAccount();
    for (let i = 0; i < RATE_LIMIT.perEmail; i++) {
      // From different addresses: the per-e-mail limit must hold however the attacker spreads out.
      const failed = await provider.signInWithPassword(request(), user.email, `wrong password ${i}`);
      expect(failed).toEqual({ ok: false, reason: 'invalid_credentials' });
    }
    const slowed = await provider.signInWithPassword(request(), user.email, PASSWORD);
    expect(slowed).toEqual({ ok: false, reason: 'rate_limited', retryAfterSeconds: 2 });

    // The attacker keeps going: each admitted attempt doubles the wait, refused ones do not count.
    await waitPassed(user.email, 2);
    expect(await provider.signInWithPassword(request(), user.email, 'wrong again!')).toMatchObject({
      reason: 'invalid_credentials',
    });
    for (let i = 0; i < 5; i++) {
      expect(await provider.signInWithPassword(request(), user.email, 'hammering')).toEqual({
        ok: false,
        reason: 'rate_limited',
        retryAfterSeconds: 4,
      });
    }

    // Once the wait has passed, the owner gets in with the right password.
    await waitPassed(user.email, 4);
    expect(await provider.signInWithPassword(request(), user.email, PASSWORD)).toMatchObject({ ok: true });
  });

  it('never waits longer than the cap, however many attempts were made', async () => {
    const user = await createAccount();
    await privileged((tx) =>
      tx.query("insert into app.login_attempts (key) select 'email:' || $1 from generate_series(1, 200)", [user.email]),
    );
    const slowed = await provider.signInWithPassword(request(), user.email, PASSWORD);
    expect(slowed).toEqual({ ok: false, reason: 'rate_limited', retryAfterSeconds: RATE_LIMIT.maxDelaySeconds });
  });

  it('while password sign-in is slowed down, the sign-in link still works', async () => {
    const user = await createAccount();
    for (let i = 0; i < RATE_LIMIT.perEmail + 1; i++)
      await provider.signInWithPassword(request(), user.email, `wrong password ${i}`);
    expect(await provider.signInWithPassword(request(), user.email, PASSWORD)).toMatchObject({
      reason: 'rate_limited',
    });

    const asked = await provider.requestSignInLink(request(), user.email, CONFIRM);
    if (!asked.ok || !asked.issue) throw new Error('expected a link to issue');
    const mail = await provider.issueSignInLink!(asked.issue.email, CONFIRM);
    const token = new URL(mail!.link).searchParams.get('token_hash')!;
    expect(await provider.signInWithLink(request(), token)).toMatchObject({ ok: true, session: { userId: user.id } });
    // Signing in by link forgives the password attempts.
    expect(await provider.signInWithPassword(request(), user.email, PASSWORD)).toMatchObject({ ok: true });
  });

  it('slows down many accounts tried from one address, not other addresses', async () => {
    const address = `office-${unique()}`;
    for (let i = 0; i < RATE_LIMIT.perAddress; i++)
      await provider.signInWithPassword(request({ address }), `nobody-${unique()}@test.brobygger.dk`, 'guess');
    const user = await createAccount();
    expect(await provider.signInWithPassword(request({ address }), user.email, PASSWORD)).toMatchObject({
      reason: 'rate_limited',
    });
    expect(await provider.signInWithPassword(request(), user.email, PASSWORD)).toMatchObject({ ok: true });
  });

  it('parallel wrong passwords: no more than the limit reach the password check', async () => {
    const user = await createAccount();
    // All at once, each from its own address, so only the per-e-mail limit can hold them back.
    const results = await Promise.all(
      Array.from({ length: 40 }, (_, i) => provider.signInWithPassword(request(), user.email, `wrong password ${i}`)),
    );
    const checked = results.filter((r) => !r.ok && r.reason === 'invalid_credentials');
    expect(checked.length).toBeLessThanOrEqual(RATE_LIMIT.perEmail);
    expect(results.filter((r) => !r.ok && r.reason === 'rate_limited')).toHaveLength(40 - checked.length);
  });

  it('a success before the limit clears the e-mail’s failures', async () => {
    const user = await createAccount();
    for (let i = 0; i < RATE_LIMIT.perEmail - 1; i++)
      await provider.signInWithPassword(request(), user.email, 'wrong password!');
    expect(await provider.signInWithPassword(request(), user.email, PASSWORD)).toMatchObject({ ok: true });
    expect(await provider.signInWithPassword(request(), user.email, 'wrong password!')).toMatchObject({
      reason: 'invalid_credentials',
    });
    expect(await provider.signInWithPassword(request(), user.email, PASSWORD)).toMatchObject({ ok: true });
  });

  describe('server-side sessions', () => {
    async function signedIn() {
      const user = await createAccount();
      const signIn = await provider.signInWithPassword(request(), user.email, PASSWORD);
      if (!signIn.ok) throw new Error(`expected ok, got ${signIn.reason}`);
      const cookie = cookiePair(signIn.headers);
      const sessionOf = async () => (await provider.getSession(request({ cookie }))).session;
      expect(await sessionOf()).toMatchObject({ userId: user.id });
      return { user, cookie, sessionOf };
    }

    it('signing out ends the session: the same cookie, kept or copied, no longer works', async () => {
      const { user, cookie, sessionOf } = await signedIn();
      await provider.signOut(request({ cookie }));
      expect(await sessionOf()).toBeNull();
      expect(await privileged((tx) => tx.query('select 1 from auth.sessions where user_id = $1', [user.id]))).toEqual(
        [],
      );
    });

    it('signing out in one browser leaves the session in another', async () => {
      const { user, cookie } = await signedIn();
      const other = await provider.signInWithPassword(request(), user.email, PASSWORD);
      if (!other.ok) throw new Error(`expected ok, got ${other.reason}`);
      await provider.signOut(request({ cookie }));
      expect((await provider.getSession(request({ cookie: cookiePair(other.headers) }))).session).toMatchObject({
        userId: user.id,
      });
    });

    it('a session past its end, or of a deleted user, is refused although the cookie is validly signed', async () => {
      const expired = await signedIn();
      await privileged((tx) =>
        tx.query("update auth.sessions set not_after = now() - interval '1 second' where user_id = $1", [
          expired.user.id,
        ]),
      );
      expect(await expired.sessionOf()).toBeNull();

      const deleted = await signedIn();
      await privileged((tx) => tx.query('update auth.users set deleted_at = now() where id = $1', [deleted.user.id]));
      expect(await deleted.sessionOf()).toBeNull();
    });
  });

  describe('sign-in links', () => {
    const tokenOf = (link: string) => new URL(link).searchParams.get('token_hash')!;

    /** What the app's queue does: the request admits the attempt, the worker issues the link. */
    async function linkFor(email: string) {
      const result = await provider.requestSignInLink(request(), email, CONFIRM);
      if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);
      return result.issue && provider.issueSignInLink!(result.issue.email, CONFIRM);
    }

    it('mails a link to an existing account that signs in once, as that user', async () => {
      const user = await createAccount();
      const mail = await linkFor(`  ${user.email.toUpperCase()} `);
      expect(mail).toMatchObject({
        to: user.email,
        link: expect.stringMatching(/^http:\/\/localhost:3000\/auth\/confirm\?token_hash=[\w-]{43}$/),
      });

      const first = await provider.signInWithLink(request(), tokenOf(mail!.link));
      if (!first.ok) throw new Error(`expected ok, got ${first.reason}`);
      expect(first.session).toMatchObject({ userId: user.id, email: user.email });
      expect((await provider.getSession(request({ cookie: cookiePair(first.headers) }))).session).toMatchObject({
        userId: user.id,
      });
      expect(await provider.signInWithLink(request(), tokenOf(mail!.link))).toEqual({
        ok: false,
        reason: 'link_invalid',
      });
    });

    it('answers an unknown e-mail exactly like a known one, and issues no link for it', async () => {
      const known = await createAccount();
      const unknown = `nobody-${unique()}@test.brobygger.dk`;
      const answerFor = (email: string) => provider.requestSignInLink(request(), email, CONFIRM);
      // The request's answer carries nothing that depends on the account: only the address back.
      expect(await answerFor(unknown)).toEqual({ ok: true, issue: { email: unknown } });
      expect(await answerFor(known.email)).toEqual({ ok: true, issue: { email: known.email } });
      expect(await provider.issueSignInLink!(unknown, CONFIRM)).toBeNull();
    });

    it('stores only a hash; a newer link replaces the older; an expired or made-up link signs no one in', async () => {
      const user = await createAccount();
      const older = await linkFor(user.email);
      const newer = await linkFor(user.email);
      const stored = await privileged((tx) =>
        tx.query<{ token_hash: string }>('select token_hash from brobygger_auth.link_tokens where user_id = $1', [
          user.id,
        ]),
      );
      expect(stored).toHaveLength(1);
      expect(stored[0]!.token_hash).not.toBe(tokenOf(newer!.link));
      expect(await provider.signInWithLink(request(), tokenOf(older!.link))).toMatchObject({ reason: 'link_invalid' });

      await privileged((tx) =>
        tx.query(
          "update brobygger_auth.link_tokens set created_at = now() - interval '16 minutes' where user_id = $1",
          [user.id],
        ),
      );
      expect(await provider.signInWithLink(request(), tokenOf(newer!.link))).toMatchObject({ reason: 'link_invalid' });
      expect(await provider.signInWithLink(request(), 'made-up')).toMatchObject({ reason: 'link_invalid' });
      expect(await provider.signInWithLink(request(), '')).toMatchObject({ reason: 'link_invalid' });
    });

    it(`after ${LINK_LIMIT.perEmail} links for one e-mail, the next one has to wait`, async () => {
      const user = await createAccount();
      for (let i = 0; i < LINK_LIMIT.perEmail; i++) expect(await linkFor(user.email)).not.toBeNull();
      expect(await provider.requestSignInLink(request(), user.email, CONFIRM)).toEqual({
        ok: false,
        reason: 'rate_limited',
        retryAfterSeconds: 2,
      });
    });
  });

  it('signOut clears the session cookie', async () => {
    const setCookie = (await provider.signOut(request())).get('set-cookie')!;
    expect(setCookie).toMatch(new RegExp(`^${SESSION_COOKIE}=;`));
    expect(setCookie).toMatch(/Max-Age=0/i);
  });

  describe('signUp', () => {
    it(`refuses a password shorter than ${MIN_PASSWORD_LENGTH} characters and creates no user`, async () => {
      const email = `short-${unique()}@test.brobygger.dk`;
      const password = 'x'.repeat(MIN_PASSWORD_LENGTH - 1);
      expect(await provider.signUp(request(), { email, password, name: 'Short' })).toEqual({
        ok: false,
        reason: 'weak_password',
      });
      expect(await privileged((tx) => tx.query('select 1 from auth.users where email = $1', [email]))).toEqual([]);
    });

    it('refuses an e-mail that already has an account, in any case', async () => {
      const user = await createAccount();
      const result = await provider.signUp(request(), {
        email: user.email.toUpperCase(),
        password: PASSWORD,
        name: 'Again',
      });
      expect(result).toEqual({ ok: false, reason: 'email_taken' });
    });

    it('creates an account that can then sign in', async () => {
      const email = `new-${unique()}@test.brobygger.dk`;
      const result = await provider.signUp(request(), { email, password: PASSWORD, name: 'New Person' });
      if (!result.ok) throw new Error(`expected ok, got ${result.reason}`);
      expect(result.headers.get('set-cookie')).toMatch(new RegExp(`^${SESSION_COOKIE}=`));
      expect(await provider.signInWithPassword(request(), email, PASSWORD)).toMatchObject({
        ok: true,
        session: { userId: result.session.userId },
      });
    });
  });
});
