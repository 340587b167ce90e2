import { z } from 'zod';
import { tenantProcedure } from '../../trpc.ts';
import { ZPartnershipEvent, type PartnershipEvent } from './schemas.ts';

/** The history of every partnership the workspace is a side of, oldest first. */
export const partnershipHistory = tenantProcedure.output(z.array(ZPartnershipEvent)).query(({ ctx }) =>
  ctx.db.tx((tx) =>
    tx.query<PartnershipEvent>(
      `select e.partnership_id as "partnershipId", e.event::text as event, e.side::text as side,
              e.actor_name as "actorName", to_json(e.occurred_at) #>> '{}' as "occurredAt"
       from public.partnership_events e
       where e.partnership_id in (select p.id from app.partnerships_of($1) p)
       order by e.occurred_at, e.id`,
      [ctx.tenant.id],
    ),
  ),
);
