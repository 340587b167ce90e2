import { z } from 'zod';
import { ZTimestamp } from '../../domain.ts';
import { requirePermission, tenantProcedure } from '../../trpc.ts';
import { ZCloseWorkspaceInput } from './schemas.ts';

/**
 * The owner closes the workspace, typing its address to confirm: read-only from now on, deleted
 * for good after the waiting period (app.closed_retention_days) unless reopened.
 */
export const closeWorkspace = tenantProcedure
  .meta({ worksWhenReadOnly: true })
  .input(ZCloseWorkspaceInput)
  .output(z.object({ deleteAfter: ZTimestamp }))
  .mutation(({ ctx, input }) => {
    requirePermission(ctx.tenant, 'workspace.close');
    return ctx.db.tx(async (tx) => {
      const row = await tx.one<{ deleteAfter: Date }>('select app.close_workspace($1, $2) as "deleteAfter"', [
        ctx.tenant.id,
        input.confirmSlug,
      ]);
      return { deleteAfter: row!.deleteAfter };
    });
  });

/** The owner reopens a closed workspace during the wait; a suspension stays. */
export const reopenWorkspace = tenantProcedure
  .meta({ worksWhenReadOnly: true })
  .output(z.object({ reopened: z.literal(true) }))
  .mutation(({ ctx }) => {
    requirePermission(ctx.tenant, 'workspace.close');
    return ctx.db.tx(async (tx) => {
      await tx.query('select app.reopen_workspace($1)', [ctx.tenant.id]);
      return { reopened: true as const };
    });
  });
