import { fail } from '../../errors.ts';
import { publicProcedure } from '../../trpc.ts';
import { ZInvitationPreview, ZPreviewInvitationInput, type InvitationPreview } from './schemas.ts';

/** What the link is for; anyone holding the link may ask, signed in or not. */
export const previewInvitation = publicProcedure
  .input(ZPreviewInvitationInput)
  .output(ZInvitationPreview)
  .query(async ({ ctx, input }) => {
    const preview = await ctx.db.tx((tx) =>
      tx.one<InvitationPreview>(
        `select tenant_name as "tenantName", tenant_slug as "tenantSlug", email, role::text as role, state
         from app.invitation_preview($1)`,
        [input.token],
      ),
    );
    return preview ?? fail('invitation_not_found');
  });
