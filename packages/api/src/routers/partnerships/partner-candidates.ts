import { z } from 'zod';
import { fail } from '../../errors.ts';
import { requirePermission, tenantProcedure } from '../../trpc.ts';
import { ZPartnerCandidate, type PartnerCandidate } from './schemas.ts';

/** Municipalities and associations a region may invite, by part of their name or their slug. */
export const partnerCandidates = tenantProcedure
  .input(z.object({ words: z.string().trim().min(2).max(100) }))
  .output(z.array(ZPartnerCandidate))
  .query(({ ctx, input }) => {
    requirePermission(ctx.tenant, 'partnerships.manage');
    if (ctx.tenant.kind !== 'region') fail('partnership_region_only');
    return ctx.db.tx((tx) =>
      tx.query<PartnerCandidate>('select id, name, kind::text as kind from app.partner_candidates($1, $2)', [
        ctx.tenant.id,
        input.words,
      ]),
    );
  });
