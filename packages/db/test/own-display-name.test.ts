import { beforeEach, describe, expect, it } from 'vitest';
import { addMember, createWorld, privileged, type World } from '../src/testing/index.ts';
import { asActor } from './helpers.ts';

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

const namesOf = (userId: string) =>
  privileged((tx) =>
    tx.query<{ tenant_id: string; display_name: string }>(
      'select tenant_id, display_name from public.memberships where user_id = $1 order by tenant_id',
      [userId],
    ),
  );

describe('app.set_my_display_name', () => {
  it('renames the caller in every workspace they belong to, and nobody else', async () => {
    const peer = world.users.peer;
    await addMember(world.other, peer, 'viewer');
    const before = await namesOf(world.users.coordinator.id);

    const changed = await asActor(world, 'peer', (tx) =>
      tx.one<{ changed: number }>("select app.set_my_display_name('  Pia Nyholm ') as changed"),
    );
    expect(changed).toEqual({ changed: 2 });
    expect((await namesOf(peer.id)).map((m) => m.display_name)).toEqual(['Pia Nyholm', 'Pia Nyholm']);
    expect(await namesOf(world.users.coordinator.id)).toEqual(before);
  });

  it('refuses an empty or over-long name, as the memberships table’s check does', async () => {
    for (const name of ['   ', 'x'.repeat(201)]) {
      await expect(
        asActor(world, 'viewer', (tx) => tx.query('select app.set_my_display_name($1)', [name])),
      ).rejects.toMatchObject({ code: '23514' });
    }
  });

  it('is not for an anonymous caller: no EXECUTE for anon', async () => {
    await expect(
      asActor(world, 'anonymous', (tx) => tx.query("select app.set_my_display_name('Nobody')")),
    ).rejects.toMatchObject({ code: '42501' });
  });
});
