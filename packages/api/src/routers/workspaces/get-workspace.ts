import { permissionsOf } from '../../permissions.ts';
import { tenantProcedure } from '../../trpc.ts';
import { ZWorkspace } from './schemas.ts';

/** The workspace, the caller's role in it and what that role may do; not found unless a member. */
export const getWorkspace = tenantProcedure.output(ZWorkspace).query(({ ctx }) => {
  const { readOnly, closedAt, suspendedAt, deleteAfter, suspendedReason } = ctx.lifecycle;
  // app.tenant_read_only is closed, suspended or billing's lock: neither of the first two is billing.
  const readOnlyReason = !readOnly ? null : suspendedAt ? 'suspended' : closedAt ? 'closed' : 'billing';
  return {
    ...ctx.tenant,
    permissions: permissionsOf(ctx.tenant.role, { readOnly }),
    readOnly,
    readOnlyReason,
    // Suspension says more than closing: a suspended workspace cannot be reopened by its owner.
    status: suspendedAt ? ('suspended' as const) : closedAt ? ('closed' as const) : ('active' as const),
    deleteAfter,
    suspendedReason,
  };
});
