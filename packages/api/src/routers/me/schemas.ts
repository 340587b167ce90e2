import { z } from 'zod';
import { ZMembershipRole, ZSlug, ZTenantKind } from '../../domain.ts';

export const ZWorkspaceSummary = z.object({ slug: ZSlug, name: z.string(), kind: ZTenantKind, role: ZMembershipRole });
export type WorkspaceSummary = z.output<typeof ZWorkspaceSummary>;
