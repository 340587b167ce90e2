import { fail } from '../../errors.ts';
import { requireRole, tenantProcedure } from '../../trpc.ts';
import { ZRevokeInvitationInput } from './schemas.ts';

export const revokeInvitation = tenantProcedure.input(ZRevokeInvitationInput).mutation(({ ctx, input }) => {
  requireRole(ctx.tenant, 'owner', 'admin');
  return ctx.db.tx(async (tx) => {
    const revoked = await tx.one(
      `update public.invitations set revoked_at = now()
       where tenant_id = $1 and id = $2 and accepted_at is null and revoked_at is null returning id`,
      [ctx.tenant.id, input.invitationId],
    );
    if (!revoked) fail('NOT_FOUND', 'invitation_not_found');
    return { id: input.invitationId };
  });
});
