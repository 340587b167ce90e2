import { activeParticipantLimit, effectivePlan, type PlanName } from '@brobygger/billing/plans';
import type { Tx } from '@brobygger/db';

/** What the subscription allows a workspace now (docs/decisions/029). */
export type Entitlement = {
  plan: PlanName;
  status: string | null;
  /** A region pays for the plan: no limits, never locked by the workspace's own billing. */
  covered: boolean;
  /** Past due: when the grace period ends and writes lock. */
  graceEndsAt: string | null;
  locksWrites: boolean;
};

/** Every member may ask (the limits apply to coordinators' saves); read through app.billing_entitlement. */
export async function entitlementOf(tx: Tx, tenantId: string): Promise<Entitlement> {
  const row = await tx.one<{
    plan: string | null;
    status: string | null;
    covered: boolean;
    grace_ends_at: Date | null;
    locks_writes: boolean;
  }>('select plan, status, covered, grace_ends_at, locks_writes from app.billing_entitlement($1)', [tenantId]);
  return {
    plan: effectivePlan(row?.plan ?? null, row?.status ?? null),
    status: row?.status ?? null,
    covered: row?.covered ?? false,
    graceEndsAt: row?.grace_ends_at?.toISOString() ?? null,
    locksWrites: row?.locks_writes ?? false,
  };
}

/**
 * The entitlement check for the read-only mechanism: true when billing locks the workspace's
 * writes (cancelled, or past due beyond the grace period, and no region covering it). Billing off:
 * never. The same rule as app.billing_locks_writes, which policies can call.
 */
export async function billingLocksWrites(tx: Tx, tenantId: string, billingOn: boolean): Promise<boolean> {
  if (!billingOn) return false;
  return (await entitlementOf(tx, tenantId)).locksWrites;
}

/** The active-participant limit that applies, or null for none. */
export const participantLimitOf = (entitlement: Entitlement): number | null =>
  entitlement.covered ? null : activeParticipantLimit(entitlement.plan);
