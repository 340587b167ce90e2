import { beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  as,
  createUser,
  createWorld,
  privileged,
  type Role,
  type TestUser,
  type World,
} from '../src/testing/index.ts';
import { expectRaised, newToken } from './helpers.ts';

/**
 * Membership rules that must hold when requests overlap, and rights that must end with the role
 * that gave them. Concurrency is real: two transactions on two connections.
 */

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

const owners = (tenantId: string) =>
  privileged((tx) =>
    tx.query<{ user_id: string }>("select user_id from public.memberships where tenant_id = $1 and role = 'owner'", [
      tenantId,
    ]),
  );

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

describe('two owners leaving at the same time', () => {
  it('one of them is refused: the workspace keeps an owner', async () => {
    const second = await createUser('owner2');
    await addMember(world.tenant, second, 'owner');
    const leave = (user: TestUser) => (tx: Parameters<Parameters<typeof as>[1]>[0]) =>
      tx.query('delete from public.memberships where tenant_id = $1 and user_id = $2 returning id', [
        world.tenant.id,
        user.id,
      ]);

    let commitFirst!: () => void;
    const firstMayCommit = new Promise<void>((resolve) => (commitFirst = resolve));
    let firstLeft!: () => void;
    const firstHasLeft = new Promise<void>((resolve) => (firstLeft = resolve));
    const first = as(world.users.owner, async (tx) => {
      await leave(world.users.owner)(tx);
      firstLeft();
      await firstMayCommit;
    });
    await firstHasLeft;
    // The second leaves while the first has left but not yet committed.
    const second_ = as(second, leave(second));
    await sleep(300);
    commitFirst();
    const [a, b] = await Promise.allSettled([first, second_]);

    expect(a.status).toBe('fulfilled');
    expect(b).toMatchObject({ status: 'rejected', reason: { message: 'last_owner' } });
    expect(await owners(world.tenant.id)).toEqual([{ user_id: second.id }]);
  });
});

describe('the membership guard trusts only the privileged path', () => {
  it('an admin whose claims name another role still may not remove an owner', async () => {
    const attempt = privileged(async (tx) => {
      // What a request would be if its claims said role "service_role" while running as authenticated.
      await tx.query("select set_config('role', 'authenticated', true), set_config('request.jwt.claims', $1, true)", [
        JSON.stringify({ sub: world.users.admin.id, role: 'service_role' }),
      ]);
      return tx.query('delete from public.memberships where tenant_id = $1 and user_id = $2 returning id', [
        world.tenant.id,
        world.users.owner.id,
      ]);
    });
    await expectRaised(attempt, 'only_owner_manages_owners');
    expect(await owners(world.tenant.id)).toEqual([{ user_id: world.users.owner.id }]);
  });

  it('the privileged path (erasing a user) may still remove an owner', async () => {
    const second = await createUser('owner2');
    await addMember(world.tenant, second, 'owner');
    await privileged((tx) =>
      tx.query('delete from public.memberships where tenant_id = $1 and user_id = $2', [world.tenant.id, second.id]),
    );
    expect(await owners(world.tenant.id)).toEqual([{ user_id: world.users.owner.id }]);
  });
});

describe('an invitation ends with its inviter’s right to invite', () => {
  /** An invitation made by `inviter` through RLS, as the app makes it. */
  async function invitedBy(inviter: TestUser, role: Role) {
    const token = newToken();
    await as(inviter, (tx) =>
      tx.query(
        `insert into public.invitations (tenant_id, email, role, token_hash)
         values ($1, $2, $3, sha256(convert_to($4, 'UTF8')))`,
        [world.tenant.id, `invitee-${token.slice(0, 6).toLowerCase()}@test.brobygger.dk`, role, token],
      ),
    );
    return token;
  }
  const stateOf = async (token: string) =>
    (await as(null, (tx) => tx.one<{ state: string }>('select state from app.invitation_preview($1)', [token])))?.state;
  const setRole = (user: TestUser, role: Role) =>
    as(world.users.owner, (tx) =>
      tx.query('update public.memberships set role = $3 where tenant_id = $1 and user_id = $2', [
        world.tenant.id,
        user.id,
        role,
      ]),
    );

  it('an admin demoted to coordinator: their pending invitations stop working', async () => {
    const token = await invitedBy(world.users.admin, 'peer');
    expect(await stateOf(token)).toBe('valid');
    await setRole(world.users.admin, 'coordinator');
    expect(await stateOf(token)).toBe('revoked');
  });

  it('an admin removed from the workspace: likewise', async () => {
    const token = await invitedBy(world.users.admin, 'viewer');
    await as(world.users.owner, (tx) =>
      tx.query('delete from public.memberships where tenant_id = $1 and user_id = $2', [
        world.tenant.id,
        world.users.admin.id,
      ]),
    );
    expect(await stateOf(token)).toBe('revoked');
  });

  it('an owner demoted to admin: their owner invitations stop, their others still work', async () => {
    const second = await createUser('owner2');
    await addMember(world.tenant, second, 'owner');
    const asOwner = await invitedBy(second, 'owner');
    const asPeer = await invitedBy(second, 'peer');
    await setRole(second, 'admin');
    expect(await stateOf(asOwner)).toBe('revoked');
    expect(await stateOf(asPeer)).toBe('valid');
  });

  it('other people’s invitations are untouched', async () => {
    const byOwner = await invitedBy(world.users.owner, 'peer');
    await setRole(world.users.admin, 'viewer');
    expect(await stateOf(byOwner)).toBe('valid');
  });
});
