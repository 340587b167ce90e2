import { z } from 'zod';
import { ZUuid } from '../../domain.ts';
import { fail } from '../../errors.ts';
import { requirePermission, tenantProcedure } from '../../trpc.ts';

/**
 * The region proposes a partnership. A workspace it once ended with, or that declined, is invited
 * again on the same row, so the whole history stays in one place (decision 026); a proposal or an
 * active partnership that already exists is refused.
 */
export const invitePartner = tenantProcedure
  .input(z.object({ partnerId: ZUuid }))
  .output(z.object({ id: ZUuid }))
  .mutation(({ ctx, input }) => {
    requirePermission(ctx.tenant, 'partnerships.manage');
    if (ctx.tenant.kind !== 'region') fail('partnership_region_only');
    return ctx.db.tx(async (tx) => {
      const row = await tx.one<{ id: string }>(
        `insert into public.partnerships as p (tenant_id, partner_tenant_id) values ($1, $2)
         on conflict (tenant_id, partner_tenant_id) do update set status = 'proposed' where p.status = 'ended'
         returning p.id`,
        [ctx.tenant.id, input.partnerId],
      );
      return row ?? fail('partnership_exists');
    });
  });
