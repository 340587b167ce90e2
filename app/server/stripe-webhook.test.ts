import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  PRICES,
  signedEvent,
  startFakeStripe,
  TAX_RATE,
  WEBHOOK_SECRET,
  type FakeStripe,
} from '@brobygger/billing/testing';
import { createTenant, privileged } from '@brobygger/db/testing';
import { serve, type TestServer } from './testing/serve.ts';

let fake: FakeStripe;
let server: TestServer;
let off: TestServer;
beforeAll(async () => {
  fake = await startFakeStripe();
  server = await serve({
    STRIPE_SECRET_KEY: 'sk_test_fake',
    STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
    STRIPE_PRICE_ASSOCIATION_MONTHLY: PRICES.association_monthly,
    STRIPE_PRICE_MUNICIPALITY_ANNUAL: PRICES.municipality_annual,
    STRIPE_PRICE_REGION_ANNUAL: PRICES.region_annual,
    STRIPE_TAX_RATE_ID: TAX_RATE,
    STRIPE_API_URL: fake.url,
  });
  off = await serve();
});
afterAll(async () => {
  await server.close();
  await off.close();
  await fake.close();
});

const post = (target: TestServer, body: Buffer | string, signature?: string) =>
  fetch(`${target.url}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(signature ? { 'stripe-signature': signature } : {}) },
    body: typeof body === 'string' ? body : new Uint8Array(body),
  });

describe('POST /webhooks/stripe', () => {
  it('verifies the signature on the raw body: the signed bytes are applied, the same JSON re-serialised is refused', async () => {
    const tenant = await createTenant('association');
    await privileged((tx) =>
      tx.query('insert into public.workspace_billing (tenant_id, stripe_customer_id) values ($1, $2)', [
        tenant.id,
        `cus_${tenant.id}`,
      ]),
    );
    const subscription = fake.createSubscription(`cus_${tenant.id}`, PRICES.association_monthly);
    const event = signedEvent('customer.subscription.created', subscription);
    // Same content, other bytes (as a JSON body parser would hand it on): not what Stripe signed.
    const reserialised = JSON.stringify(JSON.parse(event.payload), null, 2);
    const refused = await post(server, reserialised, event.header);
    expect(refused.status).toBe(400);

    const res = await post(server, event.body, event.header);
    expect(res.status).toBe(200);
    expect(await res.json()).toEqual({ received: 'applied' });
    const again = await post(server, event.body, event.header);
    expect(await again.json()).toEqual({ received: 'duplicate' });
    const row = await privileged((tx) =>
      tx.one('select plan, status from public.workspace_billing where tenant_id = $1', [tenant.id]),
    );
    expect(row).toEqual({ plan: 'association_monthly', status: 'active' });
  });

  it('answers 400 without a signature, and 404 on a server without Stripe keys', async () => {
    const event = signedEvent('invoice.paid', { id: 'in_x', object: 'invoice' });
    expect((await post(server, event.body)).status).toBe(400);
    expect((await post(off, event.body, event.header)).status).toBe(404);
  });
});
