import { beforeEach, describe, expect, it } from 'vitest';
import { addMember, createUser, createWorld, privileged, type Role, type World } from '../src/testing/index.ts';
import {
  ACTOR_LABEL,
  asActor,
  expectNoWrite,
  expectRaised,
  ids,
  REFUSED,
  type Actor,
  type Workspace,
} from './helpers.ts';

/**
 * Each actor's own workspace, whether their role there lets them manage members (owner or admin),
 * and what happens when they leave it: the stranger is the only owner of theirs, and so is the
 * municipality's owner. Memberships are never inserted through the API: only
 * app.accept_invitation creates them (see invitations.test.ts).
 */
const ACTORS: { actor: Actor; home: Workspace | null; manages: boolean; leaving: 'allowed' | 'last_owner' | null }[] = [
  { actor: 'owner', home: 'tenant', manages: true, leaving: 'last_owner' },
  { actor: 'admin', home: 'tenant', manages: true, leaving: 'allowed' },
  { actor: 'coordinator', home: 'tenant', manages: false, leaving: 'allowed' },
  { actor: 'peer', home: 'tenant', manages: false, leaving: 'allowed' },
  { actor: 'viewer', home: 'tenant', manages: false, leaving: 'allowed' },
  { actor: 'stranger', home: 'other', manages: true, leaving: 'last_owner' },
  { actor: 'regionMember', home: 'region', manages: true, leaving: 'allowed' },
  { actor: 'anonymous', home: null, manages: false, leaving: null },
];

type Membership = { id: string; role: Role; version: number };

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

const stored = (id: string) =>
  privileged((tx) => tx.one<Membership>('select id, role, version from public.memberships where id = $1', [id]));

const membersOf = (workspace: Workspace) =>
  privileged((tx) =>
    tx.query<{ id: string }>('select id from public.memberships where tenant_id = $1', [world[workspace].id]),
  );

/** A fresh peer in `workspace`, so no actor's own membership is the one being changed. */
const newcomerIn = async (workspace: Workspace) => addMember(world[workspace], await createUser('newcomer'), 'peer');

const changeRole = (actor: Actor, membershipId: string, role: Role) =>
  asActor(world, actor, (tx) =>
    tx.query<Membership>('update public.memberships set role = $2 where id = $1 returning id, role, version', [
      membershipId,
      role,
    ]),
  );

const remove = (actor: Actor, membershipId: string) =>
  asActor(world, actor, (tx) =>
    tx.query<{ id: string }>('delete from public.memberships where id = $1 returning id', [membershipId]),
  );

for (const { actor, home, manages, leaving } of ACTORS) {
  describe(ACTOR_LABEL[actor], () => {
    const foreign = (): Workspace => (home === 'tenant' ? 'other' : 'tenant');

    it(home ? 'select: sees every member of its own workspace and nobody else' : 'select: is refused', async () => {
      const read = asActor(world, actor, (tx) => tx.query<{ id: string }>('select id from public.memberships'));
      if (home) expect(ids(await read)).toEqual(ids(await membersOf(home)));
      else await expect(read).rejects.toThrow(REFUSED);
    });

    it('insert: cannot add anyone, itself included, to a workspace', async () => {
      const user = world.users[actor === 'anonymous' ? 'stranger' : actor];
      const target = world[foreign()];
      await expectNoWrite(
        asActor(world, actor, (tx) =>
          tx.query(
            `insert into public.memberships (tenant_id, user_id, role, display_name, email)
             values ($1, $2, 'owner', 'Intruder', $3) returning id`,
            [target.id, user.id, user.email],
          ),
        ),
      );
      expect(
        await privileged((tx) =>
          tx.query('select 1 from public.memberships where tenant_id = $1 and user_id = $2', [target.id, user.id]),
        ),
      ).toEqual([]);
    });

    if (home) {
      it(
        manages
          ? 'update: changes a member’s role in its own workspace'
          : 'update: cannot change roles, even in its own workspace',
        async () => {
          const target = await newcomerIn(home);
          const result = changeRole(actor, target, 'coordinator');
          if (manages) {
            expect(await result).toEqual([{ id: target, role: 'coordinator', version: 2 }]);
          } else {
            await expectNoWrite(result);
            expect(await stored(target)).toEqual({ id: target, role: 'peer', version: 1 });
          }
        },
      );

      it(
        manages ? 'delete: removes a member of its own workspace' : 'delete: cannot remove another member',
        async () => {
          const target = await newcomerIn(home);
          const result = remove(actor, target);
          if (manages) {
            expect(await result).toEqual([{ id: target }]);
            expect(await stored(target)).toBeUndefined();
          } else {
            await expectNoWrite(result);
            expect(await stored(target)).toBeDefined();
          }
        },
      );
    }

    if (leaving && actor !== 'anonymous') {
      const own = () => world.memberships[actor];
      it(
        leaving === 'allowed' ? 'delete: may leave its workspace' : 'delete: cannot leave as the last owner',
        async () => {
          if (leaving === 'allowed') {
            expect(await remove(actor, own())).toEqual([{ id: own() }]);
            expect(await stored(own())).toBeUndefined();
          } else {
            await expectRaised(remove(actor, own()), 'last_owner');
            expect(await stored(own())).toBeDefined();
          }
        },
      );
    }

    it('update and delete: cannot touch members of a workspace it does not belong to', async () => {
      const target = await newcomerIn(foreign());
      await expectNoWrite(changeRole(actor, target, 'admin'));
      await expectNoWrite(remove(actor, target));
      expect(await stored(target)).toEqual({ id: target, role: 'peer', version: 1 });
    });

    it('update: cannot change any column but role', async () => {
      const target = world.memberships.peer;
      for (const assignment of [
        "display_name = 'Renamed'",
        "email = 'x@example.dk'",
        `user_id = '${world.users.viewer.id}'`,
        'version = 99',
      ]) {
        await expectNoWrite(
          asActor(world, actor, (tx) =>
            tx.query(`update public.memberships set ${assignment} where id = $1 returning id`, [target]),
          ),
        );
      }
      expect(await stored(target)).toEqual({ id: target, role: 'peer', version: 1 });
    });
  });
}

describe('owners', () => {
  const addOwner = async () => addMember(world.tenant, await createUser('second-owner'), 'owner');

  it('an admin cannot promote anyone, itself included, to owner', async () => {
    for (const target of [world.memberships.peer, world.memberships.admin]) {
      const before = await stored(target);
      await expectRaised(changeRole('admin', target, 'owner'), 'only_owner_manages_owners');
      expect(await stored(target)).toEqual(before);
    }
  });

  it('an admin cannot demote or remove an owner, even one who is not the last', async () => {
    await addOwner();
    await expectRaised(changeRole('admin', world.memberships.owner, 'viewer'), 'only_owner_manages_owners');
    await expectRaised(remove('admin', world.memberships.owner), 'only_owner_manages_owners');
    expect(await stored(world.memberships.owner)).toMatchObject({ role: 'owner', version: 1 });
  });

  it('an owner promotes a member to owner', async () => {
    expect(await changeRole('owner', world.memberships.admin, 'owner')).toEqual([
      { id: world.memberships.admin, role: 'owner', version: 2 },
    ]);
  });

  it('an owner demotes and removes other owners', async () => {
    const [demoted, removed] = [await addOwner(), await addOwner()];
    expect(await changeRole('owner', demoted, 'admin')).toEqual([{ id: demoted, role: 'admin', version: 2 }]);
    expect(await remove('owner', removed)).toEqual([{ id: removed }]);
    expect(await stored(removed)).toBeUndefined();
  });

  it('the last owner cannot demote itself', async () => {
    await expectRaised(changeRole('owner', world.memberships.owner, 'admin'), 'last_owner');
    expect(await stored(world.memberships.owner)).toMatchObject({ role: 'owner', version: 1 });
  });

  it('an owner may demote itself while another owner remains', async () => {
    await addOwner();
    expect(await changeRole('owner', world.memberships.owner, 'admin')).toEqual([
      { id: world.memberships.owner, role: 'admin', version: 2 },
    ]);
  });

  it('an owner may leave while another owner remains', async () => {
    await addOwner();
    expect(await remove('owner', world.memberships.owner)).toEqual([{ id: world.memberships.owner }]);
  });
});
