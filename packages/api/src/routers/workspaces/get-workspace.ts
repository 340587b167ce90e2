import { permissionsOf } from '../../permissions.ts';
import { tenantProcedure } from '../../trpc.ts';
import { ZWorkspace } from './schemas.ts';

/** The workspace, the caller's role in it and what that role may do; not found unless a member. */
export const getWorkspace = tenantProcedure
  .output(ZWorkspace)
  .query(({ ctx }) => ({ ...ctx.tenant, permissions: permissionsOf(ctx.tenant.role) }));
