import { beforeAll, describe, expect, it } from 'vitest';
import { addMember, createWorld, privileged, type World } from '@brobygger/db/testing';
import { callerFor } from './helpers.ts';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

describe('me.rename', () => {
  it('gives the caller the new name in each of their workspaces, as the members list shows it', async () => {
    await addMember(world.other, world.users.coordinator, 'peer');
    const { api } = callerFor(world.users.coordinator);
    expect(await api.me.rename({ name: ' Carla Holm ' })).toEqual({ changed: 2 });

    const listed = await callerFor(world.users.owner).api.members.list({ tenant: world.tenant.slug });
    expect(listed.members.find((m) => m.userId === world.users.coordinator.id)?.displayName).toBe('Carla Holm');
    const names = await privileged((tx) =>
      tx.query<{ display_name: string }>('select display_name from public.memberships where user_id = $1', [
        world.users.coordinator.id,
      ]),
    );
    expect(names.map((n) => n.display_name)).toEqual(['Carla Holm', 'Carla Holm']);
  });

  it('refuses an empty name with its message key, and a caller who is not signed in', async () => {
    await expect(callerFor(world.users.peer).api.me.rename({ name: '  ' })).rejects.toMatchObject({
      code: 'BAD_REQUEST',
    });
    await expect(callerFor(null).api.me.rename({ name: 'Nobody' })).rejects.toMatchObject({ code: 'UNAUTHORIZED' });
  });
});
