import { z } from 'zod';
import { ZMembershipRole, ZSlug, ZTenantKind, ZUuid } from '../../domain.ts';
import { ACTION_NAMES } from '../../permissions.ts';

export const ZGrant = z.union([z.enum(['all', 'own']), z.literal(false)]);

export const ZWorkspace = z.object({
  id: ZUuid,
  slug: ZSlug,
  name: z.string(),
  kind: ZTenantKind,
  role: ZMembershipRole,
  runsActivities: z.boolean(),
  /** What the caller may do here, so the UI never works it out from the role itself. */
  permissions: z.record(z.enum(ACTION_NAMES), ZGrant),
});

export type Workspace = z.output<typeof ZWorkspace>;
