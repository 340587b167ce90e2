import { logAccess } from '../../access-log.ts';
import { fail } from '../../errors.ts';
import { exportPerson } from '../../privacy/export.ts';
import type { PersonKind } from '../../privacy/erase.ts';
import { requirePermission, tenantProcedure } from '../../trpc.ts';
import { isUuid } from './is-uuid.ts';
import { ZPersonExport, ZPersonRef } from './schemas.ts';

/** `privacy.exportParticipant` / `privacy.exportVolunteer`: the file, for those who may export. */
const exportProcedure = (kind: PersonKind) =>
  tenantProcedure
    .input(ZPersonRef)
    .output(ZPersonExport)
    .query(({ ctx, input, path }) => {
      requirePermission(ctx.tenant, 'people.export');
      return ctx.db.tx(async (tx) => {
        const file = isUuid(input.id) ? await exportPerson(tx, ctx.tenant.id, kind, input.id) : undefined;
        if (!file) return fail('row_not_found');
        // Handing a participant's record over is reading it: logged like any other read.
        if (kind === 'participant') await logAccess(tx, ctx.tenant.id, path, [input.id]);
        return file;
      });
    });

export const exportParticipant = exportProcedure('participant');
export const exportVolunteer = exportProcedure('volunteer');
