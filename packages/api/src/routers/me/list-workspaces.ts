import { z } from 'zod';
import { protectedProcedure } from '../../trpc.ts';
import { ZWorkspaceSummary, type WorkspaceSummary } from './schemas.ts';

/** The workspaces the caller belongs to, for the switcher and the landing redirect. */
export const listWorkspaces = protectedProcedure.output(z.array(ZWorkspaceSummary)).query(({ ctx }) =>
  ctx.db.tx((tx) =>
    tx.query<WorkspaceSummary>(
      `select t.slug, t.name, t.kind::text as kind, m.role::text as role
       from public.tenants t join public.memberships m on m.tenant_id = t.id and m.user_id = (select auth.uid())
       order by t.name`,
    ),
  ),
);
