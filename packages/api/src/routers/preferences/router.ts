import { z } from 'zod';
import { router, tenantProcedure } from '../../trpc.ts';
import { ZGridId as ZGrid } from './grid-ids.ts';

/** Each member's own grid layout and filters, per workspace and grid. */
export const preferencesRouter = router({
  get: tenantProcedure.input(z.object({ grid: ZGrid })).query(async ({ ctx, input }) => {
    const row = await ctx.db.tx((tx) =>
      tx.one<{ state: unknown }>(
        'select state from public.grid_preferences where tenant_id = $1 and user_id = (select auth.uid()) and grid = $2',
        [ctx.tenant.id, input.grid],
      ),
    );
    return row?.state ?? null;
  }),

  save: tenantProcedure.input(z.object({ grid: ZGrid, state: z.json() })).mutation(async ({ ctx, input }) => {
    await ctx.db.tx((tx) =>
      tx.query(
        `insert into public.grid_preferences (tenant_id, grid, state) values ($1, $2, $3)
           on conflict (tenant_id, user_id, grid) do update set state = excluded.state, updated_at = now()`,
        [ctx.tenant.id, input.grid, JSON.stringify(input.state)],
      ),
    );
    return { saved: true };
  }),
});
