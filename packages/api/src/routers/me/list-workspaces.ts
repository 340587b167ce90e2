import { protectedProcedure } from '../../trpc.ts';

export type WorkspaceSummary = { slug: string; name: string; kind: string; role: string };

/** The workspaces the caller belongs to, for the switcher and the landing redirect. */
export const listWorkspaces = protectedProcedure.query(({ ctx }) =>
  ctx.db.tx((tx) =>
    tx.query<WorkspaceSummary>(
      `select t.slug, t.name, t.kind::text, m.role::text
       from public.tenants t join public.memberships m on m.tenant_id = t.id and m.user_id = (select auth.uid())
       order by t.name`,
    ),
  ),
);
