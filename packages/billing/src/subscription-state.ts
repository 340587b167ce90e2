import type Stripe from 'stripe';
import type { Tx } from '@brobygger/db';
import type { BillingConfig } from './config.ts';
import { isPlanName, PAID_PLANS, type PlanName } from './plans.ts';

/** What the workspace keeps of a Stripe subscription. */
export type SubscriptionState = {
  customerId: string;
  subscriptionId: string;
  plan: PlanName | null;
  status: Stripe.Subscription.Status;
  /** Seconds since the epoch; on the subscription's items since API version 2025-03-31. */
  currentPeriodEnd: number | null;
};

const idOf = (value: string | { id: string } | null | undefined) =>
  value == null ? null : typeof value === 'string' ? value : value.id;

export function subscriptionStateOf(
  subscription: Stripe.Subscription,
  prices: BillingConfig['prices'],
): SubscriptionState {
  const item = subscription.items?.data?.[0];
  const priceId = item?.price?.id;
  const byPrice = PAID_PLANS.find((plan) => prices[plan] === priceId);
  const byMetadata = subscription.metadata?.plan;
  return {
    customerId: idOf(subscription.customer)!,
    subscriptionId: subscription.id,
    plan: byPrice ?? (isPlanName(byMetadata) ? byMetadata : null),
    status: subscription.status,
    currentPeriodEnd: item?.current_period_end ?? null,
  };
}

/** The subscription an invoice belongs to, if any (on `parent` since API version 2025-03-31). */
export const subscriptionIdOfInvoice = (invoice: Stripe.Invoice): string | null =>
  idOf(invoice.parent?.subscription_details?.subscription);

export const customerIdOf = idOf;

type Stored = { tenant_id: string; stripe_subscription_id: string | null; state_at: number | null };

/** The workspace of a Stripe customer, its row locked until the transaction ends. */
export const lockBillingOfCustomer = (tx: Tx, customerId: string) =>
  tx.one<Stored>(
    `select tenant_id, stripe_subscription_id, extract(epoch from subscription_state_at)::float8 as state_at
     from public.workspace_billing where stripe_customer_id = $1 for update`,
    [customerId],
  );

/**
 * Stores a subscription's state as of `stamp` (seconds). The grace period counts from the first
 * moment it was seen past due; any other status clears it.
 */
export async function storeSubscriptionState(tx: Tx, tenantId: string, state: SubscriptionState, stamp: number) {
  await tx.query(
    `update public.workspace_billing set
       stripe_subscription_id = $2, plan = $3, status = $4, current_period_end = to_timestamp($5),
       past_due_since = case when $4 = 'past_due'
                             then coalesce(case when status = 'past_due' then past_due_since end, to_timestamp($6))
                        end,
       subscription_state_at = to_timestamp($6), updated_at = now()
     where tenant_id = $1`,
    [tenantId, state.subscriptionId, state.plan, state.status, state.currentPeriodEnd, stamp],
  );
}
