import { describe, expect, it } from 'vitest';
import { as, createWorld, privileged } from '../src/testing/index.ts';
import { MEMBERSHIPS, rlsMatrix, type MatrixActor } from '../src/testing/rls-matrix.ts';

/** A receipt is keyed by workspace, user and batch. */
const KEY = "tenant_id || '/' || user_id || '/' || batch_id";
const HASH = 'a'.repeat(64);

/**
 * A save receipt is the answer to one member's save, so whatever the role only that member reads
 * it, in the workspace it was saved in: nobody reads anyone else's (another workspace's least of
 * all), nobody records one in someone else's name or in a workspace they do not belong to, and
 * nobody changes one (a retried save must get the answer the first one got). Members may prune
 * their own. Each member has a receipt in each of its workspaces.
 */
const OWN_NO_UPDATE = { select: 'own', insert: 'own', update: 'none', delete: 'own' } as const;
rlsMatrix({
  table: 'public.save_receipts',
  key: KEY,
  columns: 'tenant_id, user_id, batch_id, roster, request_hash, result',
  seed: async (tx, tenantId, { world, workspace }) => {
    const members = (Object.keys(MEMBERSHIPS) as MatrixActor[]).filter((a) => MEMBERSHIPS[a][workspace]);
    return Promise.all(
      members.map(async (actor) => {
        const row = await tx.one<{ id: string }>(
          `insert into public.save_receipts (tenant_id, user_id, batch_id, roster, request_hash, result)
           values ($1, $2, gen_random_uuid(), 'volunteers', $3, $4) returning ${KEY} as id`,
          [tenantId, world.users[actor as Exclude<MatrixActor, 'anonymous'>].id, HASH, { ok: true, savedBy: actor }],
        );
        return { id: row!.id, ownedBy: [actor] };
      }),
    );
  },
  insert: (tenantId, { world, actor, mine }) => {
    const someoneElse = world.users[actor === 'owner' ? 'admin' : 'owner'].id;
    return mine
      ? {
          sql: `insert into public.save_receipts (tenant_id, batch_id, roster, request_hash, result)
                values ($1, gen_random_uuid(), 'participants', $2, '{"ok":true}') returning ${KEY} as key`,
          params: [tenantId, HASH],
        }
      : {
          sql: `insert into public.save_receipts (tenant_id, user_id, batch_id, roster, request_hash, result)
                values ($1, $2, gen_random_uuid(), 'participants', $3, '{"ok":true}') returning user_id`,
          params: [tenantId, someoneElse, HASH],
        };
  },
  update: { sql: `update public.save_receipts set result = '{"ok":false}' where ${KEY} = $1 returning user_id` },
  delete: { sql: `delete from public.save_receipts where ${KEY} = $1 returning user_id` },
  expect: {
    owner: OWN_NO_UPDATE,
    admin: OWN_NO_UPDATE,
    coordinator: OWN_NO_UPDATE,
    peer: OWN_NO_UPDATE,
    viewer: OWN_NO_UPDATE,
    stranger: OWN_NO_UPDATE,
    regionMember: OWN_NO_UPDATE,
    twoHats: OWN_NO_UPDATE,
    anonymous: 'none',
  },
});

describe('public.save_receipts beyond the matrix', () => {
  it('a member who left the workspace no longer reads the receipts they recorded there', async () => {
    const world = await createWorld();
    await privileged((tx) =>
      tx.query(
        `insert into public.save_receipts (tenant_id, user_id, batch_id, roster, request_hash, result)
         values ($1, $2, gen_random_uuid(), 'volunteers', $3, '{"ok":true}')`,
        [world.tenant.id, world.users.coordinator.id, HASH],
      ),
    );
    const read = () => as(world.users.coordinator, (tx) => tx.query('select batch_id from public.save_receipts'));
    expect(await read()).toHaveLength(1);
    await privileged((tx) =>
      tx.query('delete from public.memberships where tenant_id = $1 and user_id = $2', [
        world.tenant.id,
        world.users.coordinator.id,
      ]),
    );
    expect(await read()).toEqual([]);
  });
});
