import { z } from 'zod';
import { ZIsoDate, ZTenantKind, ZUuid } from '../../domain.ts';

export const ZPartnership = z.object({
  id: ZUuid,
  status: z.enum(['proposed', 'active', 'ended']),
  startedOn: ZIsoDate.nullable(),
  endedOn: ZIsoDate.nullable(),
  counterpartName: z.string(),
  counterpartKind: ZTenantKind,
});
export type Partnership = z.output<typeof ZPartnership>;
