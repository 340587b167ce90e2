import { describe, expect, it } from 'vitest';
import { as, createWorld, MEMBER_ROLES, privileged, type TestUser } from '../src/testing/index.ts';

type Found = { id: string; role: string; readOnly: boolean; closedAt: Date | null };

const lookup = (user: TestUser | null, slug: string) =>
  as(user, (tx) => tx.query<Found>('select * from app.caller_workspace($1)', [slug]));

describe('app.caller_workspace', () => {
  it('gives each member their workspace with their own role, and a stranger or another workspace nothing', async () => {
    const world = await createWorld();
    // More calls than plpgsql needs to switch to its kept plan (5), alternating callers: the kept
    // plan must still read each caller's own claims.
    for (let round = 0; round < 4; round++) {
      for (const role of MEMBER_ROLES) {
        const [found, ...more] = await lookup(world.users[role], world.tenant.slug);
        expect(more).toEqual([]);
        expect(found).toMatchObject({ id: world.tenant.id, role, readOnly: false, closedAt: null });
      }
      expect(await lookup(world.users.stranger, world.tenant.slug)).toEqual([]);
      // A region's member sees its partner's figures, not the partner's workspace.
      expect(await lookup(world.users.regionMember, world.tenant.slug)).toEqual([]);
      expect(await lookup(world.users.owner, world.other.slug)).toEqual([]);
      expect(await lookup(world.users.owner, 'no-such-workspace')).toEqual([]);
    }
  });

  it('is refused to an anonymous caller', async () => {
    const world = await createWorld();
    await expect(lookup(null, world.tenant.slug)).rejects.toThrow(/permission denied/);
  });

  it('tells a closed workspace as read-only from the next call on', async () => {
    const world = await createWorld();
    for (let i = 0; i < 6; i++)
      expect((await lookup(world.users.coordinator, world.tenant.slug))[0]?.readOnly).toBe(false);
    await privileged((tx) =>
      tx.query("update public.tenants set closed_at = now(), delete_after = now() + interval '30 days' where id = $1", [
        world.tenant.id,
      ]),
    );
    const [found] = await lookup(world.users.coordinator, world.tenant.slug);
    expect(found?.readOnly).toBe(true);
    expect(found?.closedAt).toBeInstanceOf(Date);
  });
});
