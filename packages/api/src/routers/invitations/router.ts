import { z } from 'zod';
import { fail } from '../../errors.ts';
import { protectedProcedure, publicProcedure, router } from '../../trpc.ts';

const ZToken = z.string().regex(/^[A-Za-z0-9_-]{20,100}$/, 'errors:invitation_not_found');

export type InvitationPreview = {
  tenant_name: string;
  tenant_slug: string;
  email: string;
  role: string;
  state: 'valid' | 'used' | 'revoked' | 'expired';
};

export const invitationsRouter = router({
  /** What the link is for; anyone holding the link may ask, signed in or not. */
  preview: publicProcedure.input(z.object({ token: ZToken })).query(async ({ ctx, input }) => {
    const preview = await ctx.db.tx((tx) =>
      tx.one<InvitationPreview>('select * from app.invitation_preview($1)', [input.token]),
    );
    return preview ?? fail('NOT_FOUND', 'invitation_not_found');
  }),

  /** Joins the signed-in user to the workspace; the database checks e-mail, expiry and reuse. */
  accept: protectedProcedure
    .input(z.object({ token: ZToken, displayName: z.string().trim().max(200).optional() }))
    .mutation(async ({ ctx, input }) => {
      const row = await ctx.db.tx((tx) =>
        tx.one<{ slug: string }>('select app.accept_invitation($1, $2) as slug', [
          input.token,
          input.displayName ?? '',
        ]),
      );
      return { slug: row!.slug };
    }),
});
