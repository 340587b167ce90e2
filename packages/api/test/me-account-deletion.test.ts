import { beforeAll, describe, expect, it } from 'vitest';
import { createWorld, privileged, type TestUser, type World } from '@brobygger/db/testing';
import { callerFor } from './helpers.ts';

const exists = (user: Pick<TestUser, 'id'>) =>
  privileged((tx) => tx.one('select 1 from auth.users where id = $1', [user.id])).then(Boolean);

describe('me.soleOwnerships', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });

  it('lists the workspaces the caller alone owns, by slug and name; none for a coordinator', async () => {
    expect(await callerFor(world.users.owner).api.me.soleOwnerships()).toEqual([
      { slug: world.tenant.slug, name: world.tenant.name },
    ]);
    expect(await callerFor(world.users.coordinator).api.me.soleOwnerships()).toEqual([]);
  });

  it('refuses a caller who is not signed in', async () => {
    await expect(callerFor(null).api.me.soleOwnerships()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});

describe('me.deleteAccount', () => {
  it('refuses a workspace’s only owner with its message key, and the account stays', async () => {
    const world = await createWorld();
    await expect(callerFor(world.users.owner).api.me.deleteAccount()).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'errors:last_owner_account',
    });
    expect(await exists(world.users.owner)).toBe(true);
    expect(await callerFor(world.users.owner).api.me.workspaces()).toHaveLength(1);
  });

  it('deletes a coordinator’s account: they are in no workspace, and gone from the members list', async () => {
    const world = await createWorld();
    const { coordinator } = world.users;
    expect(await callerFor(coordinator).api.me.deleteAccount()).toEqual({ deleted: true });

    expect(await exists(coordinator)).toBe(false);
    expect(await callerFor(coordinator).api.me.workspaces()).toEqual([]);
    const listed = await callerFor(world.users.owner).api.members.list({ tenant: world.tenant.slug });
    expect(listed.members.map((m) => m.userId)).not.toContain(coordinator.id);
    expect(listed.members).toHaveLength(4);
  });

  it('refuses a caller who is not signed in', async () => {
    await expect(callerFor(null).api.me.deleteAccount()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
