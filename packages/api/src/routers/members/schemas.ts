import { z } from 'zod';
import { ZEmail, ZMembershipRole, ZTimestamp, ZUuid, ZVersion } from '../../domain.ts';

export const ZInviteMemberInput = z.object({ email: ZEmail, role: ZMembershipRole });
export const ZChangeRoleInput = z.object({ membershipId: ZUuid, role: ZMembershipRole, version: ZVersion });
export const ZRemoveMemberInput = z.object({ membershipId: ZUuid });
export const ZRevokeInvitationInput = z.object({ invitationId: ZUuid });

export const ZMember = z.object({
  id: ZUuid,
  userId: ZUuid,
  displayName: z.string(),
  email: z.string(),
  role: ZMembershipRole,
  version: ZVersion,
  createdAt: ZTimestamp,
});
export type Member = z.output<typeof ZMember>;

export const ZPendingInvitation = z.object({
  id: ZUuid,
  email: z.string(),
  role: ZMembershipRole,
  expiresAt: ZTimestamp,
  createdAt: ZTimestamp,
});
export type PendingInvitation = z.output<typeof ZPendingInvitation>;

export const ZMemberList = z.object({ members: z.array(ZMember), invitations: z.array(ZPendingInvitation) });
export const ZInvitationSent = z.object({ id: ZUuid, expiresAt: ZTimestamp });
export const ZRoleChanged = z.object({ id: ZUuid, role: ZMembershipRole, version: ZVersion });
export const ZRemoved = z.object({ id: ZUuid });
