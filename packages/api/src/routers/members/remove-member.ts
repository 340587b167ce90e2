import { fail } from '../../errors.ts';
import { tenantProcedure } from '../../trpc.ts';
import { ZRemoveMemberInput } from './schemas.ts';

/** Owners and admins remove anyone (owners only by owners); any member may remove themself. */
export const removeMember = tenantProcedure.input(ZRemoveMemberInput).mutation(({ ctx, input }) =>
  ctx.db.tx(async (tx) => {
    const removed = await tx.one<{ id: string }>(
      'delete from public.memberships where tenant_id = $1 and id = $2 returning id',
      [ctx.tenant.id, input.membershipId],
    );
    if (!removed) fail('NOT_FOUND', 'member_not_found');
    return { id: input.membershipId };
  }),
);
