import { z } from 'zod';
import { ZUuid } from '../../domain.ts';
import { fail } from '../../errors.ts';
import { requirePermission, tenantProcedure } from '../../trpc.ts';
import { PARTNERSHIP_ACTIONS, ZPartnershipAction } from './schemas.ts';

type Status = 'proposed' | 'active' | 'ended';

/**
 * Withdraw, accept, decline or end a partnership, as the side the workspace is on. The region
 * writes the row under its update policy; the partner answers through app.respond_to_partnership.
 * Each refusal has its own translated message; the database refuses the same underneath.
 */
export const actOnPartnership = tenantProcedure
  .input(z.object({ id: ZUuid, action: ZPartnershipAction }))
  .output(z.object({ status: z.enum(['proposed', 'active', 'ended']) }))
  .mutation(({ ctx, input }) => {
    requirePermission(ctx.tenant, 'partnerships.manage');
    const rule = PARTNERSHIP_ACTIONS[input.action];
    const side = ctx.tenant.kind === 'region' ? 'region' : 'partner';
    if (rule.side !== 'either' && rule.side !== side) {
      fail(side === 'region' ? 'partnership_partner_only' : 'partnership_region_only');
    }
    return ctx.db.tx(async (tx) => {
      const current = await tx.one<{ status: Status }>(
        `select status::text as status from public.partnerships
         where id = $1 and ${side === 'region' ? 'tenant_id' : 'partner_tenant_id'} = $2`,
        [input.id, ctx.tenant.id],
      );
      if (!current) return fail('partnership_not_found');
      if (current.status !== rule.from) {
        return fail(rule.from === 'active' ? 'partnership_not_active' : 'partnership_not_proposed');
      }
      if (side === 'partner') {
        const row = await tx.one<{ status: Status }>('select app.respond_to_partnership($1, $2)::text as status', [
          input.id,
          input.action === 'accept',
        ]);
        return { status: row!.status };
      }
      const row = await tx.one<{ status: Status }>(
        `update public.partnerships set status = 'ended' where id = $1 and tenant_id = $2 and status = $3::public.partnership_status
         returning status::text as status`,
        [input.id, ctx.tenant.id, rule.from],
      );
      return row ?? fail(rule.from === 'active' ? 'partnership_not_active' : 'partnership_not_proposed');
    });
  });
