import { beforeEach, describe, expect, it } from 'vitest';
import { as, createTenant, createWorld, privileged, type TestTenant, type World } from '../src/testing/index.ts';
import { ACTOR_LABEL, asActor, expectNoWrite, REFUSED, type Actor } from './helpers.ts';

/**
 * partnership_events: every change of a partnership's status leaves one row saying what, which
 * side, who and when, whoever made the change. Both sides read it; nobody writes it directly.
 */

let world: World;
let partnership: string;

type Event = { event: string; side: string | null; actor_name: string | null };

const history = (actor: Actor, id = partnership) =>
  asActor(world, actor, (tx) =>
    tx.query<Event>(
      'select event::text, side::text, actor_name from public.partnership_events where partnership_id = $1 order by occurred_at, event',
      [id],
    ),
  );

const regionSets = (status: string, id = partnership) =>
  as(world.users.regionMember, (tx) =>
    tx.query('update public.partnerships set status = $2::public.partnership_status where id = $1 returning id', [
      id,
      status,
    ]),
  );
const partnerAnswers = (accept: boolean, id = partnership) =>
  as(world.users.owner, (tx) => tx.query('select app.respond_to_partnership($1, $2)', [id, accept]));

beforeEach(async () => {
  world = await createWorld();
  partnership = (await privileged((tx) =>
    tx.one<{ id: string }>('select id from public.partnerships where tenant_id = $1', [world.region.id]),
  ))!.id;
});

describe('the history of one partnership', () => {
  it('records the life cycle: ended by the partner, invited again, accepted, ended by the region', async () => {
    await partnerAnswers(false);
    await regionSets('proposed');
    await partnerAnswers(true);
    await regionSets('ended');
    const names = {
      region: world.users.regionMember.email.split('@')[0],
      partner: world.users.owner.email.split('@')[0],
    };
    expect(await history('regionMember')).toEqual([
      // The world's partnership was created on the privileged path: no side, no name.
      { event: 'accepted', side: null, actor_name: null },
      { event: 'ended', side: 'partner', actor_name: names.partner },
      { event: 'proposed', side: 'region', actor_name: names.region },
      { event: 'accepted', side: 'partner', actor_name: names.partner },
      { event: 'ended', side: 'region', actor_name: names.region },
    ]);
  });

  it('a proposal withdrawn by the region and one declined by the partner are told apart', async () => {
    await regionSets('ended');
    await regionSets('proposed');
    await regionSets('ended');
    await regionSets('proposed');
    await partnerAnswers(false);
    const events = (await history('viewer')).map((e) => `${e.event}:${e.side}`);
    expect(events.slice(-3)).toEqual(['withdrawn:region', 'proposed:region', 'declined:partner']);
  });

  it('inviting again clears the dates; accepting sets the start again', async () => {
    await partnerAnswers(false);
    await regionSets('proposed');
    const row = () =>
      privileged((tx) =>
        tx.one('select status, started_on, ended_on from public.partnerships where id = $1', [partnership]),
      );
    expect(await row()).toEqual({ status: 'proposed', started_on: null, ended_on: null });
    await partnerAnswers(true);
    expect(await row()).toMatchObject({ status: 'active', ended_on: null });
  });

  it('refuses an answer that does not fit the status', async () => {
    await expect(partnerAnswers(true)).rejects.toMatchObject({ message: 'partnership_not_proposed' });
    await partnerAnswers(false);
    await expect(partnerAnswers(false)).rejects.toMatchObject({ message: 'partnership_already_ended' });
  });
});

const READERS: { actor: Actor; sees: boolean }[] = [
  { actor: 'owner', sees: true },
  { actor: 'viewer', sees: true },
  { actor: 'peer', sees: true },
  { actor: 'regionMember', sees: true },
  { actor: 'stranger', sees: false },
];

for (const { actor, sees } of READERS) {
  describe(ACTOR_LABEL[actor], () => {
    it(sees ? 'select: sees the history' : 'select: sees none', async () => {
      expect((await history(actor)).length).toBe(sees ? 1 : 0);
    });

    it('insert, update, delete: refused', async () => {
      await expectNoWrite(
        asActor(world, actor, (tx) =>
          tx.query(
            "insert into public.partnership_events (tenant_id, partnership_id, event) values ($1, $2, 'ended') returning id",
            [world.region.id, partnership],
          ),
        ),
      );
      await expectNoWrite(
        asActor(world, actor, (tx) => tx.query("update public.partnership_events set event = 'ended' returning id")),
      );
      await expectNoWrite(
        asActor(world, actor, (tx) => tx.query('delete from public.partnership_events returning id')),
      );
      expect((await history('regionMember')).length).toBe(1);
    });
  });
}

describe('anonymous', () => {
  it('select: is refused', async () => {
    await expect(history('anonymous')).rejects.toThrow(REFUSED);
  });
});

describe('another region’s history', () => {
  it('is not seen by this region or by partners of neither', async () => {
    const otherRegion = await createTenant('region', 'Anden region');
    const id = (await privileged((tx) =>
      tx.one<{ id: string }>(
        'insert into public.partnerships (tenant_id, partner_tenant_id) values ($1, $2) returning id',
        [otherRegion.id, world.other.id],
      ),
    ))!.id;
    expect(await history('regionMember', id)).toEqual([]);
    expect(await history('owner', id)).toEqual([]);
    expect((await history('stranger', id)).map((e) => e.event)).toEqual(['proposed']);
  });
});

describe('runs_activities', () => {
  const runs = (t: TestTenant) =>
    privileged((tx) => tx.one<{ r: boolean }>('select runs_activities as r from public.tenants where id = $1', [t.id]));

  it('is false for a new region and true for the others', async () => {
    expect(await runs(world.region)).toEqual({ r: false });
    expect(await runs(world.tenant)).toEqual({ r: true });
    expect(await runs(world.other)).toEqual({ r: true });
  });

  it('owners and admins change it; coordinators cannot', async () => {
    const set = (actor: Actor, tenant: TestTenant) =>
      asActor(world, actor, (tx) =>
        tx.query('update public.tenants set runs_activities = true where id = $1 returning id', [tenant.id]),
      );
    expect(await set('regionMember', world.region)).toHaveLength(1);
    expect(await runs(world.region)).toEqual({ r: true });
    await expectNoWrite(set('coordinator', world.tenant));
    await expectNoWrite(set('regionMember', world.tenant));
  });
});
