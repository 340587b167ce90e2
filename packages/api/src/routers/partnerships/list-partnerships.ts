import { z } from 'zod';
import { tenantProcedure } from '../../trpc.ts';
import { ZPartnership, type Partnership } from './schemas.ts';

/** For a region: its partners. For a partner: the regions that fund it. Names and status only. */
export const listPartnerships = tenantProcedure.output(z.array(ZPartnership)).query(({ ctx }) =>
  ctx.db.tx((tx) =>
    tx.query<Partnership>(
      `select id, status::text as status, started_on as "startedOn", ended_on as "endedOn",
              counterpart_name as "counterpartName", counterpart_kind::text as "counterpartKind"
       from app.partnerships_of($1)`,
      [ctx.tenant.id],
    ),
  ),
);
