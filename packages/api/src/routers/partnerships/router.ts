import { router, tenantProcedure } from '../../trpc.ts';

export type PartnershipRow = {
  id: string;
  status: 'proposed' | 'active' | 'ended';
  started_on: string | null;
  ended_on: string | null;
  counterpart_name: string;
  counterpart_kind: string;
};

export const partnershipsRouter = router({
  /** For a region: its partners. For a partner: the regions that fund it. */
  list: tenantProcedure.query(({ ctx }) =>
    ctx.db.tx((tx) => tx.query<PartnershipRow>('select * from app.partnerships_of($1)', [ctx.tenant.id])),
  ),
});
