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
    const { api, outbox } = callerFor(world.users.owner);
    await expect(api.me.deleteAccount()).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'errors:last_owner_account',
    });
    expect(outbox).toEqual([]);
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

  it('mails the address that the account was deleted, in the caller’s language, saying what to do if it was not them', async () => {
    const world = await createWorld();
    const { api, outbox } = callerFor(world.users.viewer, 'en');
    await api.me.deleteAccount();
    expect(outbox).toHaveLength(1);
    expect(outbox[0]).toMatchObject({
      to: world.users.viewer.email,
      subject: 'Your Brobygger account has been deleted',
    });
    expect(outbox[0]!.text).toContain(world.users.viewer.email);
    expect(outbox[0]!.text).toContain('If you did not delete the account yourself');

    const danish = callerFor(world.users.admin, 'da');
    await danish.api.me.deleteAccount();
    expect(danish.outbox[0]?.subject).toBe('Din konto i Brobygger er slettet');
  });

  it('deletes the account even when the mail cannot be queued, and logs it', async () => {
    const world = await createWorld();
    const logged: string[] = [];
    const { api } = callerFor(world.users.coordinator, 'da', {
      mailer: { send: () => Promise.reject(new Error('queue down')) },
      log: (_level, message) => void logged.push(message),
    });
    expect(await api.me.deleteAccount()).toEqual({ deleted: true });
    expect(await exists(world.users.coordinator)).toBe(false);
    expect(logged).toEqual(['account deletion mail could not be queued']);
  });

  it('refuses a caller who is not signed in', async () => {
    await expect(callerFor(null).api.me.deleteAccount()).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
