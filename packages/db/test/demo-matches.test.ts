import { beforeAll, describe, expect, it } from 'vitest';
import { as, createWorld, privileged, type World } from '../src/testing/index.ts';
import { seedDemoMatches } from '../src/seed/demo-matches.ts';
import { seedDemoRosters } from '../src/seed/demo-rosters.ts';

/** The demo's companionship, as Frederiksberg's coordinators and its demo peer Ali meet it. */
let world: World;

beforeAll(async () => {
  world = await createWorld();
  await privileged(async (tx) => {
    await seedDemoRosters(tx, world.tenant.id);
    // As seedDemoCourses adds him: the demo peer's own volunteer row.
    await tx.query(
      "insert into public.volunteers (tenant_id, name, status, user_id) values ($1, 'Ali Demir', 'active', $2)",
      [world.tenant.id, world.users.peer.id],
    );
    await seedDemoMatches(tx, world.tenant.id);
  });
});

describe('demo matches', () => {
  it('give the peer their one match, with its meetings', async () => {
    const seen = await as(world.users.peer, (tx) =>
      tx.query<{ first_name: string; meetings: number }>(
        `select l.label as first_name, (select count(*)::int from public.match_meetings m where m.match_id = x.id) as meetings
         from public.matches x join app.participant_lookup(x.tenant_id) l on l.id = x.participant_id`,
      ),
    );
    expect(seen).toEqual([{ first_name: 'Omar', meetings: 4 }]);
  });

  it('include one still active past its planned end, and suggestions to propose from', async () => {
    const overdue = await as(world.users.coordinator, (tx) =>
      tx.query("select 1 from public.matches where status = 'active' and planned_end_on < date '2026-11-26'"),
    );
    expect(overdue).toHaveLength(1);
    const eligible = await as(world.users.coordinator, (tx) =>
      tx.query(
        "select 1 from public.volunteers where status = 'active' and confidentiality_signed_on is not null and record_check_ok",
      ),
    );
    expect(eligible.length).toBeGreaterThanOrEqual(4);
  });
});
