import { translate } from '@brobygger/i18n';
import { z } from 'zod';
import { protectedProcedure } from '../../trpc.ts';
import { ZWorkspaceName } from './schemas.ts';

/**
 * Deleting one's own account (docs/decisions/040). The account page asks `soleOwnerships` first:
 * a workspace's only owner is told which workspaces to hand over before anything is offered.
 * The database refuses such a deletion all the same (`last_owner_account`), so an ownership that
 * changes in between cannot slip through.
 */

/** The caller's workspaces they alone own, by name. */
export const soleOwnerships = protectedProcedure
  .output(z.array(ZWorkspaceName))
  .query(({ ctx }) =>
    ctx.db.tx((tx) => tx.query<z.output<typeof ZWorkspaceName>>('select slug, name from app.my_sole_ownerships()')),
  );

/**
 * Deletes the caller's account, with its sessions and memberships. The caller has proved who they
 * are just before (the account page asks the auth provider to check the password), and signs out
 * after. A mail to the address says it was done: should it not have been its owner, they learn of
 * it and whom to tell.
 */
export const deleteAccount = protectedProcedure
  .output(z.object({ deleted: z.literal(true) }))
  .mutation(async ({ ctx }) => {
    await ctx.db.tx((tx) => tx.query('select app.delete_own_account()'));
    const t = translate(ctx.locale);
    // The account is gone whatever happens to the mail: a queue that refuses it is logged, not an error.
    await ctx.mailer
      .send({
        to: ctx.session.email,
        subject: t('mail:accountDeleted.subject'),
        text: t('mail:accountDeleted.body', { email: ctx.session.email }),
      })
      .catch((error: unknown) => ctx.log('error', 'account deletion mail could not be queued', { err: error }));
    return { deleted: true as const };
  });
