import { beforeEach, describe, expect, it } from 'vitest';
import { as, privileged, type World } from '../src/testing/index.ts';
import { expectRaised, rlsMatrix } from '../src/testing/rls-matrix.ts';
import { createMatchWorld, matchMatrixSeed, type MatchSeed } from './match-fixtures.ts';

const COLUMNS =
  'id, tenant_id, participant_id, volunteer_id, co_volunteer_id, starts_on, planned_end_on, status::text, end_reason, version';

const matches = matchMatrixSeed((m) => [m.id]);

/**
 * Owners, admins and coordinators propose, change and remove matches; viewers read them; a peer
 * reads only the matches they are a volunteer on and changes none. Nobody sees or touches another
 * workspace's matches.
 */
rlsMatrix({
  table: 'public.matches',
  columns: COLUMNS,
  seed: matches.seed,
  insert: (tenantId) => {
    const seed = matches.seedOf(tenantId);
    return {
      sql: `insert into public.matches (tenant_id, participant_id, volunteer_id, starts_on)
            values ($1, $2, $3, date '2026-05-31') returning ${COLUMNS}`,
      params: [tenantId, seed.participants.spare, seed.volunteers.third],
      returns: {
        id: expect.any(String),
        tenant_id: tenantId,
        participant_id: seed.participants.spare,
        volunteer_id: seed.volunteers.third,
        co_volunteer_id: null,
        starts_on: '2026-05-31',
        // Six months on; the end of a shorter month.
        planned_end_on: '2026-11-30',
        status: 'proposed',
        end_reason: null,
        version: 1,
      },
    };
  },
  update: {
    sql: `update public.matches set status = 'ended', end_reason = 'completed' where id = $1 returning ${COLUMNS}`,
    returns: (before) => ({ ...before, status: 'ended', end_reason: 'completed', version: 2 }),
  },
  delete: true,
  expect: {
    owner: 'edit',
    admin: 'edit',
    coordinator: 'edit',
    peer: { select: 'own' },
    viewer: 'read',
    stranger: 'edit',
    regionMember: 'edit',
    twoHats: { tenant: 'edit', other: 'read' },
    anonymous: 'none',
  },
});

describe('a match', () => {
  let world: World;
  let seeds: Record<'tenant' | 'other', MatchSeed>;

  beforeEach(async () => {
    ({ world, seeds } = await createMatchWorld());
  });

  const asCoordinator = <T>(sql: string, params: unknown[]) =>
    as(world.users.coordinator, (tx) => tx.query<T & Record<string, unknown>>(sql, params));
  const propose = (values: Record<string, unknown>) => {
    const names = Object.keys(values);
    return asCoordinator<{ planned_end_on: string | null }>(
      `insert into public.matches (tenant_id, participant_id, volunteer_id, ${names.join(', ')})
       values ($1, $2, $3, ${names.map((_, i) => `$${i + 4}`).join(', ')}) returning planned_end_on`,
      [world.tenant.id, seeds.tenant.participants.spare, seeds.tenant.volunteers.third, ...Object.values(values)],
    );
  };

  it('ends six months after its start unless another planned end is given', async () => {
    expect(await propose({ starts_on: '2026-01-15' })).toEqual([{ planned_end_on: '2026-07-15' }]);
    expect(await propose({ starts_on: '2026-01-15', planned_end_on: '2026-04-01' })).toEqual([
      { planned_end_on: '2026-04-01' },
    ]);
    expect(await propose({ intake_on: '2026-01-02' })).toEqual([{ planned_end_on: null }]);
  });

  it('gets the default back when the planned end is cleared, and follows a moved start then', async () => {
    const { id } = seeds.tenant.matches.led;
    const update = (set: string) =>
      asCoordinator<{ planned_end_on: string }>(
        `update public.matches set ${set} where id = $1 returning planned_end_on`,
        [id],
      );
    expect(await update("planned_end_on = date '2026-12-24'")).toEqual([{ planned_end_on: '2026-12-24' }]);
    expect(await update("starts_on = date '2026-04-01', planned_end_on = null")).toEqual([
      { planned_end_on: '2026-10-01' },
    ]);
  });

  it('refuses the same volunteer twice, an end before the start, and an ending without a reason', async () => {
    const { led } = seeds.tenant.matches;
    await expectRaised(
      asCoordinator('update public.matches set co_volunteer_id = volunteer_id where id = $1', [led.id]),
      'match_same_volunteer',
    );
    await expectRaised(
      asCoordinator("update public.matches set planned_end_on = date '2026-02-01' where id = $1", [led.id]),
      'match_ends_before_start',
    );
    await expectRaised(
      asCoordinator("update public.matches set status = 'ended' where id = $1", [led.id]),
      'match_end_reason_required',
    );
  });

  it('drops the end reason when an ended match is taken up again', async () => {
    const { id } = seeds.tenant.matches.led;
    await asCoordinator("update public.matches set status = 'ended', end_reason = 'moved' where id = $1", [id]);
    expect(
      await asCoordinator("update public.matches set status = 'active' where id = $1 returning end_reason", [id]),
    ).toEqual([{ end_reason: null }]);
  });

  it('refuses a participant or volunteer of another workspace', async () => {
    const theirs = seeds.other;
    const insert = (participant: string, volunteer: string) =>
      privileged((tx) =>
        tx.query('insert into public.matches (tenant_id, participant_id, volunteer_id) values ($1, $2, $3)', [
          world.tenant.id,
          participant,
          volunteer,
        ]),
      );
    await expect(insert(theirs.participants.spare, seeds.tenant.volunteers.third)).rejects.toMatchObject({
      code: '23503',
    });
    await expect(insert(seeds.tenant.participants.spare, theirs.volunteers.third)).rejects.toMatchObject({
      code: '23503',
    });
  });
});

describe("a peer's participants", () => {
  let world: World;
  let seeds: Record<'tenant' | 'other', MatchSeed>;

  beforeEach(async () => {
    ({ world, seeds } = await createMatchWorld());
  });

  const lookup = (workspace: string) =>
    as(world.users.peer, (tx) =>
      tx.query<{ id: string; label: string; detail: string | null }>(
        'select id, label, detail from app.participant_lookup($1) order by label',
        [workspace],
      ),
    );

  it("are the first names of their own matches' participants, without a birth year", async () => {
    const { participants } = seeds.tenant;
    expect(await lookup(world.tenant.id)).toEqual([
      { id: participants.coLed, label: 'Jonas', detail: null },
      { id: participants.led, label: 'Mette', detail: null },
    ]);
  });

  it('are nobody in a workspace where they are no peer, though linked to a volunteer there', async () => {
    expect(await lookup(world.other.id)).toEqual([]);
  });

  it('lose a participant when the peer is taken off the match', async () => {
    await privileged((tx) =>
      tx.query('update public.matches set co_volunteer_id = null where id = $1', [seeds.tenant.matches.coLed.id]),
    );
    expect((await lookup(world.tenant.id)).map((p) => p.label)).toEqual(['Mette']);
  });
});
