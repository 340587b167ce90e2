import { z } from 'zod';
import { requirePermission, router, tenantProcedure } from '../../trpc.ts';

/** How old a record check may be before the overview lists it as due: 1 to 120 months. */
const ZRenewalMonths = z.number().int().min(1).max(120);

/**
 * Workspace settings that are a single value on the workspace (owners and admins). The
 * tenants' update policy and its column grant say the same in the database.
 */
export const settingsRouter = router({
  recordChecks: tenantProcedure.output(z.object({ months: ZRenewalMonths })).query(({ ctx }) => {
    requirePermission(ctx.tenant, 'settings.manage');
    return ctx.db.tx(async (tx) => {
      const row = await tx.one<{ months: number }>(
        'select record_check_renewal_months as months from public.tenants where id = $1',
        [ctx.tenant.id],
      );
      return { months: row!.months };
    });
  }),
  setRecordChecks: tenantProcedure
    .input(z.object({ months: ZRenewalMonths }))
    .output(z.object({ months: ZRenewalMonths }))
    .mutation(({ ctx, input }) => {
      requirePermission(ctx.tenant, 'settings.manage');
      return ctx.db.tx(async (tx) => {
        const row = await tx.one<{ months: number }>(
          `update public.tenants set record_check_renewal_months = $2 where id = $1
           returning record_check_renewal_months as months`,
          [ctx.tenant.id, input.months],
        );
        return { months: row!.months };
      });
    }),
  /** Whether the workspace runs activities itself: its rosters show in the navigation. */
  setRunsActivities: tenantProcedure
    .input(z.object({ runsActivities: z.boolean() }))
    .output(z.object({ runsActivities: z.boolean() }))
    .mutation(({ ctx, input }) => {
      requirePermission(ctx.tenant, 'settings.manage');
      return ctx.db.tx(async (tx) => {
        const row = await tx.one<{ runsActivities: boolean }>(
          `update public.tenants set runs_activities = $2 where id = $1 returning runs_activities as "runsActivities"`,
          [ctx.tenant.id, input.runsActivities],
        );
        return row!;
      });
    }),
});
