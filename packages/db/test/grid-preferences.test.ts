import { beforeEach, describe, expect, it } from 'vitest';
import { addMember, createUser, createWorld, privileged, type TestUser, type World } from '../src/testing/index.ts';
import { MEMBERSHIPS, rlsMatrix, type MatrixActor } from '../src/testing/rls-matrix.ts';
import { ACTOR_LABEL, asActor, expectNoWrite, type Actor, userOf, type Workspace } from './helpers.ts';

/** A preference is keyed by workspace, user and grid. */
const KEY = "tenant_id || '/' || user_id || '/' || grid";

/**
 * Whatever the role, a member reads and writes only its own grid preferences, in every workspace
 * it belongs to (the member with two hats in both); nobody reads or writes anyone else's, nor
 * saves any for a workspace it does not belong to (the region member's active partnership with
 * the municipality included). Each member has saved a layout of the volunteers grid in each of its
 * workspaces; inserting "its own" saves one with user_id defaulting to itself, "not its own" names
 * another member.
 */
const OWN = { select: 'own', insert: 'own', update: 'own', delete: 'own' } as const;
rlsMatrix({
  table: 'public.grid_preferences',
  key: KEY,
  columns: 'tenant_id, user_id, grid, state',
  seed: async (tx, tenantId, { world, workspace }) => {
    const members = (Object.keys(MEMBERSHIPS) as MatrixActor[]).filter((a) => MEMBERSHIPS[a][workspace]);
    return Promise.all(
      members.map(async (actor) => {
        const row = await tx.one<{ id: string }>(
          `insert into public.grid_preferences (tenant_id, user_id, grid, state) values ($1, $2, 'volunteers', $3)
           returning ${KEY} as id`,
          [tenantId, world.users[actor as Exclude<MatrixActor, 'anonymous'>].id, { savedBy: actor }],
        );
        return { id: row!.id, ownedBy: [actor] };
      }),
    );
  },
  insert: (tenantId, { world, actor, mine }) => {
    const someoneElse = world.users[actor === 'owner' ? 'admin' : 'owner'].id;
    const self = actor === 'anonymous' ? null : world.users[actor].id;
    return mine
      ? {
          sql: `insert into public.grid_preferences (tenant_id, grid, state) values ($1, 'participants', '{"columns":[]}')
                returning tenant_id, user_id, grid, state`,
          params: [tenantId],
          returns: { tenant_id: tenantId, user_id: self, grid: 'participants', state: { columns: [] } },
        }
      : {
          sql: `insert into public.grid_preferences (tenant_id, user_id, grid, state) values ($1, $2, 'participants', '{}')
                returning user_id`,
          params: [tenantId, someoneElse],
        };
  },
  update: {
    sql: `update public.grid_preferences set state = '{"changed":true}' where ${KEY} = $1
          returning tenant_id, user_id, grid, state`,
    returns: (before) => ({ ...before, state: { changed: true } }),
  },
  delete: { sql: `delete from public.grid_preferences where ${KEY} = $1 returning user_id` },
  expect: {
    owner: OWN,
    admin: OWN,
    coordinator: OWN,
    peer: OWN,
    viewer: OWN,
    stranger: OWN,
    regionMember: OWN,
    twoHats: OWN,
    anonymous: 'none',
  },
});

/**
 * Each actor's own workspace, for the statements the API runs that the matrix does not: upserts,
 * updates and deletes without a where clause, handing a preference to someone else.
 */
const ACTORS: { actor: Actor; home: Workspace | null }[] = [
  { actor: 'owner', home: 'tenant' },
  { actor: 'admin', home: 'tenant' },
  { actor: 'coordinator', home: 'tenant' },
  { actor: 'peer', home: 'tenant' },
  { actor: 'viewer', home: 'tenant' },
  { actor: 'stranger', home: 'other' },
  { actor: 'regionMember', home: 'region' },
  { actor: 'anonymous', home: null },
];
const MEMBERS = ACTORS.filter((a) => a.home) as { actor: Exclude<Actor, 'anonymous'>; home: Workspace }[];

describe('beyond the matrix', () => {
  const COLUMNS = 'tenant_id, user_id, grid, state';
  type Preference = { tenant_id: string; user_id: string; grid: string; state: unknown };

  let world: World;
  /** A further viewer in each workspace, so every actor has a neighbour whose preferences it must not touch. */
  let neighbours: Record<Workspace, TestUser>;

  const storePreference = (workspace: Workspace, user: TestUser, state: unknown) =>
    privileged((tx) =>
      tx.query(`insert into public.grid_preferences (${COLUMNS}) values ($1, $2, 'volunteers', $3)`, [
        world[workspace].id,
        user.id,
        JSON.stringify(state),
      ]),
    );

  /** Every member's saved layout of the volunteers grid in its own workspace, neighbours included. */
  beforeEach(async () => {
    world = await createWorld();
    neighbours = {
      tenant: await createUser('neighbour'),
      other: await createUser('neighbour'),
      region: await createUser('neighbour'),
    };
    for (const w of ['tenant', 'other', 'region'] as const) {
      await addMember(world[w], neighbours[w], 'viewer');
      await storePreference(w, neighbours[w], { savedBy: 'neighbour' });
    }
    for (const { actor, home } of MEMBERS) await storePreference(home, world.users[actor], { savedBy: actor });
  });

  const own = (
    actor: Exclude<Actor, 'anonymous'>,
    home: Workspace,
    grid = 'volunteers',
    state: unknown = { savedBy: actor },
  ) => ({
    tenant_id: world[home].id,
    user_id: world.users[actor].id,
    grid,
    state,
  });

  /** Every grid preference in the world's workspaces, as the privileged path sees them. */
  const everyPreference = () =>
    privileged((tx) =>
      tx.query<Preference>(
        `select ${COLUMNS} from public.grid_preferences where tenant_id = any($1) order by tenant_id, user_id, grid`,
        [[world.tenant.id, world.other.id, world.region.id]],
      ),
    );

  const save = (actor: Actor, workspace: Workspace, grid: string, userId?: string) =>
    asActor(world, actor, (tx) =>
      userId
        ? tx.query<Preference>(
            `insert into public.grid_preferences (tenant_id, user_id, grid, state) values ($1, $2, $3, '{"columns":[]}')
             returning ${COLUMNS}`,
            [world[workspace].id, userId, grid],
          )
        : tx.query<Preference>(
            `insert into public.grid_preferences (tenant_id, grid, state) values ($1, $2, '{"columns":[]}')
             returning ${COLUMNS}`,
            [world[workspace].id, grid],
          ),
    );

  /** Someone else in the actor's workspace (for the anonymous caller, in the municipality). */
  const neighbourOf = (home: Workspace | null): TestUser => neighbours[home ?? 'tenant'];

  for (const { actor, home } of ACTORS) {
    describe(ACTOR_LABEL[actor], () => {
      if (home && actor !== 'anonymous') {
        it('insert … on conflict: overwrites its own preference, as the API saves it', async () => {
          const upsert = await asActor(world, actor, (tx) =>
            tx.query<Preference>(
              `insert into public.grid_preferences (tenant_id, grid, state) values ($1, 'volunteers', '{"sort":"name"}')
               on conflict (tenant_id, user_id, grid) do update set state = excluded.state, updated_at = now()
               returning ${COLUMNS}`,
              [world[home].id],
            ),
          );
          expect(upsert).toEqual([own(actor, home, 'volunteers', { sort: 'name' })]);
        });

        it('update: changes only its own preferences, even with no where clause', async () => {
          const before = await everyPreference();
          const result = await asActor(world, actor, (tx) =>
            tx.query<Preference>(`update public.grid_preferences set state = '{"changed":true}' returning ${COLUMNS}`),
          );
          expect(result).toEqual([own(actor, home, 'volunteers', { changed: true })]);
          const mine = (p: Preference) => p.user_id === world.users[actor].id;
          expect((await everyPreference()).filter((p) => !mine(p))).toEqual(before.filter((p) => !mine(p)));
        });

        it('delete: removes only its own preferences, even with no where clause', async () => {
          const before = await everyPreference();
          const result = await asActor(world, actor, (tx) =>
            tx.query<{ user_id: string }>('delete from public.grid_preferences returning user_id'),
          );
          expect(result).toEqual([{ user_id: world.users[actor].id }]);
          expect(await everyPreference()).toEqual(before.filter((p) => p.user_id !== world.users[actor].id));
        });

        it('update: cannot hand its preference to someone else', async () => {
          const before = await everyPreference();
          await expectNoWrite(
            asActor(world, actor, (tx) =>
              tx.query('update public.grid_preferences set user_id = $1 returning user_id', [neighbourOf(home).id]),
            ),
          );
          expect(await everyPreference()).toEqual(before);
        });
      }

      it('insert: cannot save a preference for a workspace it does not belong to', async () => {
        const target: Workspace = home === 'tenant' ? 'other' : 'tenant';
        const before = await everyPreference();
        await expectNoWrite(save(actor, target, 'participants'));
        const user = userOf(world, actor);
        if (user) await expectNoWrite(save(actor, target, 'participants', user.id));
        expect(await everyPreference()).toEqual(before);
      });
    });
  }

  describe('membership', () => {
    it('a member of two workspaces sees its preferences in both, and only its own', async () => {
      await addMember(world.other, world.users.coordinator, 'viewer');
      await save('coordinator', 'other', 'volunteers');
      const read = await asActor(world, 'coordinator', (tx) =>
        tx.query<Preference>(`select ${COLUMNS} from public.grid_preferences order by grid`),
      );
      expect(read).toHaveLength(2);
      expect(read).toEqual(
        expect.arrayContaining([
          own('coordinator', 'tenant'),
          own('coordinator', 'other', 'volunteers', { columns: [] }),
        ]),
      );
    });

    it('a member who leaves a workspace no longer reads or writes its preferences there', async () => {
      await asActor(world, 'coordinator', (tx) =>
        tx.query('delete from public.memberships where id = $1', [world.memberships.coordinator]),
      );
      expect(await asActor(world, 'coordinator', (tx) => tx.query('select grid from public.grid_preferences'))).toEqual(
        [],
      );
      await expectNoWrite(save('coordinator', 'tenant', 'participants'));
      expect(await everyPreference()).toContainEqual(own('coordinator', 'tenant'));
    });
  });
});
