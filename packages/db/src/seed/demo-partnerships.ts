import type { Tx } from '../tx.ts';
import { DEMO_PARTNERSHIPS, DEMO_USERS } from './demo-data.ts';

/**
 * Region Hovedstaden's partnerships with the history the partners page shows: each proposed by the
 * region's owner; Frederiksberg and Hillerød accepted by their owners, Recovery Lab not yet
 * answered. Written on the privileged path, so the trigger's own entries (no side, no name) are
 * replaced by the story as it happened.
 */
export async function seedDemoPartnerships(tx: Tx, tenantIds: Map<string, string>): Promise<void> {
  const ownerOf = (slug: string) =>
    DEMO_USERS.find((u) => u.memberships.some((m) => m.slug === slug && m.role === 'owner'))?.name ?? null;
  for (const p of DEMO_PARTNERSHIPS) {
    const row = await tx.one<{ id: string; tenant_id: string }>(
      `insert into public.partnerships (tenant_id, partner_tenant_id, status, started_on)
       values ($1, $2, $3::public.partnership_status, case when $3::text = 'active' then date '2026-01-01' end)
       returning id, tenant_id`,
      [tenantIds.get(p.region), tenantIds.get(p.partner), p.status],
    );
    await tx.query('delete from public.partnership_events where tenant_id = $1 and partnership_id = $2', [
      row!.tenant_id,
      row!.id,
    ]);
    const events: [string, 'region' | 'partner', string | null, string][] = [
      ['proposed', 'region', ownerOf(p.region), p.status === 'active' ? '2025-12-01 10:00' : '2026-11-02 09:30'],
    ];
    if (p.status === 'active') events.push(['accepted', 'partner', ownerOf(p.partner), '2026-01-01 13:15']);
    for (const [event, side, name, at] of events) {
      await tx.query(
        `insert into public.partnership_events (tenant_id, partnership_id, event, side, actor_name, occurred_at)
         values ($1, $2, $3::public.partnership_event, $4::public.partnership_side, $5, ($6::timestamp at time zone 'Europe/Copenhagen'))`,
        [row!.tenant_id, row!.id, event, side, name, at],
      );
    }
  }
}
