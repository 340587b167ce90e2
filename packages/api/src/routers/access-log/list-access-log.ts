import type { z } from 'zod';
import { requirePermission, tenantProcedure } from '../../trpc.ts';
import { ACCESS_LOG_PAGE_SIZE, ZAccessLog, type ZAccessLogEntry } from './schemas.ts';

/**
 * The workspace's newest access-log entries, for owners: who read how many participants' records,
 * when, and through which procedure. RLS shows the log to owners only; the check here answers
 * others with "forbidden" instead of an empty log.
 */
export const listAccessLog = tenantProcedure.output(ZAccessLog).query(({ ctx }) => {
  requirePermission(ctx.tenant, 'participants.readAccessLog');
  return ctx.db.tx(async (tx) => ({
    entries: await tx.query<z.input<typeof ZAccessLogEntry>>(
      `select l.id, l.read_at as "readAt", l.user_id as "userId", m.display_name as "displayName", m.email,
              l.procedure, cardinality(l.row_ids) as "rowCount"
       from public.access_log l
       left join public.memberships m on m.tenant_id = l.tenant_id and m.user_id = l.user_id
       where l.tenant_id = $1
       order by l.read_at desc, l.id
       limit $2`,
      [ctx.tenant.id, ACCESS_LOG_PAGE_SIZE],
    ),
    pageSize: ACCESS_LOG_PAGE_SIZE,
  }));
});
