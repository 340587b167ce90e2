import { beforeEach, describe, expect, it } from 'vitest';
import { as, createTenant, createWorld, privileged, type TestTenant, type World } from '../src/testing/index.ts';
import {
  ACTOR_LABEL,
  asActor,
  createInvitation,
  expectNoWrite,
  expectRaised,
  ids,
  REFUSED,
  type Actor,
} from './helpers.ts';

/**
 * In the world, the region is in an active partnership with the municipality (`world.tenant`).
 * `sees`: the actor's workspace is on either side of it. `side`: the actor is an owner or admin
 * of the region (who proposes, changes and ends) or of the partner (who answers through
 * app.respond_to_partnership).
 */
const ACTORS: { actor: Actor; sees: boolean; side: 'region' | 'partner' | null }[] = [
  { actor: 'owner', sees: true, side: 'partner' },
  { actor: 'admin', sees: true, side: 'partner' },
  { actor: 'coordinator', sees: true, side: null },
  { actor: 'peer', sees: true, side: null },
  { actor: 'viewer', sees: true, side: null },
  { actor: 'stranger', sees: false, side: null },
  { actor: 'regionMember', sees: true, side: 'region' },
  { actor: 'anonymous', sees: false, side: null },
];

type Partnership = {
  id: string;
  status: 'proposed' | 'active' | 'ended';
  started_on: string | null;
  ended_on: string | null;
};
const COLUMNS = 'id, status, started_on, ended_on';

let world: World;
/** The world's active partnership, region → municipality. */
let active: string;
/** A proposal from the region to the association (`world.other`), not yet answered. */
let proposal: string;
/** A proposal from a second region to the municipality, for the municipality to answer. */
let incoming: string;

const insertPartnership = (region: TestTenant, partner: TestTenant, status = 'proposed') =>
  privileged((tx) =>
    tx.one<{ id: string }>(
      'insert into public.partnerships (tenant_id, partner_tenant_id, status) values ($1, $2, $3) returning id',
      [region.id, partner.id, status],
    ),
  ).then((row) => row!.id);

beforeEach(async () => {
  world = await createWorld();
  active = (await privileged((tx) =>
    tx.one<{ id: string }>('select id from public.partnerships where tenant_id = $1', [world.region.id]),
  ))!.id;
  proposal = await insertPartnership(world.region, world.other);
  incoming = await insertPartnership(await createTenant('region', 'Anden region'), world.tenant);
});

const stored = (id: string) =>
  privileged((tx) => tx.one<Partnership>(`select ${COLUMNS} from public.partnerships where id = $1`, [id]));

const propose = (actor: Actor, region: TestTenant, partner: TestTenant) =>
  asActor(world, actor, (tx) =>
    tx.query<Partnership & { tenant_id: string; partner_tenant_id: string }>(
      `insert into public.partnerships (tenant_id, partner_tenant_id) values ($1, $2)
       returning tenant_id, partner_tenant_id, ${COLUMNS}`,
      [region.id, partner.id],
    ),
  );

const setStatus = (actor: Actor, id: string, status: Partnership['status']) =>
  asActor(world, actor, (tx) =>
    tx.query<Partnership>(
      `update public.partnerships set status = $2::public.partnership_status,
           ended_on = case when $2::public.partnership_status = 'ended' then current_date end
       where id = $1 returning ${COLUMNS}`,
      [id, status],
    ),
  );

const respond = (actor: Actor, id: string, accept: boolean) =>
  asActor(world, actor, (tx) =>
    tx.one<{ status: string }>('select app.respond_to_partnership($1, $2) as status', [id, accept]),
  );

const today = () => privileged((tx) => tx.one<{ d: string }>('select current_date::text as d')).then((r) => r!.d);

for (const { actor, sees, side } of ACTORS) {
  describe(ACTOR_LABEL[actor], () => {
    it(
      actor === 'anonymous'
        ? 'select: is refused'
        : sees
          ? 'select: sees its workspace’s partnership'
          : 'select: sees none',
      async () => {
        const read = asActor(world, actor, (tx) =>
          tx.query<{ id: string }>('select id from public.partnerships where id = any($1)', [[active, incoming]]),
        );
        // The municipality's members also see the second region's proposal to them.
        const expected = !sees ? [] : side === 'region' ? [active] : [active, incoming];
        if (actor === 'anonymous') await expect(read).rejects.toThrow(REFUSED);
        else expect(ids(await read)).toEqual(expected.sort());
      },
    );

    it(
      side === 'region'
        ? 'insert: proposes a partnership for its region'
        : 'insert: cannot propose a partnership for the region',
      async () => {
        const result = propose(actor, world.region, await createTenant('municipality'));
        if (side === 'region') {
          expect(await result).toEqual([
            expect.objectContaining({ tenant_id: world.region.id, status: 'proposed', started_on: null }),
          ]);
        } else {
          await expectNoWrite(result);
          expect(
            await privileged((tx) =>
              tx.query('select id from public.partnerships where tenant_id = $1', [world.region.id]),
            ),
          ).toHaveLength(2);
        }
      },
    );

    it(
      side === 'region' ? 'update: ends the region’s partnership' : 'update: cannot change a partnership directly',
      async () => {
        const result = setStatus(actor, active, 'ended');
        if (side === 'region') {
          expect(await result).toEqual([
            { id: active, status: 'ended', started_on: await today(), ended_on: await today() },
          ]);
        } else {
          await expectNoWrite(result);
          expect(await stored(active)).toMatchObject({ status: 'active', ended_on: null });
        }
      },
    );

    // Nobody deletes a partnership: the region withdraws a proposal by ending it, and the history stays.
    it('delete: cannot delete a partnership', async () => {
      const all = [proposal, active, incoming];
      await expectNoWrite(
        asActor(world, actor, (tx) =>
          tx.query<{ id: string }>('delete from public.partnerships where id = any($1) returning id', [all]),
        ),
      );
      const left = await privileged((tx) =>
        tx.query<{ id: string }>('select id from public.partnerships where id = any($1)', [all]),
      );
      expect(ids(left)).toEqual(all.sort());
    });

    it(
      side === 'partner'
        ? 'app.respond_to_partnership: accepts a proposal to its workspace'
        : 'app.respond_to_partnership: cannot answer',
      async () => {
        const result = respond(actor, incoming, true);
        if (side === 'partner') {
          expect(await result).toEqual({ status: 'active' });
          expect(await stored(incoming)).toMatchObject({ status: 'active', started_on: await today() });
        } else {
          if (actor === 'anonymous') await expect(result).rejects.toThrow(/permission denied/);
          else await expectRaised(result, 'partnership_not_found');
          expect(await stored(incoming)).toMatchObject({ status: 'proposed', started_on: null });
        }
      },
    );
  });
}

describe('partnership rules', () => {
  it('the owner of a partnership must be a region', async () => {
    await expectRaised(insertPartnership(world.tenant, world.other), 'partnership_owner_not_region');
  });

  it('the partner must not be a region', async () => {
    await expectRaised(insertPartnership(world.region, await createTenant('region')), 'partnership_partner_is_region');
    await expectRaised(
      propose('regionMember', world.region, await createTenant('region')),
      'partnership_partner_is_region',
    );
  });

  it('a region cannot create a partnership that is already active', async () => {
    const partner = await createTenant('association');
    await expect(
      as(world.users.regionMember, (tx) =>
        tx.query(
          "insert into public.partnerships (tenant_id, partner_tenant_id, status) values ($1, $2, 'active') returning id",
          [world.region.id, partner.id],
        ),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('a region cannot activate its own proposal: only the partner accepts', async () => {
    await expectNoWrite(setStatus('regionMember', proposal, 'active'));
    expect(await stored(proposal)).toMatchObject({ status: 'proposed' });
    await expectRaised(respond('regionMember', proposal, true), 'partnership_not_found');
    expect(await stored(proposal)).toMatchObject({ status: 'proposed' });
  });

  it('a region cannot revive an ended partnership as active', async () => {
    expect(await setStatus('regionMember', active, 'ended')).toHaveLength(1);
    await expectNoWrite(setStatus('regionMember', active, 'active'));
    expect(await stored(active)).toMatchObject({ status: 'ended' });
  });

  it('the partner declines a proposal, or ends an active partnership', async () => {
    expect(await respond('admin', incoming, false)).toEqual({ status: 'ended' });
    expect(await respond('owner', active, false)).toEqual({ status: 'ended' });
    expect(await stored(active)).toMatchObject({ status: 'ended', ended_on: await today() });
  });

  it('app.partnerships_of shows each side the other’s name, and nothing to outsiders', async () => {
    const of = (actor: Actor, tenant: TestTenant) =>
      asActor(world, actor, (tx) =>
        tx.query('select status, counterpart_name, counterpart_kind from app.partnerships_of($1)', [tenant.id]),
      );
    expect(await of('regionMember', world.region)).toEqual([
      { status: 'proposed', counterpart_name: world.other.name, counterpart_kind: 'association' },
      { status: 'active', counterpart_name: world.tenant.name, counterpart_kind: 'municipality' },
    ]);
    expect(await of('viewer', world.tenant)).toEqual(
      expect.arrayContaining([{ status: 'active', counterpart_name: world.region.name, counterpart_kind: 'region' }]),
    );
    expect(await of('stranger', world.tenant)).toEqual([]);
    expect(await of('regionMember', world.tenant)).toEqual([]);
  });

  it('an active partnership gives the region none of the partner’s rows', async () => {
    await createInvitation(world.tenant, { email: 'new@example.dk', role: 'peer' });
    const rows = await as(world.users.regionMember, async (tx) => ({
      tenants: await tx.query('select id from public.tenants where id = $1', [world.tenant.id]),
      memberships: await tx.query('select id from public.memberships where tenant_id = $1', [world.tenant.id]),
      invitations: await tx.query('select id from public.invitations where tenant_id = $1', [world.tenant.id]),
    }));
    expect(rows).toEqual({ tenants: [], memberships: [], invitations: [] });
  });
});
