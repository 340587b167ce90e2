import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { withPrivilegedTx, withRls, type Tx } from '@brobygger/db';
import { createUser, removeUsers, type TestUser } from '@brobygger/db/testing';
import { translate } from '@brobygger/i18n';
import { callerFor } from './helpers.ts';

/**
 * The request role `brobygger_api` carries a statement_timeout (8 s) and a lock_timeout (3 s).
 * A request that hits either gets a translated "took too long", never a bare 500. The test
 * shortens the timeouts inside the request's own transaction (`set local`), so it runs in
 * milliseconds against the real request path.
 */

let user: TestUser;
beforeAll(async () => {
  user = await createUser('timeout');
});
afterAll(() => removeUsers([user]));

/** A caller whose every transaction first runs `prelude`, as if the request itself were slow. */
function slowCaller(prelude: (tx: Tx) => Promise<unknown>) {
  const { api, ctx } = callerFor(user);
  ctx.db = {
    ...ctx.db,
    tx: (fn) =>
      withRls(user.claims, async (tx) => {
        await prelude(tx);
        return fn(tx);
      }),
  };
  return api;
}

const failureOf = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (error: unknown) => error,
  );

describe('a request that takes too long', () => {
  it('runs with the request role’s own timeouts', async () => {
    const settings = await withRls(user.claims, (tx) =>
      tx.query<{ role: string; statement_timeout: string; lock_timeout: string }>(
        `select session_user::text as role, current_setting('statement_timeout') as statement_timeout,
                current_setting('lock_timeout') as lock_timeout`,
      ),
    );
    expect(settings).toEqual([{ role: 'brobygger_api', statement_timeout: '8s', lock_timeout: '3s' }]);
  });

  it('past the statement timeout: a translated message, not a 500', async () => {
    const api = slowCaller(async (tx) => {
      await tx.query("set local statement_timeout = '50ms'");
      await tx.query('select pg_sleep(2)');
    });
    const error = await failureOf(api.me.workspaces());
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: 'errors:database_timeout' });
    expect(translate('da')('errors:database_timeout')).toMatch(/^Det tog for lang tid/);
    expect(translate('en')('errors:database_timeout')).toMatch(/^That took too long/);
  });

  it('waiting past the lock timeout: the same message', async () => {
    const api = slowCaller((tx) => tx.query("set local lock_timeout = '50ms'"));
    // Another transaction holds the memberships table while the request wants to read it.
    const error = await withPrivilegedTx('test', async (tx) => {
      await tx.query('lock table public.memberships in access exclusive mode');
      return failureOf(api.me.workspaces());
    });
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: 'errors:database_timeout' });
  });

  it('answers normally once the statement is quick again', async () => {
    const api = slowCaller((tx) => tx.query("set local statement_timeout = '5s'"));
    await expect(api.me.workspaces()).resolves.toEqual([]);
  });
});
