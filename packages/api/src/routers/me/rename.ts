import { z } from 'zod';
import { protectedProcedure } from '../../trpc.ts';
import { ZRenameInput } from './schemas.ts';

/**
 * The caller's new name, in every workspace they belong to (the account page saves it on the
 * account as well). Returns how many memberships changed.
 */
export const rename = protectedProcedure
  .input(ZRenameInput)
  .output(z.object({ changed: z.number().int() }))
  .mutation(({ ctx, input }) =>
    ctx.db.tx(async (tx) => {
      const row = await tx.one<{ changed: number }>('select app.set_my_display_name($1) as changed', [input.name]);
      return { changed: row?.changed ?? 0 };
    }),
  );
