import { tenantProcedure } from '../../trpc.ts';
import type { Member, PendingInvitation } from './schemas.ts';

/** Everyone in the workspace; pending invitations too, which RLS shows to owners and admins only. */
export const listMembers = tenantProcedure.query(({ ctx }) =>
  ctx.db.tx(async (tx) => ({
    members: await tx.query<Member>(
      `select id, user_id, display_name, email, role::text, version, created_at
       from public.memberships where tenant_id = $1 order by display_name`,
      [ctx.tenant.id],
    ),
    invitations: await tx.query<PendingInvitation>(
      `select id, email, role::text, expires_at, created_at from public.invitations
       where tenant_id = $1 and accepted_at is null and revoked_at is null and expires_at > now()
       order by created_at desc`,
      [ctx.tenant.id],
    ),
  })),
);
