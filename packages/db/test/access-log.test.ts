import { beforeEach, describe, expect, it } from 'vitest';
import { as, createWorld, privileged, type World } from '../src/testing/index.ts';
import { rlsMatrix } from '../src/testing/rls-matrix.ts';

/** Two participant ids, as the log stores them; the log does not require that they exist. */
const READ_IDS = ['5b0a4c0e-1f2d-4c3b-9a8e-7f6d5c4b3a21', '0c1d2e3f-4a5b-4c6d-8e7f-901a2b3c4d5e'];

/**
 * The access log: owners read their workspace's entries; every member may add entries, only
 * through app.log_access and only about themselves; nobody, not even an owner, changes or removes
 * one. The stranger owns the association and so reads its log, never the municipality's.
 */
rlsMatrix({
  table: 'public.access_log',
  seed: (tx, tenantId, { world }) =>
    tx.one<{ id: string }>(
      `insert into public.access_log (tenant_id, user_id, procedure, row_ids)
       values ($1, $2, 'participants.list', $3::uuid[]) returning id`,
      [tenantId, world.users.coordinator.id, READ_IDS],
    ),
  insert: (tenantId) => ({
    sql: "select app.log_access($1, 'participants.get', $2::uuid[]) as id",
    params: [tenantId, READ_IDS.slice(0, 1)],
  }),
  update: { sql: "update public.access_log set procedure = 'nothing.read', row_ids = '{}' where id = $1 returning id" },
  delete: true,
  expect: {
    owner: { select: 'all', insert: 'all' },
    admin: { insert: 'all' },
    coordinator: { insert: 'all' },
    peer: { insert: 'all' },
    viewer: { insert: 'all' },
    stranger: { select: 'all', insert: 'all' },
    regionMember: { insert: 'all' },
    twoHats: { tenant: { insert: 'all' }, other: { insert: 'all' } },
    anonymous: 'none',
  },
});

describe('app.log_access', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });

  it("writes the caller and the database's time, whatever the caller would like", async () => {
    const before = await privileged((tx) => tx.one<{ now: Date }>('select now()'));
    const entry = await as(world.users.viewer, (tx) =>
      tx.one<{ id: string }>("select app.log_access($1, 'participants.list', $2::uuid[]) as id", [
        world.tenant.id,
        READ_IDS,
      ]),
    );
    const stored = await privileged((tx) =>
      tx.one<{ user_id: string; procedure: string; row_ids: string[]; read_at: Date }>(
        'select user_id, procedure, row_ids, read_at from public.access_log where id = $1',
        [entry!.id],
      ),
    );
    expect(stored).toMatchObject({ user_id: world.users.viewer.id, procedure: 'participants.list', row_ids: READ_IDS });
    expect(stored!.read_at.getTime()).toBeGreaterThanOrEqual(before!.now.getTime());
  });

  it('is the only way in: a member cannot insert an entry directly, in anyone’s name', async () => {
    for (const userId of [world.users.coordinator.id, world.users.owner.id]) {
      await expect(
        as(world.users.coordinator, (tx) =>
          tx.query(
            "insert into public.access_log (tenant_id, user_id, procedure, row_ids) values ($1, $2, 'participants.list', '{}') returning id",
            [world.tenant.id, userId],
          ),
        ),
      ).rejects.toThrow(/permission denied/);
    }
  });

  it('refuses a procedure name that is not one', async () => {
    await expect(
      as(world.users.owner, (tx) =>
        tx.query("select app.log_access($1, 'drop table; --', '{}'::uuid[])", [world.tenant.id]),
      ),
    ).rejects.toMatchObject({ code: '23514' });
  });
});
