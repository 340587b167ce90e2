import Stripe from 'stripe';
import type { BillingConfig } from '../src/config.ts';
import { createBilling, type Billing } from '../src/service.ts';
import type { EInvoiceSender } from '../src/e-invoice.ts';
import { startFakeStripe, type FakeStripe } from './fake-stripe.ts';

export const WEBHOOK_SECRET = 'whsec_test_brobygger';
export const PRICES = {
  association_monthly: 'price_association_monthly',
  municipality_annual: 'price_municipality_annual',
  region_annual: 'price_region_annual',
} as const;
export const TAX_RATE = 'txr_moms_25';

export const configFor = (fake: FakeStripe): BillingConfig => ({
  secretKey: 'sk_test_fake',
  webhookSecret: WEBHOOK_SECRET,
  prices: PRICES,
  taxRateId: TAX_RATE,
  apiUrl: fake.url,
});

export type Sent = { invoice: string; ean: string };

/** Billing against a fresh fake, with e-invoices recorded instead of sent. */
export async function billingAgainstFake(): Promise<{ fake: FakeStripe; billing: Billing; eInvoices: Sent[] }> {
  const fake = await startFakeStripe();
  const eInvoices: Sent[] = [];
  const eInvoice: EInvoiceSender = {
    send: async (invoice, ean) => {
      eInvoices.push({ invoice: invoice.id ?? '', ean });
      return { status: 'sent', reference: `einv-${invoice.id}` };
    },
  };
  const billing = createBilling(configFor(fake), { log: () => {}, eInvoice });
  return { fake, billing, eInvoices };
}

const signer = new Stripe('sk_test_signer');
let eventCounter = 0;

/** A Stripe event as the webhook receives it: JSON, signed with the SDK's own test-header helper. */
export function signedEvent(
  type: string,
  object: Record<string, unknown>,
  {
    created = Math.floor(Date.now() / 1000),
    id = `evt_test_${Date.now()}_${++eventCounter}`,
    signedAt,
    secret = WEBHOOK_SECRET,
  }: { created?: number; id?: string; signedAt?: number; secret?: string } = {},
) {
  const payload = JSON.stringify({
    id,
    object: 'event',
    type,
    created,
    api_version: '2026-10-28.endive',
    data: { object },
  });
  const header = signer.webhooks.generateTestHeaderString({
    payload,
    secret,
    ...(signedAt ? { timestamp: signedAt } : {}),
  });
  return { id, payload, body: Buffer.from(payload), header };
}

export const DAY = 24 * 3600;
export const nowSeconds = () => Math.floor(Date.now() / 1000);
export { startFakeStripe, type FakeStripe, type RecordedRequest } from './fake-stripe.ts';
