import { fail } from '../../errors.ts';
import { requirePermission, tenantProcedure } from '../../trpc.ts';
import { ZRemoved, ZRemoveMemberInput } from './schemas.ts';

/** Those who may manage members remove anyone (owners only by owners); any member may leave. */
export const removeMember = tenantProcedure
  // Leaving a read-only workspace stays possible (the policy still refuses removing others).
  .meta({ worksWhenReadOnly: true })
  .input(ZRemoveMemberInput)
  .output(ZRemoved)
  .mutation(({ ctx, input }) =>
    ctx.db.tx(async (tx) => {
      const target = await tx.one<{ userId: string }>(
        'select user_id as "userId" from public.memberships where tenant_id = $1 and id = $2',
        [ctx.tenant.id, input.membershipId],
      );
      if (!target) return fail('member_not_found');
      if (target.userId !== ctx.session.userId) requirePermission(ctx.tenant, 'members.manage');
      await tx.query('delete from public.memberships where tenant_id = $1 and id = $2', [
        ctx.tenant.id,
        input.membershipId,
      ]);
      return { id: input.membershipId };
    }),
  );
