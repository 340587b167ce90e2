import type { Tx } from '@brobygger/db';
import type { MembershipRole } from '../roles.ts';
import { router, tenantProcedure } from '../trpc.ts';
import { periodBounds, type PeriodBounds } from './overview-period.ts';
import type { OverviewQuery } from './overview-section.ts';
import { OVERVIEW_QUERIES } from './overview-sections.ts';
import { seesNames } from './overview-volunteers.ts';
import { ZOverview, ZOverviewInput, type Overview } from './overview.types.ts';

/** The queries a role is shown, as one statement: one round trip for the whole overview. */
export function overviewStatement(role: MembershipRole, queries: readonly OverviewQuery[] = OVERVIEW_QUERIES) {
  const names = seesNames(role);
  const shown = queries.filter((q) => q.shownTo(role));
  return `select json_build_object(${shown.map((q) => `'${q.key}', ${q.sql({ names })}`).join(',\n')}) as figures`;
}

/** Reads the overview as the caller: `tx` is the caller's RLS transaction. */
export async function readOverview(
  tx: Tx,
  tenantId: string,
  role: MembershipRole,
  period: PeriodBounds,
): Promise<Overview> {
  const row = await tx.one<{ figures: Record<string, unknown> }>(overviewStatement(role), [
    tenantId,
    period.from,
    period.to,
    period.today,
  ]);
  const overview: Record<string, unknown> = { todos: {} };
  for (const [key, value] of Object.entries(row?.figures ?? {})) {
    if (key.startsWith('todos.')) (overview.todos as Record<string, unknown>)[key.slice('todos.'.length)] = value;
    else overview[key] = value;
  }
  return ZOverview.parse({
    ...overview,
    period: { name: period.name, from: period.from, to: period.to, months: period.months },
  });
}

export const overviewRouter = router({
  /** The overview's figures for a period; what each role is shown is decision 021. */
  get: tenantProcedure
    .input(ZOverviewInput)
    .output(ZOverview)
    .query(({ ctx, input }) =>
      ctx.db.tx((tx) => readOverview(tx, ctx.tenant.id, ctx.tenant.role, periodBounds(input.period))),
    ),
});
