import { protectedProcedure } from '../../trpc.ts';
import { ZAcceptInvitationInput, ZInvitationAccepted } from './schemas.ts';

/** Joins the signed-in user to the workspace; the database checks e-mail, expiry and reuse. */
export const acceptInvitation = protectedProcedure
  .input(ZAcceptInvitationInput)
  .output(ZInvitationAccepted)
  .mutation(async ({ ctx, input }) => {
    const row = await ctx.db.tx((tx) =>
      tx.one<{ slug: string }>('select app.accept_invitation($1, $2) as slug', [input.token, input.displayName ?? '']),
    );
    return { slug: row!.slug };
  });
