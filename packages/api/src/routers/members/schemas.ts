import { z } from 'zod';
import { ZEmail, ZMembershipRole, ZUuid, ZVersion } from '../../domain.ts';

export const ZInviteMemberInput = z.object({ email: ZEmail, role: ZMembershipRole });
export const ZChangeRoleInput = z.object({ membershipId: ZUuid, role: ZMembershipRole, version: ZVersion });
export const ZRemoveMemberInput = z.object({ membershipId: ZUuid });
export const ZRevokeInvitationInput = z.object({ invitationId: ZUuid });

export type Member = {
  id: string;
  user_id: string;
  display_name: string;
  email: string;
  role: string;
  version: number;
  created_at: string;
};

export type PendingInvitation = { id: string; email: string; role: string; expires_at: string; created_at: string };
