import { randomBytes } from 'node:crypto';
import { raisedKey, withRls } from '@brobygger/db';
import { privileged } from '@brobygger/db/testing';
import { describe, expect, it } from 'vitest';
import { CLIENT_ADDRESS_HEADER, createLocalProvider } from '../src/local/provider.ts';
import { insertUser } from '../src/local/users.ts';

/**
 * The local provider's session is read from the cookie alone (`readSession`) and proved live by the
 * request's own RLS transaction, as its first statement after the claims (decision 033): an ended,
 * expired or deleted user's session is refused there, before the request's work runs.
 */

const PASSWORD = 'correct horse battery staple';
const provider = createLocalProvider({ secret: randomBytes(32), secureCookies: false });
const unique = () => randomBytes(6).toString('hex');

function request(cookie?: string) {
  const headers = new Headers({ [CLIENT_ADDRESS_HEADER]: `test-${unique()}` });
  if (cookie) headers.set('cookie', cookie);
  return new Request('http://localhost/w/x/volunteers', { headers });
}

/** A signed-in user: the cookie, and the session `readSession` makes of it. */
async function signedIn() {
  const email = `fold-${unique()}@test.brobygger.dk`;
  const id = await privileged((tx) => insertUser(tx, { email, password: PASSWORD, name: 'Fold Tester' }));
  const signIn = await provider.signInWithPassword(request(), email, PASSWORD);
  if (!signIn.ok) throw new Error(`expected ok, got ${signIn.reason}`);
  const cookie = signIn.headers.get('set-cookie')!.split(';')[0]!;
  const { session } = await provider.readSession!(request(cookie));
  if (!session?.liveSession) throw new Error('readSession gave no session to prove live');
  return { id, cookie, session };
}

/** The request's transaction: who the database thinks the caller is, or the key it refused with. */
async function inRequest(session: { claims: Parameters<typeof withRls>[0]; liveSession?: string }) {
  try {
    const row = await withRls(session.claims, (tx) => tx.one<{ uid: string }>('select auth.uid()::text as uid'), {
      liveSession: session.liveSession,
    });
    return { uid: row?.uid };
  } catch (error) {
    return { refused: raisedKey(error) ?? String(error) };
  }
}

describe('the session check inside the request transaction', () => {
  it('a live session runs the request as its user', async () => {
    const { id, session } = await signedIn();
    expect(await inRequest(session)).toEqual({ uid: id });
  });

  it('after signing out, the same cookie is refused with not_signed_in', async () => {
    const { cookie, session } = await signedIn();
    await provider.signOut(request(cookie));
    expect(await inRequest(session)).toEqual({ refused: 'not_signed_in' });
  });

  it('an expired session is refused', async () => {
    const { session } = await signedIn();
    await privileged((tx) =>
      tx.query("update auth.sessions set not_after = now() - interval '1 second' where id = $1", [session.liveSession]),
    );
    expect(await inRequest(session)).toEqual({ refused: 'not_signed_in' });
  });

  it('a deleted user’s session is refused', async () => {
    const { id, session } = await signedIn();
    await privileged((tx) => tx.query('update auth.users set deleted_at = now() where id = $1', [id]));
    expect(await inRequest(session)).toEqual({ refused: 'not_signed_in' });
  });

  it('another user’s live session does not vouch for these claims', async () => {
    const mine = await signedIn();
    const theirs = await signedIn();
    expect(await inRequest({ claims: mine.session.claims, liveSession: theirs.session.liveSession })).toEqual({
      refused: 'not_signed_in',
    });
  });

  it('the request’s work does not run when the check refuses', async () => {
    const { cookie, session } = await signedIn();
    await provider.signOut(request(cookie));
    let ran = false;
    const work = withRls(
      session.claims,
      async () => {
        ran = true;
      },
      { liveSession: session.liveSession },
    );
    await expect(work).rejects.toThrow('not_signed_in');
    expect(ran).toBe(false);
  });

  it('an anonymous request needs no session', async () => {
    expect(await inRequest({ claims: null })).toEqual({ uid: null });
  });
});
