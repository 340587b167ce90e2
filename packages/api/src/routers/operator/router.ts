import { z } from 'zod';
import { ZTenantKind, ZTimestamp, ZUuid } from '../../domain.ts';
import { fail } from '../../errors.ts';
import { isOperator, listWorkspaces, setSuspension } from '../../operator/console.ts';
import { protectedProcedure, router } from '../../trpc.ts';
import { ZWorkspaceStatus } from '../workspaces/schemas.ts';

/**
 * Only accounts in app.operators, checked on the privileged path. Anyone else gets "not found",
 * the same as a page that does not exist, so the console's existence tells them nothing.
 */
const operatorProcedure = protectedProcedure.use(async ({ ctx, next }) => {
  if (!(await isOperator(ctx.session.userId))) fail('page_not_found');
  return next();
});

const ZOperatorWorkspace = z.object({
  id: ZUuid,
  slug: z.string(),
  name: z.string(),
  kind: ZTenantKind,
  plan: z.string(),
  billingStatus: z.string().nullable(),
  coveredBy: z.string().nullable(),
  status: ZWorkspaceStatus,
  suspendedReason: z.string().nullable(),
  deleteAfter: ZTimestamp.nullable(),
  activeParticipants: z.number().int(),
  lastActivity: ZTimestamp.nullable(),
  createdAt: ZTimestamp,
});

const ZSuspendInput = z.object({
  tenantId: ZUuid,
  reason: z.string().trim().min(1, 'errors:suspension_reason_required').max(500),
});

export const operatorRouter = router({
  workspaces: operatorProcedure.output(z.array(ZOperatorWorkspace)).query(() => listWorkspaces()),
  suspend: operatorProcedure
    .input(ZSuspendInput)
    .output(z.object({ changed: z.boolean() }))
    .mutation(async ({ ctx, input }) => ({
      changed: await setSuspension(ctx.session.userId, input.tenantId, { reason: input.reason }),
    })),
  restore: operatorProcedure
    .input(z.object({ tenantId: ZUuid }))
    .output(z.object({ changed: z.boolean() }))
    .mutation(async ({ ctx, input }) => ({ changed: await setSuspension(ctx.session.userId, input.tenantId, null) })),
});
