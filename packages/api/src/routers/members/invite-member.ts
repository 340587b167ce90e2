import { createHash, randomBytes } from 'node:crypto';
import { translate } from '@brobygger/i18n';
import { fail } from '../../errors.ts';
import { requirePermission, tenantProcedure } from '../../trpc.ts';
import { ZInvitationSent, ZInviteMemberInput } from './schemas.ts';

export const INVITATION_DAYS = 7;

/**
 * Invites an e-mail address with a role and mails the single-use link. Inviting an address that
 * already has a pending invitation replaces it, so only the newest link works.
 */
export const inviteMember = tenantProcedure
  .input(ZInviteMemberInput)
  .output(ZInvitationSent)
  .mutation(async ({ ctx, input }) => {
    requirePermission(ctx.tenant, 'members.manage');
    if (input.role === 'owner') requirePermission(ctx.tenant, 'members.manageOwners');

    const token = randomBytes(32).toString('base64url');
    const tokenHash = createHash('sha256').update(token).digest();

    const invitation = await ctx.db.tx(async (tx) => {
      const member = await tx.one('select 1 from public.memberships where tenant_id = $1 and email = $2', [
        ctx.tenant.id,
        input.email,
      ]);
      if (member) fail('already_member');
      await tx.query(
        `update public.invitations set revoked_at = now()
       where tenant_id = $1 and email = $2 and accepted_at is null and revoked_at is null`,
        [ctx.tenant.id, input.email],
      );
      return tx.one<{ id: string; expiresAt: Date }>(
        `insert into public.invitations (tenant_id, email, role, token_hash, expires_at)
       values ($1, $2, $3, $4, now() + make_interval(days => $5)) returning id, expires_at as "expiresAt"`,
        [ctx.tenant.id, input.email, input.role, tokenHash, INVITATION_DAYS],
      );
    });

    const link = new URL(`/invite/${token}`, ctx.appUrl).toString();
    const t = translate(ctx.locale);
    await ctx.mailer.send({
      to: input.email,
      subject: t('mail:invitation.subject', { workspace: ctx.tenant.name }),
      text: t('mail:invitation.body', {
        workspace: ctx.tenant.name,
        inviter: ctx.session.email,
        role: t(`common:roles.${input.role}`),
        link,
        days: INVITATION_DAYS,
      }),
    });
    return invitation!;
  });
