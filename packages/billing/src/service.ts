import type Stripe from 'stripe';
import { withPrivilegedTx } from '@brobygger/db';
import type { BillingConfig } from './config.ts';
import { loggingEInvoiceSender, type EInvoiceSender } from './e-invoice.ts';
import { euVatOf } from './identifiers.ts';
import type { PaidPlan, TenantKind } from './plans.ts';
import { createStripeClient } from './stripe-client.ts';
import { storeSubscriptionState, subscriptionStateOf } from './subscription-state.ts';
import { createWebhookHandler } from './webhook.ts';

export type BillingTenant = { id: string; name: string; kind: TenantKind; cvr: string | null };
export type Locale = 'da' | 'en';
export type InvoiceTerms = { ean: string; orderReference: string; paymentTermsDays: number };
export type InvoiceSummary = {
  id: string;
  number: string | null;
  status: string | null;
  /** In øre, VAT included. */
  total: number;
  currency: string;
  created: string;
  url: string | null;
};
export type NextInvoice = { total: number; currency: string; date: string | null };
type Log = (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;

const iso = (seconds: number | null | undefined) => (seconds ? new Date(seconds * 1000).toISOString() : null);

/** How the EAN and the buyer's order reference appear on the invoice (Stripe prints custom fields). */
const invoiceFields = (terms: InvoiceTerms) => [
  { name: 'EAN', value: terms.ean },
  { name: 'Ordrereference', value: terms.orderReference },
];

/**
 * Stripe for the API and the webhook: customers, Checkout, the Billing Portal, invoices for public
 * bodies, and the events Stripe sends back. The Stripe ids it stores come from Stripe's answers,
 * never from a request, and are written on the privileged path after the API has checked the
 * caller's `billing.manage` (docs/decisions/029).
 */
export function createBilling(config: BillingConfig, { log, eInvoice }: { log: Log; eInvoice?: EInvoiceSender }) {
  const stripe = createStripeClient(config);
  const sender = eInvoice ?? loggingEInvoiceSender((message, fields) => log('info', message, fields));

  const storedCustomer = (tenantId: string) =>
    withPrivilegedTx('billing', (tx) =>
      tx.one<{ id: string | null }>(
        'select stripe_customer_id as id from public.workspace_billing where tenant_id = $1',
        [tenantId],
      ),
    ).then((row) => row?.id ?? null);

  /** The workspace's one Stripe customer, made on first need (the idempotency key makes a race make one). */
  async function ensureCustomer(tenant: BillingTenant, email: string): Promise<string> {
    const existing = await storedCustomer(tenant.id);
    if (existing) return existing;
    const customer = await stripe.customers.create(
      {
        name: tenant.name,
        email,
        metadata: { tenant_id: tenant.id },
        preferred_locales: ['da'],
        ...(tenant.cvr ? { tax_id_data: [euVatOf(tenant.cvr)] } : {}),
      },
      { idempotencyKey: `customer-${tenant.id}` },
    );
    const stored = await withPrivilegedTx('billing', (tx) =>
      tx.one<{ id: string }>(
        `insert into public.workspace_billing (tenant_id, stripe_customer_id) values ($1, $2)
         on conflict (tenant_id) do update
           set stripe_customer_id = coalesce(workspace_billing.stripe_customer_id, excluded.stripe_customer_id)
         returning stripe_customer_id as id`,
        [tenant.id, customer.id],
      ),
    );
    return stored!.id;
  }

  /** A Checkout session for a plan, paid by card; the webhook records the subscription it makes. */
  async function checkout(
    tenant: BillingTenant,
    email: string,
    plan: PaidPlan,
    urls: { success: string; cancel: string },
    locale: Locale,
  ): Promise<string> {
    const customer = await ensureCustomer(tenant, email);
    const session = await stripe.checkout.sessions.create({
      mode: 'subscription',
      customer,
      client_reference_id: tenant.id,
      line_items: [{ price: config.prices[plan], quantity: 1 }],
      subscription_data: { default_tax_rates: [config.taxRateId], metadata: { tenant_id: tenant.id, plan } },
      customer_update: { name: 'auto', address: 'auto' },
      locale,
      success_url: urls.success,
      cancel_url: urls.cancel,
    });
    if (!session.url) throw new Error('Stripe returned a Checkout session without a URL');
    return session.url;
  }

  /**
   * A public body's subscription, paid by invoice: Stripe sends each invoice with the payment
   * terms, the EAN and the buyer's order reference printed on it; the e-invoicing seam
   * (docs/decisions/030) delivers it to the EAN when it is finalized.
   */
  async function subscribeByInvoice(tenant: BillingTenant, email: string, plan: PaidPlan, terms: InvoiceTerms) {
    const customer = await ensureCustomer(tenant, email);
    const custom_fields = invoiceFields(terms);
    await stripe.customers.update(customer, { invoice_settings: { custom_fields } });
    const subscription = await stripe.subscriptions.create(
      {
        customer,
        items: [{ price: config.prices[plan] }],
        collection_method: 'send_invoice',
        days_until_due: terms.paymentTermsDays,
        default_tax_rates: [config.taxRateId],
        invoice_settings: { custom_fields },
        metadata: { tenant_id: tenant.id, plan },
      },
      { idempotencyKey: `invoice-subscription-${tenant.id}-${plan}-${terms.ean}-${terms.orderReference}` },
    );
    await withPrivilegedTx('billing', async (tx) => {
      await tx.query(
        `update public.workspace_billing set collection_method = 'send_invoice', payment_terms_days = $2,
           ean = $3, order_reference = $4, updated_at = now()
         where tenant_id = $1`,
        [tenant.id, terms.paymentTermsDays, terms.ean, terms.orderReference],
      );
      const stored = await tx.one<{ state_at: number | null }>(
        `select extract(epoch from subscription_state_at)::float8 as state_at
         from public.workspace_billing where tenant_id = $1 for update`,
        [tenant.id],
      );
      // Stripe's answer is its state now; a webhook may already have stored a later one.
      const now = Math.floor(Date.now() / 1000);
      if (stored?.state_at == null || stored.state_at <= now)
        await storeSubscriptionState(tx, tenant.id, subscriptionStateOf(subscription, config.prices), now);
    });
  }

  /** The Billing Portal, where cards are changed and a plan is cancelled. */
  async function portal(tenant: BillingTenant, email: string, returnUrl: string, locale: Locale) {
    const customer = await ensureCustomer(tenant, email);
    const session = await stripe.billingPortal.sessions.create({ customer, return_url: returnUrl, locale });
    return session.url;
  }

  const summarise = (invoice: Stripe.Invoice): InvoiceSummary => ({
    id: invoice.id ?? '',
    number: invoice.number,
    status: invoice.status,
    total: invoice.total,
    currency: invoice.currency,
    created: iso(invoice.created)!,
    url: invoice.hosted_invoice_url ?? null,
  });

  /** Past invoices (newest first) and the next one, for the billing page. */
  async function invoices(customerId: string, subscriptionId: string | null) {
    const list = await stripe.invoices.list({ customer: customerId, limit: 12 });
    let next: NextInvoice | null = null;
    if (subscriptionId) {
      // A cancelled subscription has no next invoice: Stripe answers with an error, which means "none".
      const preview = await stripe.invoices
        .createPreview({ customer: customerId, subscription: subscriptionId })
        .catch(() => null);
      if (preview)
        next = {
          total: preview.total,
          currency: preview.currency,
          date: iso(preview.next_payment_attempt ?? preview.period_end),
        };
    }
    return { past: list.data.filter((i) => i.status !== 'draft').map(summarise), next };
  }

  return {
    checkout,
    subscribeByInvoice,
    portal,
    invoices,
    handleWebhook: createWebhookHandler({ stripe, config, eInvoice: sender, log }),
  };
}

export type Billing = ReturnType<typeof createBilling>;
