import { beforeAll, describe, expect, it } from 'vitest';
import { as, createTenant, createWorld, privileged, type World } from '../src/testing/index.ts';
import { seedDemoOffers } from '../src/seed/demo-offers.ts';

/** The demo's offers, as Region Hovedstaden's catalogue shows them. */
let world: World;

beforeAll(async () => {
  world = await createWorld();
  const hilleroed = await createTenant('municipality', 'Hillerød Kommune');
  await privileged(async (tx) => {
    await tx.query(
      "insert into public.partnerships (tenant_id, partner_tenant_id, status, started_on) values ($1, $2, 'active', current_date), ($1, $3, 'proposed', null)",
      [world.region.id, hilleroed.id, world.other.id],
    );
    await seedDemoOffers(
      tx,
      new Map([
        ['frederiksberg', world.tenant.id],
        ['hilleroed', hilleroed.id],
        ['recovery-lab', world.other.id],
      ]),
    );
  });
});

describe('demo offers', () => {
  it('put the two municipalities’ published offers in the region’s catalogue, and not the draft', async () => {
    const catalogue = await as(world.users.regionMember, (tx) =>
      tx.query<{ name: string; municipality: string; english: string | null }>(
        `select name, municipality, sections -> 'purpose' ->> 'en' as english
         from aggregates.offer_catalogue($1) order by municipality`,
        [world.region.id],
      ),
    );
    expect(catalogue).toEqual([
      {
        name: 'Recovery-café Hillerød',
        municipality: 'Hillerød Kommune',
        english: expect.stringContaining('meeting place'),
      },
      { name: 'Peer-støtte Frederiksberg', municipality: 'Testkommune', english: expect.stringContaining('Purpose') },
    ]);
  });

  it('leave Recovery Lab with a draft its members can read', async () => {
    const own = await as(world.users.stranger, (tx) =>
      tx.query<{ published: boolean }>('select published_at is not null as published from public.offer_descriptions'),
    );
    expect(own).toEqual([{ published: false }]);
  });
});
