import type Stripe from 'stripe';
import { withPrivilegedTx, type Tx } from '@brobygger/db';
import type { BillingConfig } from './config.ts';
import type { EInvoiceSender } from './e-invoice.ts';
import {
  customerIdOf,
  lockBillingOfCustomer,
  storeSubscriptionState,
  subscriptionIdOfInvoice,
  subscriptionStateOf,
} from './subscription-state.ts';

export type WebhookOutcome =
  { status: 400; result: 'bad_signature' } | { status: 200; result: 'applied' | 'duplicate' | 'ignored' };

type Deps = {
  stripe: Stripe;
  config: BillingConfig;
  eInvoice: EInvoiceSender;
  log: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
};

const SUBSCRIPTION_EVENTS = new Set([
  'customer.subscription.created',
  'customer.subscription.updated',
  'customer.subscription.deleted',
]);

/**
 * `/webhooks/stripe`: the signature is checked on the raw body with the SDK's default tolerance
 * (300 s), the event id is recorded once, and the change is applied in the same transaction as
 * that record, on the privileged path (docs/decisions/029). A duplicate finds its id and does
 * nothing; an error rolls both back, so Stripe's retry applies the event again.
 */
export function createWebhookHandler({ stripe, config, eInvoice, log }: Deps) {
  /**
   * A subscription's state as Stripe holds it now applies unless a newer event was already stored.
   * `stamp` is the event's `created`: what was fetched is at least that new.
   */
  async function applyFetched(tx: Tx, subscriptionId: string, stamp: number) {
    const subscription = await stripe.subscriptions.retrieve(subscriptionId);
    const state = subscriptionStateOf(subscription, config.prices);
    const stored = await lockBillingOfCustomer(tx, state.customerId);
    if (!stored) return 'ignored' as const;
    if (stored.state_at !== null && stamp < stored.state_at) return 'ignored' as const;
    await storeSubscriptionState(tx, stored.tenant_id, state, stamp);
    return 'applied' as const;
  }

  /**
   * A subscription event's own payload applies only if it is newer than the stored state: events
   * arrive out of order. Two in the same second cannot be ordered by `created`, so then the
   * subscription is fetched from Stripe instead.
   */
  async function applySubscriptionEvent(tx: Tx, subscription: Stripe.Subscription, stamp: number) {
    const state = subscriptionStateOf(subscription, config.prices);
    const stored = await lockBillingOfCustomer(tx, state.customerId);
    if (!stored) return 'ignored' as const;
    // A replaced subscription's end must not end the one that replaced it.
    if (
      stored.stripe_subscription_id &&
      stored.stripe_subscription_id !== state.subscriptionId &&
      state.status === 'canceled'
    )
      return 'ignored' as const;
    if (stored.state_at === null || stamp > stored.state_at) {
      await storeSubscriptionState(tx, stored.tenant_id, state, stamp);
      return 'applied' as const;
    }
    if (stamp === stored.state_at) return applyFetched(tx, state.subscriptionId, stamp);
    return 'ignored' as const;
  }

  async function checkoutCompleted(tx: Tx, session: Stripe.Checkout.Session, stamp: number) {
    const tenantId = session.client_reference_id;
    const customerId = customerIdOf(session.customer);
    const subscriptionId = customerIdOf(session.subscription);
    if (!tenantId || !customerId || !subscriptionId) return 'ignored' as const;
    // The customer was stored when the session was made; a session for another customer is not ours to attach.
    const attached = await tx.one(
      `update public.workspace_billing set stripe_subscription_id = $3, collection_method = 'charge_automatically', updated_at = now()
       where tenant_id = $1 and stripe_customer_id = $2 returning tenant_id`,
      [tenantId, customerId, subscriptionId],
    );
    if (!attached) return 'ignored' as const;
    return applyFetched(tx, subscriptionId, stamp);
  }

  async function invoiceFinalized(tx: Tx, invoice: Stripe.Invoice) {
    const customerId = customerIdOf(invoice.customer);
    if (!customerId) return 'ignored' as const;
    const row = await tx.one<{ ean: string | null; collection_method: string }>(
      'select ean, collection_method from public.workspace_billing where stripe_customer_id = $1',
      [customerId],
    );
    if (!row?.ean || row.collection_method !== 'send_invoice') return 'ignored' as const;
    const sent = await eInvoice.send(invoice, row.ean);
    log('info', 'e-invoice handed to the sender', { invoice: invoice.id, outcome: sent.status });
    return 'applied' as const;
  }

  function apply(tx: Tx, event: Stripe.Event) {
    const stamp = event.created;
    if (SUBSCRIPTION_EVENTS.has(event.type))
      return applySubscriptionEvent(tx, event.data.object as Stripe.Subscription, stamp);
    switch (event.type) {
      case 'checkout.session.completed':
        return checkoutCompleted(tx, event.data.object, stamp);
      case 'invoice.paid':
      case 'invoice.payment_failed': {
        // The subscription's status moves with the payment; read it as Stripe now has it.
        const subscriptionId = subscriptionIdOfInvoice(event.data.object);
        return subscriptionId ? applyFetched(tx, subscriptionId, stamp) : Promise.resolve('ignored' as const);
      }
      case 'invoice.finalized':
        return invoiceFinalized(tx, event.data.object);
      default:
        return Promise.resolve('ignored' as const);
    }
  }

  return async function handleWebhook(rawBody: Buffer, signature: string | undefined): Promise<WebhookOutcome> {
    let event: Stripe.Event;
    try {
      event = stripe.webhooks.constructEvent(rawBody, signature ?? '', config.webhookSecret);
    } catch (error) {
      log('warn', 'stripe webhook refused: signature', { error: String(error) });
      return { status: 400, result: 'bad_signature' };
    }
    const result = await withPrivilegedTx('webhook', async (tx) => {
      const fresh = await tx.one(
        `insert into app.stripe_events (id, type, created_at) values ($1, $2, to_timestamp($3))
         on conflict (id) do nothing returning id`,
        [event.id, event.type, event.created],
      );
      if (!fresh) return 'duplicate' as const;
      return apply(tx, event);
    });
    log('info', 'stripe webhook', { event: event.id, type: event.type, result });
    return { status: 200, result };
  };
}
