import { router, tenantProcedure } from '../../trpc.ts';

export const workspacesRouter = router({
  /** The workspace and the caller's role in it; not found unless the caller is a member. */
  get: tenantProcedure.query(({ ctx }) => ctx.tenant),
});
