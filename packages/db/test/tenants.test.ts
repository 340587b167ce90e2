import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, privileged, type World } from '../src/testing/index.ts';
import { ACTOR_LABEL, asActor, expectNoWrite, ids, REFUSED, type Actor, type Workspace } from './helpers.ts';

/**
 * Each actor's own workspace in the world, and whether their role there (owner or admin) lets
 * them edit it. Nobody may create or delete a workspace through the API: that is the privileged
 * path's job.
 */
const ACTORS: { actor: Actor; home: Workspace | null; editsHome: boolean }[] = [
  { actor: 'owner', home: 'tenant', editsHome: true },
  { actor: 'admin', home: 'tenant', editsHome: true },
  { actor: 'coordinator', home: 'tenant', editsHome: false },
  { actor: 'peer', home: 'tenant', editsHome: false },
  { actor: 'viewer', home: 'tenant', editsHome: false },
  { actor: 'stranger', home: 'other', editsHome: true },
  { actor: 'regionMember', home: 'region', editsHome: true },
  { actor: 'anonymous', home: null, editsHome: false },
];

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

const stored = (id: string) =>
  privileged((tx) =>
    tx.one<{ name: string; slug: string; version: number }>(
      'select name, slug, version from public.tenants where id = $1',
      [id],
    ),
  );

const rename = (actor: Actor, id: string, name: string) =>
  asActor(world, actor, (tx) =>
    tx.query<{ id: string; name: string; version: number }>(
      'update public.tenants set name = $2 where id = $1 returning id, name, version',
      [id, name],
    ),
  );

for (const { actor, home, editsHome } of ACTORS) {
  describe(ACTOR_LABEL[actor], () => {
    // The workspace this actor is not a member of that matters most: the municipality, or for its
    // own members the other workspace.
    const foreign = (): Workspace => (home === 'tenant' ? 'other' : 'tenant');

    it(home ? 'select: sees its own workspace and no other' : 'select: is refused', async () => {
      const read = asActor(world, actor, (tx) => tx.query<{ id: string }>('select id from public.tenants'));
      if (home) expect(ids(await read)).toEqual([world[home].id]);
      else await expect(read).rejects.toThrow(REFUSED);
    });

    it('insert: cannot create a workspace', async () => {
      const slug = `made-by-${actor.toLowerCase()}`;
      await expectNoWrite(
        asActor(world, actor, (tx) =>
          tx.query("insert into public.tenants (kind, name, slug) values ('association', 'Mine', $1) returning id", [
            slug,
          ]),
        ),
      );
      expect(await privileged((tx) => tx.query('select 1 from public.tenants where slug = $1', [slug]))).toEqual([]);
    });

    if (home) {
      it(editsHome ? 'update: renames its own workspace' : 'update: cannot rename its own workspace', async () => {
        const before = await stored(world[home].id);
        const result = rename(actor, world[home].id, 'Renamed');
        if (editsHome) {
          expect(await result).toEqual([{ id: world[home].id, name: 'Renamed', version: before!.version + 1 }]);
        } else {
          await expectNoWrite(result);
          expect(await stored(world[home].id)).toEqual(before);
        }
      });

      it('update: cannot change its own workspace’s slug, kind or version', async () => {
        const before = await stored(world[home].id);
        for (const assignment of ["slug = 'hijacked'", "kind = 'region'", 'version = 99']) {
          await expectNoWrite(
            asActor(world, actor, (tx) =>
              tx.query(`update public.tenants set ${assignment} where id = $1 returning id`, [world[home].id]),
            ),
          );
        }
        expect(await stored(world[home].id)).toEqual(before);
      });
    }

    it('update: cannot rename a workspace it is not a member of', async () => {
      const target = world[foreign()];
      const before = await stored(target.id);
      await expectNoWrite(rename(actor, target.id, 'Hijacked'));
      expect(await stored(target.id)).toEqual(before);
    });

    it('delete: cannot delete any workspace, its own included', async () => {
      const targets = [world.tenant.id, world.other.id, world.region.id];
      for (const id of targets) {
        await expectNoWrite(
          asActor(world, actor, (tx) => tx.query('delete from public.tenants where id = $1 returning id', [id])),
        );
      }
      const left = await privileged((tx) =>
        tx.query<{ id: string }>('select id from public.tenants where id = any($1)', [targets]),
      );
      expect(ids(left)).toEqual([...targets].sort());
    });
  });
}
