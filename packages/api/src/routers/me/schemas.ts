import { z } from 'zod';
import { ZMembershipRole, ZSlug, ZTenantKind } from '../../domain.ts';

export const ZWorkspaceSummary = z.object({ slug: ZSlug, name: z.string(), kind: ZTenantKind, role: ZMembershipRole });
export type WorkspaceSummary = z.output<typeof ZWorkspaceSummary>;

/** A workspace by its address and name (those the caller alone owns, for deleting the account). */
export const ZWorkspaceName = ZWorkspaceSummary.pick({ slug: true, name: true });

/** As the memberships table allows: 1 to 200 characters after trimming. */
export const ZRenameInput = z.object({
  name: z.string().trim().min(1, 'errors:name_required').max(200, 'account:profile.nameTooLong'),
});
