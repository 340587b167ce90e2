import { describe, expect, it } from 'vitest';
import { expectRaised } from '../src/testing/assertions.ts';
import { addMember, as, createUser, createWorld, privileged, type TestUser, type World } from '../src/testing/index.ts';

/**
 * Deleting one's own account from the request's own transaction (app.delete_own_account): the
 * caller's auth.users row goes, with their memberships; the workspaces' records that name them
 * stay and forget the account. A workspace's only owner is refused, and is told beforehand by
 * app.my_sole_ownerships which workspaces to hand over.
 */

const deleteOwnAccount = (user: TestUser | null) => as(user, (tx) => tx.query('select app.delete_own_account()'));

const exists = (user: Pick<TestUser, 'id'>) =>
  privileged((tx) => tx.one('select 1 from auth.users where id = $1', [user.id])).then(Boolean);

const membershipsOf = (user: Pick<TestUser, 'id'>) =>
  privileged((tx) =>
    tx.query<{ tenant_id: string; role: string }>(
      'select tenant_id, role from public.memberships where user_id = $1 order by tenant_id',
      [user.id],
    ),
  );

/** The world's users that still have an account. */
const remaining = (world: World) =>
  privileged((tx) =>
    tx.query<{ id: string }>('select id from auth.users where id = any($1::uuid[]) order by id', [
      Object.values(world.users).map((u) => u.id),
    ]),
  ).then((rows) => rows.map((r) => r.id));

/** A volunteer in `tenantId` linked to `user`'s account (volunteers.user_id); returns its id. */
const linkedVolunteer = (tenantId: string, user: TestUser) =>
  privileged((tx) =>
    tx.one<{ id: string }>(
      "insert into public.volunteers (tenant_id, name, status, user_id) values ($1, 'Carla Holm', 'active', $2) returning id",
      [tenantId, user.id],
    ),
  ).then((row) => row!.id);

const volunteer = (id: string) =>
  privileged((tx) =>
    tx.one<{ name: string; user_id: string | null }>('select name, user_id from public.volunteers where id = $1', [id]),
  );

const soleOwnerships = (user: TestUser) =>
  as(user, (tx) => tx.query<{ slug: string; name: string }>('select slug, name from app.my_sole_ownerships()'));

describe('deleting one’s own account', () => {
  it('a coordinator’s account goes, with their memberships; their volunteer row stays without the link', async () => {
    const world = await createWorld();
    const { coordinator } = world.users;
    await addMember(world.other, coordinator, 'peer');
    const volunteerId = await linkedVolunteer(world.tenant.id, coordinator);

    await deleteOwnAccount(coordinator);

    expect(await exists(coordinator)).toBe(false);
    expect(await membershipsOf(coordinator)).toEqual([]);
    expect(await volunteer(volunteerId)).toEqual({ name: 'Carla Holm', user_id: null });
    expect(await remaining(world)).toEqual(
      Object.values(world.users)
        .filter((u) => u.id !== coordinator.id)
        .map((u) => u.id)
        .sort(),
    );
  });

  it('a workspace’s only owner is refused with last_owner_account, and nothing is deleted', async () => {
    const world = await createWorld();
    await expectRaised(deleteOwnAccount(world.users.owner), 'last_owner_account');
    expect(await exists(world.users.owner)).toBe(true);
    expect(await membershipsOf(world.users.owner)).toEqual([{ tenant_id: world.tenant.id, role: 'owner' }]);
    expect(await remaining(world)).toHaveLength(Object.values(world.users).length);
  });

  it('an owner whose workspace has a second owner may delete their account; the other owns it alone', async () => {
    const world = await createWorld();
    const second = await createUser('second-owner');
    await addMember(world.tenant, second, 'owner');
    await deleteOwnAccount(world.users.owner);
    expect(await exists(world.users.owner)).toBe(false);
    expect(await soleOwnerships(second)).toEqual([{ slug: world.tenant.slug, name: world.tenant.name }]);
  });

  it('a member of a closed workspace can still delete their account, linked volunteer and all', async () => {
    const world = await createWorld();
    const volunteerId = await linkedVolunteer(world.tenant.id, world.users.coordinator);
    await privileged((tx) =>
      tx.query("update public.tenants set closed_at = now(), delete_after = now() + interval '30 days' where id = $1", [
        world.tenant.id,
      ]),
    );
    await deleteOwnAccount(world.users.coordinator);
    expect(await exists(world.users.coordinator)).toBe(false);
    expect(await volunteer(volunteerId)).toEqual({ name: 'Carla Holm', user_id: null });
  });

  it('a member of a suspended workspace can still delete their account, and an admin their sent invitations too', async () => {
    const world = await createWorld();
    const invitation = await privileged((tx) =>
      tx.one<{ id: string }>(
        `insert into public.invitations (tenant_id, email, role, token_hash, invited_by)
         values ($1, 'ny@test.brobygger.dk', 'peer', sha256('t'::bytea), $2) returning id`,
        [world.tenant.id, world.users.admin.id],
      ),
    );
    await privileged((tx) =>
      tx.query("update public.tenants set suspended_at = now(), suspended_reason = 'Test' where id = $1", [
        world.tenant.id,
      ]),
    );
    await deleteOwnAccount(world.users.viewer);
    expect(await exists(world.users.viewer)).toBe(false);
    expect(await membershipsOf(world.users.viewer)).toEqual([]);

    await deleteOwnAccount(world.users.admin);
    expect(await exists(world.users.admin)).toBe(false);
    const kept = await privileged((tx) =>
      tx.one('select email, invited_by from public.invitations where id = $1', [invitation!.id]),
    );
    expect(kept).toEqual({ email: 'ny@test.brobygger.dk', invited_by: null });
  });

  it('anonymous callers cannot call it at all', async () => {
    const world = await createWorld();
    await expect(deleteOwnAccount(null)).rejects.toThrow(/permission denied/);
    expect(await remaining(world)).toHaveLength(Object.values(world.users).length);
  });

  it('a request as authenticated without a user is refused with not_signed_in', async () => {
    const world = await createWorld();
    const attempt = privileged(async (tx) => {
      await tx.query("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)", [
        JSON.stringify({ role: 'authenticated' }),
      ]);
      return tx.query('select app.delete_own_account()');
    });
    await expectRaised(attempt, 'not_signed_in');
    expect(await remaining(world)).toHaveLength(Object.values(world.users).length);
  });

  it('may be executed by authenticated, not by anon', async () => {
    const granted = await privileged((tx) =>
      tx.one<{ anon: boolean; authenticated: boolean }>(
        `select has_function_privilege('anon', 'app.delete_own_account()', 'execute') as anon,
                has_function_privilege('authenticated', 'app.delete_own_account()', 'execute') as authenticated`,
      ),
    );
    expect(granted).toEqual({ anon: false, authenticated: true });
  });
});

describe('the workspaces one alone owns (app.my_sole_ownerships)', () => {
  it('lists the owner’s workspace by slug and name, until a second owner is added', async () => {
    const world = await createWorld();
    expect(await soleOwnerships(world.users.owner)).toEqual([{ slug: world.tenant.slug, name: world.tenant.name }]);

    await addMember(world.tenant, world.users.stranger, 'owner');
    expect(await soleOwnerships(world.users.owner)).toEqual([]);
    // The stranger shares the municipality now, and still owns the association alone.
    expect(await soleOwnerships(world.users.stranger)).toEqual([{ slug: world.other.slug, name: world.other.name }]);
  });

  it('is empty for members who own nothing', async () => {
    const world = await createWorld();
    for (const user of [world.users.admin, world.users.coordinator, world.users.viewer, world.users.regionMember]) {
      expect(await soleOwnerships(user)).toEqual([]);
    }
  });

  it('anonymous callers cannot call it', async () => {
    await expect(as(null, (tx) => tx.query('select * from app.my_sole_ownerships()'))).rejects.toThrow(
      /permission denied/,
    );
  });
});
