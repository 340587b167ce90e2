import { z } from 'zod';
import { ZMembershipRole, ZSlug } from '../../domain.ts';

/** A malformed token is simply an invitation that does not exist. */
export const ZToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'errors:invitation_not_found');

export const ZPreviewInvitationInput = z.object({ token: ZToken });
export const ZAcceptInvitationInput = z.object({ token: ZToken, displayName: z.string().trim().max(200).optional() });

export const ZInvitationPreview = z.object({
  tenantName: z.string(),
  tenantSlug: ZSlug,
  email: z.string(),
  role: ZMembershipRole,
  state: z.enum(['valid', 'used', 'revoked', 'expired']),
});
export type InvitationPreview = z.output<typeof ZInvitationPreview>;

export const ZInvitationAccepted = z.object({ slug: ZSlug });
