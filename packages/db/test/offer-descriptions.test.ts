import { beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  as,
  createTenant,
  createUser,
  createWorld,
  privileged,
  type TestTenant,
  type World,
} from '../src/testing/index.ts';
import { expectNoWrite, rlsMatrix } from '../src/testing/rls-matrix.ts';
import { ACTOR_LABEL, REFUSED, type Actor } from './helpers.ts';
import type { Tx } from '../src/index.ts';

const COLUMNS = 'id, tenant_id, name, purpose_da, published_at, version';

const describeOffer = (tx: Tx, tenantId: string, name = 'Recovery-café', published = false) =>
  tx.one<{ id: string }>(
    `insert into public.offer_descriptions (tenant_id, name, purpose_da, purpose_en, published_at)
     values ($1, $2, 'At skabe fællesskab.', 'To build community.', case when $3 then now() end) returning id`,
    [tenantId, name, published],
  );

/**
 * One description per workspace: every member reads their own, owners, admins and coordinators
 * edit and publish it, nobody deletes it. The region in active partnership with the municipality
 * reads none of its rows: its catalogue comes through aggregates.offer_catalogue only.
 */
rlsMatrix({
  table: 'public.offer_descriptions',
  columns: COLUMNS,
  seed: (tx, tenantId) => describeOffer(tx, tenantId),
  update: {
    sql: `update public.offer_descriptions set purpose_da = 'Nyt formål' where id = $1 returning ${COLUMNS}`,
    returns: (before) => ({ ...before, purpose_da: 'Nyt formål', version: 2 }),
  },
  delete: true,
  expect: {
    owner: { select: 'all', update: 'all' },
    admin: { select: 'all', update: 'all' },
    coordinator: { select: 'all', update: 'all' },
    peer: 'read',
    viewer: 'read',
    stranger: { select: 'all', update: 'all' },
    regionMember: { select: 'all', update: 'all' },
    twoHats: { tenant: { select: 'all', update: 'all' }, other: 'read' },
    anonymous: 'none',
  },
});

// The matrix cannot try inserts: its seed already gave every workspace its one description.
describe('public.offer_descriptions: the first save of a description', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });

  const INSERT = `insert into public.offer_descriptions (tenant_id, name) values ($1, 'Vores tilbud') returning tenant_id`;
  const WRITERS: Actor[] = ['owner', 'admin', 'coordinator'];
  const OTHERS: Actor[] = ['peer', 'viewer', 'stranger', 'regionMember'];

  for (const actor of WRITERS) {
    it(`${ACTOR_LABEL[actor]}: adds the municipality's description`, async () => {
      const rows = await as(world.users[actor as 'owner'], (tx) => tx.query(INSERT, [world.tenant.id]));
      expect(rows).toEqual([{ tenant_id: world.tenant.id }]);
    });
  }

  for (const actor of OTHERS) {
    it(`${ACTOR_LABEL[actor]}: cannot add the municipality's description`, async () => {
      await expectNoWrite(as(world.users[actor as 'owner'], (tx) => tx.query(INSERT, [world.tenant.id])));
      const count = await privileged((tx) =>
        tx.one<{ n: number }>('select count(*)::int as n from public.offer_descriptions where tenant_id = $1', [
          world.tenant.id,
        ]),
      );
      expect(count!.n).toBe(0);
    });
  }

  it('anonymous: is refused', async () => {
    await expect(as(null, (tx) => tx.query(INSERT, [world.tenant.id]))).rejects.toThrow(REFUSED);
  });

  it('a workspace has one description: a second is refused', async () => {
    await as(world.users.owner, (tx) => tx.query(INSERT, [world.tenant.id]));
    await expect(as(world.users.admin, (tx) => tx.query(INSERT, [world.tenant.id]))).rejects.toMatchObject({
      code: '23505',
    });
  });
});

type CatalogueRow = { name: string; municipality: string; volunteers: number | null; participants: number | null };
const catalogueOf = (user: Parameters<typeof as>[0], region: { id: string }) =>
  as(user, (tx) =>
    tx.query<CatalogueRow>(
      'select name, municipality, volunteers, participants from aggregates.offer_catalogue($1) order by name',
      [region.id],
    ),
  );

describe("aggregates.offer_catalogue: a region sees its active partners' published offers", () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });

  const publish = (tenantId: string, name: string) => privileged((tx) => describeOffer(tx, tenantId, name, true));
  const setPartnership = (status: 'active' | 'ended' | 'proposed') =>
    privileged((tx) =>
      tx.query(
        `update public.partnerships set status = $3::public.partnership_status, ended_on = case when $3::text = 'ended' then current_date end
         where tenant_id = $1 and partner_tenant_id = $2`,
        [world.region.id, world.tenant.id, status],
      ),
    );

  it('shows a published description of a partner in an active partnership, in the municipality it belongs to', async () => {
    await publish(world.tenant.id, 'Peer-café Testkommune');
    expect(await catalogueOf(world.users.regionMember, world.region)).toEqual([
      { name: 'Peer-café Testkommune', municipality: 'Testkommune', volunteers: 0, participants: 0 },
    ]);
  });

  it('shows nothing of a draft', async () => {
    await privileged((tx) => describeOffer(tx, world.tenant.id, 'Kladde', false));
    expect(await catalogueOf(world.users.regionMember, world.region)).toEqual([]);
  });

  it('shows nothing once the description is withdrawn', async () => {
    await publish(world.tenant.id, 'Trukket tilbage');
    await as(world.users.coordinator, (tx) =>
      tx.query('update public.offer_descriptions set published_at = null where tenant_id = $1', [world.tenant.id]),
    );
    expect(await catalogueOf(world.users.regionMember, world.region)).toEqual([]);
  });

  for (const status of ['ended', 'proposed'] as const) {
    it(`shows nothing while the partnership is ${status}`, async () => {
      await publish(world.tenant.id, 'Peer-café');
      await setPartnership(status);
      expect(await catalogueOf(world.users.regionMember, world.region)).toEqual([]);
    });
  }

  it('shows nothing of a workspace that is not its partner, published or not', async () => {
    await publish(world.other.id, 'Anden forenings tilbud');
    expect(await catalogueOf(world.users.regionMember, world.region)).toEqual([]);
  });

  it("answers nothing to those who are not members of the region, the partner's own owner included", async () => {
    await publish(world.tenant.id, 'Peer-café');
    for (const actor of ['owner', 'stranger'] as const) {
      expect(await catalogueOf(world.users[actor], world.region)).toEqual([]);
    }
    await expect(catalogueOf(null, world.region)).rejects.toThrow(REFUSED);
  });

  it('answers nothing when asked about a workspace that is not a region', async () => {
    await publish(world.other.id, 'Anden forenings tilbud');
    const owner = await createUser('partner-owner');
    await addMember(world.tenant, owner, 'owner');
    expect(await catalogueOf(owner, world.tenant)).toEqual([]);
  });

  it('groups an association under the municipality its description names', async () => {
    const association: TestTenant = await createTenant('association', 'Peer-foreningen');
    await privileged(async (tx) => {
      await tx.query(
        "insert into public.partnerships (tenant_id, partner_tenant_id, status, started_on) values ($1, $2, 'active', current_date)",
        [world.region.id, association.id],
      );
      await tx.query(
        "insert into public.offer_descriptions (tenant_id, name, municipality, published_at) values ($1, 'Foreningens café', 'Gentofte Kommune', now())",
        [association.id],
      );
    });
    expect((await catalogueOf(world.users.regionMember, world.region)).map((r) => r.municipality)).toEqual([
      'Gentofte Kommune',
    ]);
  });
});

describe('scope figures: aggregates from the records, counts from 1 to 4 suppressed', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
    await privileged((tx) => describeOffer(tx, world.tenant.id, 'Peer-café', true));
  });

  const addVolunteers = (n: number) =>
    privileged((tx) =>
      tx.query(
        "insert into public.volunteers (tenant_id, name, status) select $1, 'Frivillig ' || g, 'active' from generate_series(1, $2) g",
        [world.tenant.id, n],
      ),
    );

  /** `n` participants who each attended a session held a month ago, and `sessions` sessions held. */
  async function addAttendance(n: number, sessions = 1) {
    await privileged(async (tx) => {
      const course = await tx.one<{ id: string }>(
        "insert into public.courses (tenant_id, name) values ($1, 'Recovery-forløb') returning id",
        [world.tenant.id],
      );
      await tx.query(
        `insert into public.course_sessions (tenant_id, course_id, held_on, status)
         select $1, $2, current_date - (g * 7), 'held' from generate_series(1, $3) g`,
        [world.tenant.id, course!.id, sessions],
      );
      await tx.query(
        `with p as (
           insert into public.participants (tenant_id, first_name) select $1, 'Deltager ' || g from generate_series(1, $3) g returning id
         ), e as (
           insert into public.enrolments (tenant_id, course_id, participant_id) select $1, $2, p.id from p returning participant_id
         )
         insert into public.attendance (tenant_id, course_id, session_id, participant_id, status)
         select $1, $2, s.id, e.participant_id, 'present' from e
         cross join lateral (select id from public.course_sessions where tenant_id = $1 and course_id = $2 order by held_on desc limit 1) s`,
        [world.tenant.id, course!.id, n],
      );
    });
  }

  const ownScope = () =>
    as(world.users.peer, (tx) =>
      tx.one<{ volunteers: number | null; participants: number | null; sessions: string }>(
        'select volunteers, participants, sessions_per_month::text as sessions from aggregates.offer_scope($1)',
        [world.tenant.id],
      ),
    );

  it('counts of 1 to 4 come back as null ("<5"), to the region and to the workspace itself', async () => {
    await addVolunteers(4);
    await addAttendance(1);
    expect(await catalogueOf(world.users.regionMember, world.region)).toEqual([
      { name: 'Peer-café', municipality: 'Testkommune', volunteers: null, participants: null },
    ]);
    expect(await ownScope()).toMatchObject({ volunteers: null, participants: null });
  });

  it('counts of 5 and more are given as they are, with sessions per month over the last twelve months', async () => {
    await addVolunteers(5);
    await addAttendance(7, 24);
    expect(await catalogueOf(world.users.regionMember, world.region)).toEqual([
      { name: 'Peer-café', municipality: 'Testkommune', volunteers: 5, participants: 7 },
    ]);
    expect(await ownScope()).toEqual({ volunteers: 5, participants: 7, sessions: '2.0' });
  });

  it("a workspace's scope is not for members of another workspace", async () => {
    await addVolunteers(6);
    const read = await as(world.users.stranger, (tx) =>
      tx.query('select * from aggregates.offer_scope($1)', [world.tenant.id]),
    );
    expect(read).toEqual([]);
  });

  it('the raw, unsuppressed figures are not callable by a member', async () => {
    await expect(
      as(world.users.owner, (tx) => tx.query('select * from app.offer_scope_figures($1)', [world.tenant.id])),
    ).rejects.toThrow(/permission denied/);
  });
});
