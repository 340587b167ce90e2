import type { z } from 'zod';
import { fail } from '../../errors.ts';
import { requirePermission, tenantProcedure } from '../../trpc.ts';
import { ZChangeRoleInput, ZRoleChanged } from './schemas.ts';

/**
 * Version-checked: a role someone else changed since the page loaded is refused, not overwritten.
 * Who may give or take the owner role is the membership trigger's rule (only_owner_manages_owners),
 * because only it sees the role being replaced.
 */
export const changeRole = tenantProcedure
  .input(ZChangeRoleInput)
  .output(ZRoleChanged)
  .mutation(({ ctx, input }) => {
    requirePermission(ctx.tenant, 'members.manage');
    return ctx.db.tx(async (tx) => {
      const updated = await tx.one<z.input<typeof ZRoleChanged>>(
        `update public.memberships set role = $3
         where tenant_id = $1 and id = $2 and version = $4
         returning id, role::text as role, version`,
        [ctx.tenant.id, input.membershipId, input.role, input.version],
      );
      if (updated) return updated;
      const exists = await tx.one('select 1 from public.memberships where tenant_id = $1 and id = $2', [
        ctx.tenant.id,
        input.membershipId,
      ]);
      return fail(exists ? 'stale_version' : 'member_not_found');
    });
  });
