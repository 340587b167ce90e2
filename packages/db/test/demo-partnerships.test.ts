import { expect, it } from 'vitest';
import { createTenant, privileged } from '../src/testing/index.ts';
import { seedDemoPartnerships } from '../src/seed/demo-partnerships.ts';

it('the demo region has two active partners with their history and one proposal waiting', async () => {
  const tenantIds = new Map<string, string>();
  for (const [slug, kind] of [
    ['region-hovedstaden', 'region'],
    ['frederiksberg', 'municipality'],
    ['hilleroed', 'municipality'],
    ['recovery-lab', 'association'],
  ] as const) {
    tenantIds.set(slug, (await createTenant(kind, slug)).id);
  }
  await privileged((tx) => seedDemoPartnerships(tx, tenantIds));
  const rows = await privileged((tx) =>
    tx.query<{ partner: string; status: string; events: string }>(
      `select t.name as partner, p.status::text as status,
         string_agg(e.event || ':' || e.side || ':' || e.actor_name, ', ' order by e.occurred_at) as events
       from public.partnerships p join public.tenants t on t.id = p.partner_tenant_id
       join public.partnership_events e on e.partnership_id = p.id
       where p.tenant_id = $1 group by t.name, p.status order by t.name`,
      [tenantIds.get('region-hovedstaden')],
    ),
  );
  expect(rows).toEqual([
    {
      partner: 'frederiksberg',
      status: 'active',
      events: expect.stringMatching(/^proposed:region:Karen Bech, accepted:partner:.+$/),
    },
    {
      partner: 'hilleroed',
      status: 'active',
      events: expect.stringMatching(/^proposed:region:Karen Bech, accepted:partner:.+$/),
    },
    { partner: 'recovery-lab', status: 'proposed', events: 'proposed:region:Karen Bech' },
  ]);
});
