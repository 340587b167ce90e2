import { beforeAll, describe, expect, it } from 'vitest';
import { as, createTenant, createWorld, privileged, type World } from '../src/testing/index.ts';
import { seedDemoCourses } from '../src/seed/demo-courses.ts';
import { seedDemoMatches } from '../src/seed/demo-matches.ts';
import { seedDemoProgrammes } from '../src/seed/demo-programmes.ts';
import { seedDemoRosters } from '../src/seed/demo-rosters.ts';

/** Frederiksberg's demo programme, expressed as its application to Region Hovedstaden states it. */
let world: World;

beforeAll(async () => {
  world = await createWorld();
  const other = await createTenant('municipality', 'Hillerød');
  await privileged(async (tx) => {
    const tenantIds = new Map([
      ['frederiksberg', world.tenant.id],
      ['hilleroed', other.id],
      ['region-hovedstaden', world.region.id],
      ['recovery-lab', world.other.id],
    ]);
    await seedDemoRosters(tx, world.tenant.id);
    // As seedDemoCourses adds him from the demo's accounts: the demo peer's own volunteer row.
    await tx.query(
      "insert into public.volunteers (tenant_id, name, status, user_id) values ($1, 'Ali Demir', 'active', $2)",
      [world.tenant.id, world.users.peer.id],
    );
    await seedDemoCourses(tx, tenantIds);
    await seedDemoMatches(tx, world.tenant.id);
    await seedDemoProgrammes(tx, tenantIds);
  });
});

type Goal = { metric: string; target_min: number; target_max: number | null; value: number };

describe('the demo programme', () => {
  it('holds the application: funder, amounts, period and the three sub-goals', async () => {
    const [programme] = await as(world.users.coordinator, (tx) =>
      tx.query<{ id: string; name: string; grant_amount: string; total_budget: string; period: string }>(
        `select id, name, grant_amount::text, total_budget::text, starts_on || '/' || ends_on as period from public.programmes`,
      ),
    );
    expect(programme).toMatchObject({
      name: 'Sammen om recovery og peer-støtte på Frederiksberg',
      grant_amount: '415686',
      total_budget: '853986',
      period: '2026-01-01/2027-12-31',
    });
    const goals = await as(world.users.coordinator, (tx) =>
      tx.query<Goal>('select metric, target_min, target_max, value from app.programme_goal_progress($1)', [
        programme!.id,
      ]),
    );
    expect(goals.map((g) => [g.metric, g.target_min, g.target_max])).toEqual([
      ['volunteers_active', 6, 8],
      ['volunteers_peer_educated', 10, 15],
      ['participants_reached', 40, 50],
    ]);
    // Computed from the demo's courses and matches, all of which belong to the programme.
    const reached = goals.find((g) => g.metric === 'participants_reached')!.value;
    expect(reached).toBeGreaterThan(0);
  });

  it('shows the funding region its goals only as suppressed aggregates', async () => {
    const rows = await as(world.users.regionMember, (tx) =>
      tx.query<{ value: number | null; suppressed: boolean }>(
        "select value, suppressed from aggregates.funded_goal_progress($1, date '2026-01-01', date '2027-12-31')",
        [world.region.id],
      ),
    );
    expect(rows).toHaveLength(3);
    for (const r of rows) expect(r.suppressed ? r.value === null : r.value === 0 || r.value! >= 5).toBe(true);
  });
});
