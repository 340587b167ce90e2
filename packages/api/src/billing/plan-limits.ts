import type { Tx } from '@brobygger/db';
import type { Context } from '../context.ts';
import { fail } from '../errors.ts';
import type { DerivedRoster } from '../rosters/kit/define.ts';
import type { TenantContext } from '../trpc.ts';
import { entitlementOf, participantLimitOf } from './entitlement.ts';

type SaveInput = { upserts?: { id: string; status?: unknown }[]; deletes?: { id: string }[] };

/** How many active participants the workspace would have after the save. */
async function activeParticipantsAfter(tx: Tx, tenantId: string, input: SaveInput) {
  const upserts = input.upserts ?? [];
  // Rows the save sets a status on are counted from the save; the others as they are stored.
  const restated = upserts.filter((r) => r.status !== undefined).map((r) => r.id);
  const deleted = (input.deletes ?? []).map((r) => r.id);
  const row = await tx.one<{ before: number; untouched: number }>(
    `select count(*)::int as before,
            count(*) filter (where not (id::text = any ($2::text[])))::int as untouched
     from public.participants where tenant_id = $1 and status = 'active'`,
    [tenantId, [...restated, ...deleted]],
  );
  const after = row!.untouched + upserts.filter((r) => r.status === 'active').length;
  return { before: row!.before, after };
}

/**
 * Plan limits, in one place: the roster saves pass through this middleware, and a save that would
 * take the workspace past its plan's limit is refused with a translated message. Only growth is
 * refused: a workspace over its limit (after a downgrade) can still edit and end rows.
 * Billing off (no Stripe keys): no limits.
 */
export function planLimits(roster: DerivedRoster) {
  const limited = roster.definition.name === 'participants';
  return async <R>({
    ctx,
    input,
    next,
  }: {
    ctx: Context & { tenant: TenantContext };
    input: unknown;
    next: () => Promise<R>;
  }): Promise<R> => {
    if (!limited || !ctx.billing) return next();
    await ctx.db.tx(async (tx) => {
      const limit = participantLimitOf(await entitlementOf(tx, ctx.tenant.id));
      if (limit === null) return;
      const { before, after } = await activeParticipantsAfter(tx, ctx.tenant.id, input as SaveInput);
      if (after > limit && after > before) fail('plan_limit_reached');
    });
    return next();
  };
}
