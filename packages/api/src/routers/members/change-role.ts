import { fail } from '../../errors.ts';
import { requireRole, tenantProcedure } from '../../trpc.ts';
import { ZChangeRoleInput } from './schemas.ts';

/** Version-checked: a role someone else changed since the page loaded is refused, not overwritten. */
export const changeRole = tenantProcedure.input(ZChangeRoleInput).mutation(async ({ ctx, input }) => {
  requireRole(ctx.tenant, 'owner', 'admin');
  return ctx.db.tx(async (tx) => {
    const updated = await tx.one<{ id: string; role: string; version: number }>(
      `update public.memberships set role = $3
       where tenant_id = $1 and id = $2 and version = $4
       returning id, role::text, version`,
      [ctx.tenant.id, input.membershipId, input.role, input.version],
    );
    if (updated) return updated;
    const exists = await tx.one('select 1 from public.memberships where tenant_id = $1 and id = $2', [
      ctx.tenant.id,
      input.membershipId,
    ]);
    return fail(exists ? 'CONFLICT' : 'NOT_FOUND', exists ? 'stale_version' : 'member_not_found');
  });
});
