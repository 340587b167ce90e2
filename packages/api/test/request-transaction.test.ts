import { beforeAll, describe, expect, it } from 'vitest';
import { getPools, openWithRls, withRls, type SqlText } from '@brobygger/db';
import { createWorld, type World } from '@brobygger/db/testing';
import type { Context } from '../src/context.ts';
import { createCallerFactory, router, tenantProcedure } from '../src/trpc.ts';

/**
 * A workspace request's transactions (decision 035): the workspace lookup opens one, the
 * procedure's first transaction continues it, later ones are their own, and a procedure that
 * waits on something else first does not hold a connection in a transaction meanwhile.
 */

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

type Xid = { xid: string };
const txid = (tx: { one<R extends object>(sql: string): Promise<R | undefined> }) =>
  tx.one<Xid>('select txid_current()::text as xid').then((r) => r!.xid);
/** Connections of this test's request pool that are out, i.e. in some request's transaction. */
const connectionsOut = () => getPools().request.totalCount - getPools().request.idleCount;

const probe = router({
  twice: tenantProcedure.query(async ({ ctx }) => [await ctx.db.tx(txid), await ctx.db.tx(txid)]),
  /** As a procedure that calls Stripe before it touches the database. */
  waitsFirst: tenantProcedure.query(async ({ ctx }) => {
    await new Promise((resolve) => setTimeout(resolve, 30));
    const outWhileWaiting = connectionsOut();
    return { outWhileWaiting, xid: await ctx.db.tx(txid) };
  }),
  nothing: tenantProcedure.query(() => 'ok'),
});

/** The coordinator's caller, its database recording what happens to each transaction. */
function probeCaller() {
  const events: string[] = [];
  const claims = world.users.coordinator.claims;
  const ctx: Context = {
    session: { userId: world.users.coordinator.id, email: world.users.coordinator.email, claims },
    db: {
      tx: (fn) => {
        events.push('own transaction');
        return withRls(claims, fn);
      },
      open: async <R extends object>(statement: SqlText) => {
        const opened = await openWithRls<R>(claims, statement);
        events.push('opened');
        return {
          rows: opened.rows,
          continueWith: (fn) => {
            events.push('continued');
            return opened.continueWith(fn);
          },
          end: opened.end,
        };
      },
    },
    mailer: { send: async () => {} },
    appUrl: 'http://localhost:3000',
    locale: 'da',
    log: () => {},
  };
  return { api: createCallerFactory(probe)(ctx), events };
}

describe('a workspace request', () => {
  it('continues the lookup’s transaction in its first transaction, and opens its own for the next', async () => {
    const { api, events } = probeCaller();
    const [first, second] = await api.twice({ tenant: world.tenant.slug });
    expect(events).toEqual(['opened', 'continued', 'own transaction']);
    expect(first).not.toBe(second);
    expect(connectionsOut()).toBe(0);
  });

  it('that waits on something else first gives its connection back meanwhile, then opens its own', async () => {
    const { api, events } = probeCaller();
    const { outWhileWaiting } = await api.waitsFirst({ tenant: world.tenant.slug });
    expect(outWhileWaiting).toBe(0);
    expect(events).toEqual(['opened', 'own transaction']);
    expect(connectionsOut()).toBe(0);
  });

  it('that never touches the database, or is refused, gives the connection back', async () => {
    const { api, events } = probeCaller();
    expect(await api.nothing({ tenant: world.tenant.slug })).toBe('ok');
    await expect(api.nothing({ tenant: world.other.slug })).rejects.toThrow('workspace_not_found');
    expect(events).toEqual(['opened', 'opened']);
    expect(connectionsOut()).toBe(0);
  });
});
