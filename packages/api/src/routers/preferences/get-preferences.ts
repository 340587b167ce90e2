import type { z } from 'zod';
import { tenantProcedure } from '../../trpc.ts';
import { ZGetPreferencesInput, ZGridState } from './schemas.ts';

/** The caller's own layout and filters for one grid in this workspace, or null. */
export const getPreferences = tenantProcedure
  .input(ZGetPreferencesInput)
  .output(ZGridState)
  .query(async ({ ctx, input }) => {
    const row = await ctx.db.tx((tx) =>
      tx.one<{ state: z.input<typeof ZGridState> }>(
        'select state from public.grid_preferences where tenant_id = $1 and user_id = (select auth.uid()) and grid = $2',
        [ctx.tenant.id, input.grid],
      ),
    );
    return row?.state ?? null;
  });
