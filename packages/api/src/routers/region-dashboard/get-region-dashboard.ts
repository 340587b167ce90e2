import { z } from 'zod';
import { fail } from '../../errors.ts';
import { tenantProcedure } from '../../trpc.ts';
import { quartersOf } from './quarters.ts';
import { ZRegionDashboard, ZRegionPeriod, type RegionDashboard, type RegionMetric } from './region-dashboard.types.ts';

type Row = {
  partnerId: string | null;
  partnerName: string | null;
  quarter: string;
  metric: RegionMetric;
  value: string | null;
  suppressed: boolean;
};

/**
 * The region's figures about its active partners, per quarter, from aggregates.region_dashboard:
 * the only path by which anything about a partner reaches a region, already suppressed there.
 * Read fresh on every call and never cached, so a partnership that ends takes its figures with it.
 */
export const getRegionDashboard = tenantProcedure
  .input(z.object({ period: ZRegionPeriod }))
  .output(ZRegionDashboard)
  .query(async ({ ctx, input }) => {
    if (ctx.tenant.kind !== 'region') fail('region_dashboard_not_allowed');
    const quarters = quartersOf(input.period);
    const rows = await ctx.db.tx((tx) =>
      tx.query<Row>(
        `select partner_id as "partnerId", partner_name as "partnerName", quarter::text as quarter, metric,
                value::text as value, suppressed
         from aggregates.region_dashboard($1, $2, $3)`,
        [ctx.tenant.id, quarters[0], quarters.at(-1)],
      ),
    );
    const partners = new Map<string, string>();
    for (const row of rows) if (row.partnerId) partners.set(row.partnerId, row.partnerName ?? '');
    const result: RegionDashboard = {
      period: input.period,
      quarters,
      partners: [...partners].map(([id, name]) => ({ id, name })).sort((a, b) => a.name.localeCompare(b.name, 'da')),
      cells: rows.map((r) => ({
        partnerId: r.partnerId,
        quarter: r.quarter,
        metric: r.metric,
        value: r.value === null ? null : Number(r.value),
        suppressed: r.suppressed,
      })),
    };
    return result;
  });
