import type { z } from 'zod';
import { can } from '../../permissions.ts';
import { requirePermission, tenantProcedure } from '../../trpc.ts';
import { ZMemberList, type ZMember, type ZPendingInvitation } from './schemas.ts';

/**
 * Everyone in the workspace, and the pending invitations for those who may manage members (RLS
 * shows invitations to them only; asking anyway would just return none).
 */
export const listMembers = tenantProcedure.output(ZMemberList).query(({ ctx }) => {
  requirePermission(ctx.tenant, 'members.read');
  return ctx.db.tx(async (tx) => ({
    members: await tx.query<z.input<typeof ZMember>>(
      `select id, user_id as "userId", display_name as "displayName", email, role::text as role, version,
              created_at as "createdAt"
       from public.memberships where tenant_id = $1 order by display_name`,
      [ctx.tenant.id],
    ),
    invitations: can(ctx.tenant.role, 'members.manage')
      ? await tx.query<z.input<typeof ZPendingInvitation>>(
          `select id, email, role::text as role, expires_at as "expiresAt", created_at as "createdAt"
           from public.invitations
           where tenant_id = $1 and accepted_at is null and revoked_at is null and expires_at > now()
           order by created_at desc`,
          [ctx.tenant.id],
        )
      : [],
  }));
});
