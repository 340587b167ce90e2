import type pg from 'pg';
import type { Workspace } from '../fixtures.ts';

/**
 * Setup for the expenses and meetings pages, written straight into the e2e database on the
 * privileged path: the km rate history and expenses. Volunteers and memberships come from
 * support/courses.ts.
 */

/** 3.51 DKK/km from 2025, 3.81 from 2026, as the demo workspaces have them. */
export async function seedKmRates(db: pg.Client, workspace: Workspace) {
  await db.query(
    "insert into public.km_rates (tenant_id, valid_from, rate) values ($1, '2025-01-01', 3.51), ($1, '2026-01-01', 3.81)",
    [workspace.id],
  );
}

export async function seedExpense(
  db: pg.Client,
  workspace: Workspace,
  e: { volunteerId: string; spentOn: string; km?: number; amount?: number; purpose: string; status?: string },
): Promise<string> {
  const { rows } = await db.query<{ id: string }>(
    `insert into public.expenses (tenant_id, volunteer_id, spent_on, kind, km, amount, purpose, status)
     values ($1, $2, $3, $4, $5, $6, $7, $8) returning id`,
    [
      workspace.id,
      e.volunteerId,
      e.spentOn,
      e.km === undefined ? 'other' : 'transport',
      e.km ?? null,
      e.amount ?? null,
      e.purpose,
      e.status ?? 'submitted',
    ],
  );
  return rows[0]!.id;
}
