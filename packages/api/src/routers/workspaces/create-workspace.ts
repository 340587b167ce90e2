import type { Tx } from '@brobygger/db';
import { z } from 'zod';
import { fail } from '../../errors.ts';
import { protectedProcedure, publicProcedure } from '../../trpc.ts';
import { ZCreateWorkspaceInput, ZSlugStatus, type SlugStatus } from './schemas.ts';

const ZCreated = z.object({ slug: z.string() });

/** Read in a statement of its own: the creating statement's snapshot does not see the new row. */
async function slugOf(tx: Tx, id: string) {
  const row = await tx.one<{ slug: string }>('select slug from public.tenants where id = $1', [id]);
  return row ?? fail('unexpected');
}

/**
 * A new workspace whose owner is the caller. `app.create_workspace` inserts the workspace and the
 * owner's membership together and checks everything again (slug, CVR, EAN, the daily limit), so
 * this path and the sign-up's confirmation cannot differ.
 */
export const createWorkspace = protectedProcedure
  .input(ZCreateWorkspaceInput)
  .output(ZCreated)
  .mutation(({ ctx, input }) =>
    ctx.db.tx(async (tx) => {
      const created = await tx.one<{ id: string }>('select app.create_workspace($1, $2, $3, $4, $5, $6) as id', [
        input.name,
        input.kind,
        input.slug,
        input.cvr,
        input.ean,
        input.locale,
      ]);
      return slugOf(tx, created!.id);
    }),
  );

/**
 * The workspace asked for at sign-up, kept on the account until its address was confirmed:
 * created now (null when there is none, e.g. the link was followed twice).
 */
export const createRequestedWorkspace = protectedProcedure.output(ZCreated.nullable()).mutation(({ ctx }) =>
  ctx.db.tx(async (tx) => {
    const created = await tx.one<{ id: string | null }>('select app.create_requested_workspace() as id');
    return created?.id ? slugOf(tx, created.id) : null;
  }),
);

/** While typing an address: whether it can be had. Anonymous too (the sign-up form). */
export const slugStatus = publicProcedure
  .input(z.object({ slug: z.string().max(100) }))
  .output(ZSlugStatus)
  .query(({ ctx, input }) =>
    ctx.db.tx(async (tx) => {
      const row = await tx.one<{ status: SlugStatus }>('select app.slug_status($1) as status', [
        input.slug.trim().toLowerCase(),
      ]);
      return row!.status;
    }),
  );
