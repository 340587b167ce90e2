import { z } from 'zod';
import { ZRowId, ZRowVersion } from '../rosters/fields.ts';
import type { rosterRepository } from '../rosters/repository.ts';
import { zSaveInput } from '../rosters/save.ts';
import { requirePermission, tenantProcedure } from '../trpc.ts';

/** Rows are checked against the shared schema inside the procedure, so errors carry row ids. */
const ZLooseRow = z.object({ id: ZRowId, version: ZRowVersion }).loose();

/** One grid save for a roster: all rows or none, every existing row version-checked. */
export const rosterSaveProcedure = <Row extends { id: string; version: number | null }>(
  repo: Pick<ReturnType<typeof rosterRepository<Row>>, 'saveAll'>,
) =>
  tenantProcedure.input(zSaveInput(ZLooseRow)).mutation(({ ctx, input }) => {
    requirePermission(ctx.tenant, 'roster.edit');
    return repo.saveAll(ctx.db.tx, ctx.tenant.id, input);
  });
