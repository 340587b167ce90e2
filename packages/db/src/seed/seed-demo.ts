import { withPrivilegedTx } from '../rls.ts';
import type { Tx } from '../tx.ts';
import { seedDemoCourses } from './demo-courses.ts';
import { seedDemoMatches } from './demo-matches.ts';
import { seedDemoOffers } from './demo-offers.ts';
import { seedDemoProgrammes } from './demo-programmes.ts';
import { seedDemoRosters } from './demo-rosters.ts';
import { seedDemoVolunteerSide } from './demo-volunteer-side.ts';
import { seedDemoPartnerships } from './demo-partnerships.ts';
import { DEMO_PASSWORD, DEMO_TENANTS, DEMO_USERS } from './demo-data.ts';

/** Creates an auth user and returns its id; supplied by the auth provider that owns passwords. */
export type CreateUser = (tx: Tx, user: { email: string; password: string; name: string }) => Promise<string>;

/**
 * Loads the demo workspaces once. The whole seed is one transaction keyed on the first demo
 * workspace's slug, so a second start neither duplicates rows nor leaves a half-seeded database.
 */
export async function seedDemo(createUser: CreateUser): Promise<'seeded' | 'already-present'> {
  return withPrivilegedTx('seed', async (tx) => {
    const present = await tx.one('select 1 from public.tenants where slug = $1', [DEMO_TENANTS[0]!.slug]);
    if (present) return 'already-present';

    const tenantIds = new Map<string, string>();
    for (const t of DEMO_TENANTS) {
      const row = await tx.one<{ id: string }>(
        'insert into public.tenants (slug, name, kind, cvr, ean) values ($1, $2, $3, $4, $5) returning id',
        [t.slug, t.name, t.kind, t.cvr ?? null, t.ean ?? null],
      );
      tenantIds.set(t.slug, row!.id);
    }

    for (const u of DEMO_USERS) {
      const userId = await createUser(tx, { email: u.email, password: DEMO_PASSWORD, name: u.name });
      if (u.operator) await tx.query('insert into app.operators (user_id) values ($1)', [userId]);
      for (const m of u.memberships) {
        await tx.query(
          'insert into public.memberships (tenant_id, user_id, role, display_name, email) values ($1, $2, $3, $4, $5)',
          [tenantIds.get(m.slug), userId, m.role, u.name, u.email],
        );
      }
    }

    await seedDemoPartnerships(tx, tenantIds);
    await seedDemoRosters(tx, tenantIds.get('frederiksberg')!);
    await seedDemoCourses(tx, tenantIds);
    await seedDemoMatches(tx, tenantIds.get('frederiksberg')!);
    await seedDemoVolunteerSide(tx, tenantIds);
    await seedDemoOffers(tx, tenantIds);
    await seedDemoProgrammes(tx, tenantIds);
    return 'seeded';
  });
}
