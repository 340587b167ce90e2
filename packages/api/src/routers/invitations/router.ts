import { router } from '../../trpc.ts';
import { acceptInvitation } from './accept-invitation.ts';
import { previewInvitation } from './preview-invitation.ts';

export const invitationsRouter = router({ preview: previewInvitation, accept: acceptInvitation });
