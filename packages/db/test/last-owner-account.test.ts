import pg from 'pg';
import { describe, expect, inject, it } from 'vitest';
import { expectRaised } from '../src/testing/assertions.ts';
import {
  addMember,
  as,
  createTenant,
  createUser,
  createWorld,
  privileged,
  type TestUser,
} from '../src/testing/index.ts';

/**
 * Deleting an account, as Supabase Auth's admin API does it (a plain `delete from auth.users` by
 * its own role, `supabase_auth_admin`), must not leave a workspace without an owner: it is refused
 * while the user is a workspace's only owner, and allowed once the workspace was handed over.
 */

/**
 * The statement Supabase Auth runs to delete a user, as its role `supabase_auth_admin` (made by the
 * embedded platform as on Supabase). `postgres` may not switch to it, so this connects as the
 * bootstrap superuser and switches from there, as GoTrue's own login would be that role.
 */
async function asAuthAdmin(sql: string, user: Pick<TestUser, 'id'>) {
  const client = new pg.Client({ connectionString: inject('db').bootstrapUrl });
  await client.connect();
  try {
    await client.query('begin');
    await client.query('set local role supabase_auth_admin');
    const { rows } = await client.query<{ id: string }>(sql, [user.id]);
    await client.query('commit');
    return rows;
  } catch (error) {
    await client.query('rollback');
    throw error;
  } finally {
    await client.end();
  }
}

const deleteAsAuthAdmin = (user: Pick<TestUser, 'id'>) =>
  asAuthAdmin('delete from auth.users where id = $1 returning id', user);

/**
 * Supabase Auth's soft delete (`should_soft_delete`): the row stays, its address is scrambled and
 * `deleted_at` set, in one update.
 */
const softDeleteAsAuthAdmin = (user: Pick<TestUser, 'id'>) =>
  asAuthAdmin(
    `update auth.users set email = 'deleted-' || id || '@deleted.invalid', encrypted_password = null, deleted_at = now()
     where id = $1 returning id`,
    user,
  );

const softDeleted = (user: Pick<TestUser, 'id'>) =>
  privileged((tx) =>
    tx.one<{ gone: boolean }>('select deleted_at is not null as gone from auth.users where id = $1', [user.id]),
  ).then((row) => row?.gone ?? null);

const exists = (user: Pick<TestUser, 'id'>) =>
  privileged((tx) => tx.one('select 1 from auth.users where id = $1', [user.id])).then(Boolean);

const ownersOf = (tenantId: string) =>
  privileged((tx) =>
    tx.query<{ user_id: string }>(
      "select user_id from public.memberships where tenant_id = $1 and role = 'owner' order by user_id",
      [tenantId],
    ),
  ).then((rows) => rows.map((r) => r.user_id));

const roleOf = (tenantId: string, userId: string) =>
  privileged((tx) =>
    tx.one<{ role: string }>('select role from public.memberships where tenant_id = $1 and user_id = $2', [
      tenantId,
      userId,
    ]),
  ).then((row) => row?.role ?? null);

describe("deleting the last owner's account", () => {
  it('is refused for the auth admin, with a message that says what to do, and nothing is deleted', async () => {
    const world = await createWorld();
    const error = await deleteAsAuthAdmin(world.users.owner).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'P0001',
      message: 'last_owner_account',
      detail: expect.stringContaining(`last owner of workspace "${world.tenant.slug}"`),
      hint: expect.stringContaining('app.hand_over_workspace'),
    });
    expect(await exists(world.users.owner)).toBe(true);
    expect(await ownersOf(world.tenant.id)).toEqual([world.users.owner.id]);
  });

  it('is refused on the privileged path too', async () => {
    const world = await createWorld();
    await expectRaised(
      privileged((tx) => tx.query('delete from auth.users where id = $1', [world.users.owner.id])),
      'last_owner_account',
    );
    expect(await exists(world.users.owner)).toBe(true);
  });

  it('is refused when the user is the last owner of any one of their workspaces', async () => {
    const world = await createWorld();
    // A second owner in the first workspace; the stranger's own workspace is still theirs alone.
    await addMember(world.tenant, world.users.stranger, 'owner');
    await expectRaised(deleteAsAuthAdmin(world.users.stranger), 'last_owner_account');
    expect(await exists(world.users.stranger)).toBe(true);
  });

  it('is allowed while another owner remains, who then owns the workspace alone', async () => {
    const world = await createWorld();
    const second = await createUser('second-owner');
    await addMember(world.tenant, second, 'owner');
    expect(await deleteAsAuthAdmin(world.users.owner)).toEqual([{ id: world.users.owner.id }]);
    expect(await ownersOf(world.tenant.id)).toEqual([second.id]);
  });

  it('is allowed for members who own nothing', async () => {
    const world = await createWorld();
    for (const user of [world.users.admin, world.users.viewer, world.users.regionMember]) {
      expect(await deleteAsAuthAdmin(user)).toEqual([{ id: user.id }]);
    }
    expect(await ownersOf(world.tenant.id)).toEqual([world.users.owner.id]);
  });

  it('is allowed after the owner hands the workspace to an admin, who is then its owner', async () => {
    const world = await createWorld();
    await as(world.users.owner, (tx) =>
      tx.query('select app.hand_over_workspace($1, $2)', [world.tenant.id, world.memberships.admin]),
    );
    expect(await ownersOf(world.tenant.id)).toEqual([world.users.admin.id]);
    expect(await roleOf(world.tenant.id, world.users.owner.id)).toBe('admin');

    expect(await deleteAsAuthAdmin(world.users.owner)).toEqual([{ id: world.users.owner.id }]);
    expect(await ownersOf(world.tenant.id)).toEqual([world.users.admin.id]);
  });
});

describe("soft-deleting the last owner's account", () => {
  it('is refused for the auth admin like the real delete, and the account is left as it was', async () => {
    const world = await createWorld();
    const error = await softDeleteAsAuthAdmin(world.users.owner).catch((e: unknown) => e);
    expect(error).toMatchObject({
      code: 'P0001',
      message: 'last_owner_account',
      detail: expect.stringContaining(`last owner of workspace "${world.tenant.slug}"`),
    });
    expect(await softDeleted(world.users.owner)).toBe(false);
    expect(await ownersOf(world.tenant.id)).toEqual([world.users.owner.id]);
  });

  it('is allowed for a member who owns nothing, and for an owner once another owner remains', async () => {
    const world = await createWorld();
    expect(await softDeleteAsAuthAdmin(world.users.coordinator)).toEqual([{ id: world.users.coordinator.id }]);
    expect(await softDeleted(world.users.coordinator)).toBe(true);

    const second = await createUser('second-owner');
    await addMember(world.tenant, second, 'owner');
    expect(await softDeleteAsAuthAdmin(world.users.owner)).toEqual([{ id: world.users.owner.id }]);
    expect(await softDeleted(world.users.owner)).toBe(true);
  });

  it('an update that does not soft-delete (a new name) is never refused, even for the last owner', async () => {
    const world = await createWorld();
    const renamed = await asAuthAdmin(
      `update auth.users set raw_user_meta_data = raw_user_meta_data || '{"name":"Ny"}' where id = $1 returning id`,
      world.users.owner,
    );
    expect(renamed).toEqual([{ id: world.users.owner.id }]);
  });
});

describe('handing a workspace over', () => {
  const handOver = (user: TestUser, tenantId: string, membershipId: string) =>
    as(user, (tx) => tx.query('select app.hand_over_workspace($1, $2)', [tenantId, membershipId]));

  it('only its owner may: an admin or a stranger is refused, and the owners stay', async () => {
    const world = await createWorld();
    await expectRaised(
      handOver(world.users.admin, world.tenant.id, world.memberships.admin),
      'only_owner_manages_owners',
    );
    await expectRaised(
      handOver(world.users.stranger, world.tenant.id, world.memberships.admin),
      'only_owner_manages_owners',
    );
    expect(await ownersOf(world.tenant.id)).toEqual([world.users.owner.id]);
  });

  it('only to an admin of the same workspace: a coordinator, oneself or a member elsewhere is refused', async () => {
    const world = await createWorld();
    for (const membership of [world.memberships.coordinator, world.memberships.owner, world.memberships.stranger]) {
      await expectRaised(handOver(world.users.owner, world.tenant.id, membership), 'member_not_found');
    }
    expect(await ownersOf(world.tenant.id)).toEqual([world.users.owner.id]);
    expect(await roleOf(world.tenant.id, world.users.coordinator.id)).toBe('coordinator');
  });

  it('is refused while the workspace is read-only (closed), like any role change', async () => {
    const world = await createWorld();
    await privileged((tx) =>
      tx.query("update public.tenants set closed_at = now(), delete_after = now() + interval '30 days' where id = $1", [
        world.tenant.id,
      ]),
    );
    await expectRaised(handOver(world.users.owner, world.tenant.id, world.memberships.admin), 'workspace_read_only');
    expect(await ownersOf(world.tenant.id)).toEqual([world.users.owner.id]);
  });

  it('anonymous callers cannot call it at all', async () => {
    const tenant = await createTenant('association', 'Anonym forening');
    await expect(
      as(null, (tx) =>
        tx.query('select app.hand_over_workspace($1, $2)', [tenant.id, '00000000-0000-0000-0000-000000000000']),
      ),
    ).rejects.toThrow(/permission denied/);
  });
});
