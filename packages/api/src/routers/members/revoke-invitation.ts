import { fail } from '../../errors.ts';
import { requirePermission, tenantProcedure } from '../../trpc.ts';
import { ZRemoved, ZRevokeInvitationInput } from './schemas.ts';

export const revokeInvitation = tenantProcedure
  .input(ZRevokeInvitationInput)
  .output(ZRemoved)
  .mutation(({ ctx, input }) => {
    requirePermission(ctx.tenant, 'members.manage');
    return ctx.db.tx(async (tx) => {
      const revoked = await tx.one(
        `update public.invitations set revoked_at = now()
         where tenant_id = $1 and id = $2 and accepted_at is null and revoked_at is null returning id`,
        [ctx.tenant.id, input.invitationId],
      );
      if (!revoked) fail('invitation_not_found');
      return { id: input.invitationId };
    });
  });
