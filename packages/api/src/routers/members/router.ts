import { router } from '../../trpc.ts';
import { changeRole } from './change-role.ts';
import { inviteMember } from './invite-member.ts';
import { listMembers } from './list-members.ts';
import { removeMember } from './remove-member.ts';
import { revokeInvitation } from './revoke-invitation.ts';

export const membersRouter = router({
  list: listMembers,
  invite: inviteMember,
  changeRole,
  remove: removeMember,
  revokeInvitation,
});
