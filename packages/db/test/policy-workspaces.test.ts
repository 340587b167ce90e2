import { beforeAll, describe, expect, it } from 'vitest';
import { as, createUser, createWorld, privileged, type TestUser, type World } from '../src/testing/index.ts';

/**
 * app.tenants_where(action) and app.tenants_where_own(action): the workspaces almost every policy
 * lets the caller act in (the first read in one statement since 20261203110000). The per-table tests check what each role may do through
 * the policies; these check the rule itself: the action's roles, read-only workspaces for actions
 * that write, and a loud failure for an action that does not exist.
 */

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const where = (user: TestUser | null, fn: 'tenants_where' | 'tenants_where_own', action: string) =>
  as(user, async (tx) => (await tx.query<{ id: string }>(`select app.${fn}($1) as id`, [action])).map((r) => r.id));

describe('the workspaces a policy lets the caller act in', () => {
  it('are those where the action grants the caller’s role, on all rows or on their own', async () => {
    // A coordinator edits every roster row; a peer only the courses they facilitate.
    expect(await where(world.users.coordinator, 'tenants_where', 'roster.edit')).toEqual([world.tenant.id]);
    expect(await where(world.users.peer, 'tenants_where', 'roster.edit')).toEqual([]);
    expect(await where(world.users.viewer, 'tenants_where', 'roster.read')).toEqual([world.tenant.id]);
    expect(await where(world.users.peer, 'tenants_where_own', 'courses.edit')).toEqual([world.tenant.id]);
    expect(await where(world.users.coordinator, 'tenants_where_own', 'courses.edit')).toEqual([]);
    // Each caller only in their own workspaces.
    expect(await where(world.users.stranger, 'tenants_where', 'roster.edit')).toEqual([world.other.id]);
  });

  it('leave out a read-only workspace for an action that writes, not for one that reads', async () => {
    const closing = await createWorld();
    await privileged((tx) =>
      tx.query("update public.tenants set closed_at = now(), delete_after = now() + interval '30 days' where id = $1", [
        closing.tenant.id,
      ]),
    );
    expect(await where(closing.users.coordinator, 'tenants_where', 'roster.edit')).toEqual([]);
    expect(await where(closing.users.coordinator, 'tenants_where', 'roster.read')).toEqual([closing.tenant.id]);
    expect(await where(closing.users.peer, 'tenants_where_own', 'courses.edit')).toEqual([]);
  });

  it('fail loudly for an action that does not exist, also for a caller who is a member of nothing', async () => {
    const loner = await createUser('loner');
    for (const user of [world.users.coordinator, loner]) {
      await expect(where(user, 'tenants_where', 'roster.edti')).rejects.toThrow(/unknown action: roster\.edti/);
    }
    await expect(where(world.users.peer, 'tenants_where_own', 'courses.edti')).rejects.toThrow(
      /unknown action: courses\.edti/,
    );
  });
});
