import { z } from 'zod';
import { requirePermission, tenantProcedure } from '../../trpc.ts';
import { ZRetention, ZRetentionMonths, type Retention } from './schemas.ts';

const read = (months: number | null, lastRun: Retention['lastRun']): Retention => ({ months, lastRun });

/** `privacy.retention`: the workspace's setting and its last retention run, for the settings page. */
export const getRetention = tenantProcedure.output(ZRetention).query(({ ctx }) => {
  requirePermission(ctx.tenant, 'settings.manage');
  return ctx.db.tx(async (tx) => {
    const tenant = await tx.one<{ months: number | null }>(
      'select retention_months as months from public.tenants where id = $1',
      [ctx.tenant.id],
    );
    const lastRun = await tx.one<NonNullable<Retention['lastRun']>>(
      `select ran_at as "ranAt", participants_erased as participants, volunteers_erased as volunteers
       from public.retention_runs where tenant_id = $1 order by ran_at desc limit 1`,
      [ctx.tenant.id],
    );
    return read(tenant?.months ?? null, lastRun ?? null);
  });
});

/** `privacy.setRetention`: how many months ended people are kept (null: until erased by hand). */
export const setRetention = tenantProcedure
  .input(z.object({ months: ZRetentionMonths }))
  .output(z.object({ months: ZRetentionMonths }))
  .mutation(async ({ ctx, input }) => {
    requirePermission(ctx.tenant, 'settings.manage');
    const row = await ctx.db.tx((tx) =>
      tx.one<{ months: number | null }>(
        'update public.tenants set retention_months = $2 where id = $1 returning retention_months as months',
        [ctx.tenant.id, input.months],
      ),
    );
    return { months: row?.months ?? null };
  });
