import { tenantProcedure } from '../../trpc.ts';
import { ZPreferencesSaved, ZSavePreferencesInput } from './schemas.ts';

/** Stores the caller's own layout for one grid; each member has their own. */
export const savePreferences = tenantProcedure
  // A layout is the member's own, not the workspace's data: kept working when read-only.
  .meta({ worksWhenReadOnly: true })
  .input(ZSavePreferencesInput)
  .output(ZPreferencesSaved)
  .mutation(async ({ ctx, input }) => {
    await ctx.db.tx((tx) =>
      tx.query(
        `insert into public.grid_preferences (tenant_id, grid, state) values ($1, $2, $3)
           on conflict (tenant_id, user_id, grid) do update set state = excluded.state, updated_at = now()`,
        [ctx.tenant.id, input.grid, JSON.stringify(input.state)],
      ),
    );
    return { saved: true as const };
  });
