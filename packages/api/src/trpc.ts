import { initTRPC, TRPCError } from '@trpc/server';
import { z, ZodError } from 'zod';
import { sql, type OpenedTransaction } from '@brobygger/db';
import type { Context } from './context.ts';
import { ZSlug, type MembershipRole, type TenantKind } from './domain.ts';
import { fail, toTRPCError } from './errors.ts';
import { grantOf, type Action, type Grant } from './permissions.ts';

/**
 * `worksWhenReadOnly`: a mutation that a read-only workspace still accepts (reopening it, saving
 * one's own grid layout, removing a member). Every other mutation on a read-only workspace is
 * refused by `tenantProcedure` (decision 028).
 */
export type ProcedureMeta = { worksWhenReadOnly?: boolean };

const t = initTRPC
  .context<Context>()
  .meta<ProcedureMeta>()
  .create({
    /**
     * Every message that leaves the API is an i18n key. Our own errors already are; anything else
     * (a parse error, a bug) is replaced, so internals never reach the client.
     */
    errorFormatter({ shape, error }) {
      const zod = error.cause instanceof ZodError ? error.cause : undefined;
      const message = shape.message.startsWith('errors:')
        ? shape.message
        : shape.data.httpStatus < 500
          ? 'errors:invalid_input'
          : 'errors:unexpected';
      return {
        ...shape,
        message,
        data: {
          code: shape.data.code,
          httpStatus: shape.data.httpStatus,
          // Only for input: a failed output check is our bug, and its details stay on the server.
          fieldErrors: zod && shape.data.httpStatus < 500 ? z.flattenError(zod).fieldErrors : undefined,
        },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

const translateErrors = t.middleware(async ({ next, ctx, path }) => {
  const result = await next();
  if (result.ok || result.error.code !== 'INTERNAL_SERVER_ERROR') return result;
  // Anything a procedure threw that was not already a TRPCError arrives here wrapped as INTERNAL.
  const translated = toTRPCError(result.error.cause);
  if (translated instanceof TRPCError) return { ...result, error: translated };
  ctx.log('error', 'procedure failed', { path, error: String(result.error.cause ?? result.error) });
  return result;
});

export const publicProcedure = t.procedure.use(translateErrors);

export const protectedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.session) fail('not_signed_in');
  return next({ ctx: { ...ctx, session: ctx.session! } });
});

export type TenantContext = {
  id: string;
  slug: string;
  name: string;
  kind: TenantKind;
  role: MembershipRole;
  /** Whether the workspace keeps rosters of its own (a region usually does not). */
  runsActivities: boolean;
};

/**
 * Where the workspace is in its life: `readOnly` when closed or suspended (and later when billing
 * locks it), from the database's own `app.tenant_read_only`, so the API and the policies agree.
 */
export type TenantLifecycle = {
  readOnly: boolean;
  closedAt: Date | null;
  deleteAfter: Date | null;
  suspendedAt: Date | null;
  /** The operator's reason, shown to the members of a suspended workspace. */
  suspendedReason: string | null;
};

/**
 * A procedure about one workspace, named by slug. The workspace is looked up under the caller's
 * claims, so a slug the caller is not a member of is simply not found, exactly like one that does
 * not exist.
 */
export const tenantProcedure = protectedProcedure
  .input(z.object({ tenant: ZSlug }))
  .use(async ({ ctx, input, next, type, meta }) => {
    // Begun with the session check in one round trip; the procedure's work continues it.
    // Read by a function, whose plan Postgres keeps per connection (decision 036).
    const opened = await ctx.db.open<TenantContext & TenantLifecycle>(
      sql`select * from app.caller_workspace(${input.tenant})`,
    );
    try {
      const [row] = opened.rows;
      if (!row) return fail('workspace_not_found');
      const { readOnly, closedAt, deleteAfter, suspendedAt, suspendedReason, ...tenant } = row;
      requirePermission(tenant, 'workspace.read');
      // The one API check of read-only (billing's lock joins here, through app.tenant_read_only):
      // the policies refuse the same writes underneath, this answers first and clearly.
      if (readOnly && type === 'mutation' && !meta?.worksWhenReadOnly) return fail('workspace_read_only');
      const lifecycle: TenantLifecycle = { readOnly, closedAt, deleteAfter, suspendedAt, suspendedReason };
      return await next({ ctx: { ...ctx, db: continuingFirst(ctx.db, opened), tenant, lifecycle } });
    } finally {
      await opened.end();
    }
  });

/**
 * The request's database as the procedure sees it: its first transaction continues the one the
 * workspace lookup opened (one round trip and one connection checkout fewer per request, decision
 * 035); any later one is its own. A procedure that waits on something else first (a call to
 * Stripe) does not keep a connection idle in a transaction meanwhile: what is not claimed by the
 * time the event loop turns is rolled back, and its first transaction opens anew.
 */
function continuingFirst(db: Context['db'], opened: OpenedTransaction<object>): Context['db'] {
  let first: OpenedTransaction<object> | null = opened;
  const unclaimed = setImmediate(() => {
    first = null;
    void opened.end();
  });
  return {
    ...db,
    tx: (fn) => {
      if (!first) return db.tx(fn);
      first = null;
      clearImmediate(unclaimed);
      return opened.continueWith(fn);
    },
  };
}

/**
 * Fails FORBIDDEN unless the caller's role may do `action` in this workspace: on every row, or, with
 * `allowOwn`, at least on rows linked to the caller. Returns the grant, so a procedure that allows
 * 'own' knows to narrow. Row-level security enforces the same table underneath (app.tenants_where);
 * this check only answers early and clearly.
 */
export function requirePermission(
  tenant: TenantContext,
  action: Action,
  { allowOwn = false }: { allowOwn?: boolean } = {},
): Exclude<Grant, false> {
  const grant = grantOf(tenant.role, action);
  if (grant === 'all' || (grant === 'own' && allowOwn)) return grant;
  return fail('forbidden');
}
