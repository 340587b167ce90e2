import { z } from 'zod';
import { fail } from '../../errors.ts';
import { erasePerson, type PersonKind } from '../../privacy/erase.ts';
import { requirePermission, tenantProcedure } from '../../trpc.ts';
import { isUuid } from './is-uuid.ts';
import { ZPersonRef } from './schemas.ts';

/**
 * `privacy.eraseParticipant` / `privacy.eraseVolunteer`: the person, everywhere, in one
 * transaction as the caller (decision 024). The UI has asked for the name first.
 */
const eraseProcedure = (kind: PersonKind) =>
  tenantProcedure
    .input(ZPersonRef)
    .output(z.object({ erased: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      requirePermission(ctx.tenant, 'people.erase');
      if (!isUuid(input.id)) return fail('row_not_found');
      await ctx.db.tx((tx) => erasePerson(tx, ctx.tenant.id, kind, input.id));
      ctx.log('info', 'person erased', { tenant: ctx.tenant.slug, kind });
      return { erased: true as const };
    });

export const eraseParticipant = eraseProcedure('participant');
export const eraseVolunteer = eraseProcedure('volunteer');
