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

export const ZPartnershipEvent = z.object({
  partnershipId: ZUuid,
  event: z.enum(['proposed', 'withdrawn', 'accepted', 'declined', 'ended']),
  side: z.enum(['region', 'partner']).nullable(),
  actorName: z.string().nullable(),
  occurredAt: z.string(),
});
export type PartnershipEvent = z.output<typeof ZPartnershipEvent>;

/** A workspace a region may invite: its name and kind (and the id to invite it by), nothing else. */
export const ZPartnerCandidate = z.object({ id: ZUuid, name: z.string(), kind: ZTenantKind });
export type PartnerCandidate = z.output<typeof ZPartnerCandidate>;

/**
 * What one side may do to a partnership, and from which status: the region withdraws a proposal
 * and ends an active partnership; the partner accepts or declines a proposal and ends an active one.
 */
export const PARTNERSHIP_ACTIONS = {
  withdraw: { side: 'region', from: 'proposed' },
  accept: { side: 'partner', from: 'proposed' },
  decline: { side: 'partner', from: 'proposed' },
  end: { side: 'either', from: 'active' },
} as const;
export const ZPartnershipAction = z.enum(['withdraw', 'accept', 'decline', 'end']);
export type PartnershipAction = z.output<typeof ZPartnershipAction>;
