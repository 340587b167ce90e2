import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import {
  addMember,
  as,
  createTenant,
  createUser,
  privileged,
  type TestTenant,
  type TestUser,
} from '@brobygger/db/testing';
import type { Billing } from '../src/service.ts';
import type { FakeStripe } from './fake-stripe.ts';
import { billingAgainstFake, DAY, nowSeconds, PRICES, signedEvent, TAX_RATE, type Sent } from './support.ts';

let fake: FakeStripe;
let billing: Billing;
let eInvoices: Sent[];
let tenant: TestTenant;
let owner: TestUser;

beforeAll(async () => {
  ({ fake, billing, eInvoices } = await billingAgainstFake());
});
afterAll(() => fake.close());

beforeEach(async () => {
  tenant = await createTenant('municipality', 'Betalingskommune');
  await privileged((tx) => tx.query("update public.tenants set cvr = '12345674' where id = $1", [tenant.id]));
  owner = await createUser('billing-owner');
  await addMember(tenant, owner, 'owner');
});

const billingTenant = () => ({ id: tenant.id, name: tenant.name, kind: 'municipality' as const, cvr: '12345674' });

const stored = () =>
  privileged((tx) =>
    tx.one<{
      stripe_customer_id: string | null;
      stripe_subscription_id: string | null;
      plan: string | null;
      status: string | null;
      past_due_since: Date | null;
    }>('select * from public.workspace_billing where tenant_id = $1', [tenant.id]),
  );
const locked = () =>
  as(owner, (tx) => tx.one<{ locked: boolean }>('select app.billing_locks_writes($1) as locked', [tenant.id])).then(
    (r) => r!.locked,
  );
const eventsRecorded = (id: string) =>
  privileged((tx) => tx.query('select id from app.stripe_events where id = $1', [id])).then((r) => r.length);

/** Checkout as the owner would start it; then Stripe's side: the subscription the session made. */
async function checkoutToSubscription() {
  const url = await billing.checkout(
    billingTenant(),
    owner.email,
    'municipality_annual',
    { success: 'http://app/ok', cancel: 'http://app/back' },
    'da',
  );
  const customer = (await stored())!.stripe_customer_id!;
  const subscription = fake.createSubscription(customer, PRICES.municipality_annual);
  return { url, customer, subscription };
}

const subscriptionEvent = (subscription: Record<string, unknown>, status: string, created: number) =>
  signedEvent('customer.subscription.updated', { ...subscription, status }, { created });

describe('checkout', () => {
  it('makes one customer with the workspace id and the CVR as a DK VAT id, then the webhook makes the plan active', async () => {
    const { url, customer, subscription } = await checkoutToSubscription();
    expect(url).toMatch(/^https:\/\/checkout\.stripe\.test\//);

    const [created] = fake.requestsTo('POST /v1/customers').filter((r) => r.form['metadata[tenant_id]'] === tenant.id);
    expect(created!.form).toMatchObject({ 'tax_id_data[0][type]': 'eu_vat', 'tax_id_data[0][value]': 'DK12345674' });
    const session = fake.requestsTo('POST /v1/checkout/sessions').at(-1)!;
    expect(session.form).toMatchObject({
      mode: 'subscription',
      customer,
      client_reference_id: tenant.id,
      'line_items[0][price]': PRICES.municipality_annual,
      'subscription_data[default_tax_rates][0]': TAX_RATE,
    });

    // A second checkout reuses the customer.
    const customersBefore = fake.requestsTo('POST /v1/customers').length;
    await billing.checkout(
      billingTenant(),
      owner.email,
      'municipality_annual',
      { success: 'x://a', cancel: 'x://b' },
      'en',
    );
    expect(fake.requestsTo('POST /v1/customers')).toHaveLength(customersBefore);

    const completed = signedEvent('checkout.session.completed', {
      id: 'cs_1',
      object: 'checkout.session',
      mode: 'subscription',
      client_reference_id: tenant.id,
      customer,
      subscription: subscription.id,
    });
    expect(await billing.handleWebhook(completed.body, completed.header)).toEqual({ status: 200, result: 'applied' });
    expect(await stored()).toMatchObject({
      stripe_subscription_id: subscription.id,
      plan: 'municipality_annual',
      status: 'active',
    });
  });

  it('a completed session for a customer that is not the workspace’s changes nothing', async () => {
    await checkoutToSubscription();
    const foreign = signedEvent('checkout.session.completed', {
      object: 'checkout.session',
      mode: 'subscription',
      client_reference_id: tenant.id,
      customer: 'cus_someone_else',
      subscription: 'sub_someone_else',
    });
    expect(await billing.handleWebhook(foreign.body, foreign.header)).toEqual({ status: 200, result: 'ignored' });
    expect(await stored()).toMatchObject({ stripe_subscription_id: null, status: null });
  });
});

describe('signatures', () => {
  it('a valid signature is applied; a tampered body or another secret is refused and nothing is recorded', async () => {
    const { subscription } = await checkoutToSubscription();
    const valid = subscriptionEvent(subscription, 'active', nowSeconds());

    const tampered = Buffer.from(valid.payload.replace('"active"', '"canceled"'));
    expect(await billing.handleWebhook(tampered, valid.header)).toEqual({ status: 400, result: 'bad_signature' });
    const wrongSecret = signedEvent(
      'customer.subscription.updated',
      { ...subscription, status: 'canceled' },
      { secret: 'whsec_attacker' },
    );
    expect(await billing.handleWebhook(wrongSecret.body, wrongSecret.header)).toMatchObject({ status: 400 });
    expect(await billing.handleWebhook(valid.body, undefined)).toMatchObject({ status: 400 });
    expect(await eventsRecorded(valid.id)).toBe(0);
    expect((await stored())!.status).toBe(null);

    expect(await billing.handleWebhook(valid.body, valid.header)).toEqual({ status: 200, result: 'applied' });
    expect((await stored())!.status).toBe('active');
  });

  it('a signature older than the SDK’s default tolerance (300 s) is refused', async () => {
    const { subscription } = await checkoutToSubscription();
    const stale = signedEvent(
      'customer.subscription.updated',
      { ...subscription, status: 'active' },
      { signedAt: nowSeconds() - 301 },
    );
    expect(await billing.handleWebhook(stale.body, stale.header)).toEqual({ status: 400, result: 'bad_signature' });
    const recent = signedEvent(
      'customer.subscription.updated',
      { ...subscription, status: 'active' },
      { signedAt: nowSeconds() - 250 },
    );
    expect(await billing.handleWebhook(recent.body, recent.header)).toMatchObject({ status: 200 });
  });
});

describe('ordering and duplicates', () => {
  it('the same event twice is recorded once and does nothing the second time', async () => {
    const { subscription } = await checkoutToSubscription();
    const event = subscriptionEvent(subscription, 'active', nowSeconds());
    expect(await billing.handleWebhook(event.body, event.header)).toEqual({ status: 200, result: 'applied' });
    // Meanwhile the state moved on; a redelivery of the first event must not move it back.
    const later = subscriptionEvent(subscription, 'past_due', nowSeconds() + 5);
    await billing.handleWebhook(later.body, later.header);
    expect(await billing.handleWebhook(event.body, event.header)).toEqual({ status: 200, result: 'duplicate' });
    expect(await eventsRecorded(event.id)).toBe(1);
    expect((await stored())!.status).toBe('past_due');
  });

  it('an older subscription event arriving after a newer one does not overwrite it', async () => {
    const { subscription } = await checkoutToSubscription();
    const t = nowSeconds();
    const newer = subscriptionEvent(subscription, 'active', t);
    const older = subscriptionEvent(subscription, 'past_due', t - 60);
    expect(await billing.handleWebhook(newer.body, newer.header)).toMatchObject({ result: 'applied' });
    expect(await billing.handleWebhook(older.body, older.header)).toMatchObject({ result: 'ignored' });
    expect((await stored())!.status).toBe('active');
    // The older event was still recorded: its redelivery is a duplicate, not a second chance.
    expect(await eventsRecorded(older.id)).toBe(1);
  });

  it('two events in the same second are settled by the subscription as Stripe has it now', async () => {
    const { subscription } = await checkoutToSubscription();
    const t = nowSeconds();
    fake.updateSubscription(subscription.id, { status: 'past_due' });
    const first = subscriptionEvent(subscription, 'past_due', t);
    const second = subscriptionEvent(subscription, 'active', t);
    await billing.handleWebhook(first.body, first.header);
    expect(await billing.handleWebhook(second.body, second.header)).toMatchObject({ result: 'applied' });
    expect((await stored())!.status).toBe('past_due');
    expect(fake.requestsTo(`GET /v1/subscriptions/${subscription.id}`).length).toBeGreaterThan(0);
  });

  it('an invoice paid or failed reads the subscription from Stripe', async () => {
    const { subscription, customer } = await checkoutToSubscription();
    fake.updateSubscription(subscription.id, { status: 'past_due' });
    const invoice = {
      id: 'in_1',
      object: 'invoice',
      customer,
      parent: { type: 'subscription_details', subscription_details: { subscription: subscription.id } },
    };
    const failed = signedEvent('invoice.payment_failed', invoice);
    await billing.handleWebhook(failed.body, failed.header);
    expect((await stored())!.status).toBe('past_due');
    fake.updateSubscription(subscription.id, { status: 'active' });
    const paid = signedEvent('invoice.paid', invoice, { created: nowSeconds() + 1 });
    await billing.handleWebhook(paid.body, paid.header);
    expect(await stored()).toMatchObject({ status: 'active', past_due_since: null });
  });
});

describe('entitlements follow the subscription', () => {
  it('past due keeps writes open during the grace period, then locks them; cancelled locks them', async () => {
    const { subscription } = await checkoutToSubscription();
    const failedAt = nowSeconds() - 12 * DAY;
    const pastDue = subscriptionEvent(subscription, 'past_due', failedAt);
    await billing.handleWebhook(pastDue.body, pastDue.header);
    expect(await locked()).toBe(false);
    // A later retry that fails again does not restart the grace period.
    const retried = subscriptionEvent(subscription, 'past_due', nowSeconds() - DAY);
    await billing.handleWebhook(retried.body, retried.header);
    expect((await stored())!.past_due_since!.getTime()).toBe(failedAt * 1000);
    expect(await locked()).toBe(false);
    // Three days pass (the clock is the database's; move the stored moment instead).
    await privileged((tx) =>
      tx.query(
        "update public.workspace_billing set past_due_since = past_due_since - interval '3 days' where tenant_id = $1",
        [tenant.id],
      ),
    );
    expect(await locked()).toBe(true);

    const paidAgain = subscriptionEvent(subscription, 'active', nowSeconds());
    await billing.handleWebhook(paidAgain.body, paidAgain.header);
    expect(await locked()).toBe(false);
    const deleted = signedEvent(
      'customer.subscription.deleted',
      { ...subscription, status: 'canceled' },
      { created: nowSeconds() + 1 },
    );
    await billing.handleWebhook(deleted.body, deleted.header);
    expect(await locked()).toBe(true);
    // Nothing is deleted: the workspace and its billing row are still there.
    expect(await stored()).toMatchObject({ status: 'canceled', plan: 'municipality_annual' });
  });
});

describe('public bodies pay by invoice', () => {
  const terms = { ean: '5798000001237', orderReference: 'PO-2026-114', paymentTermsDays: 30 };

  it('the subscription is sent as invoices with the terms, the EAN and the order reference printed on them', async () => {
    await billing.subscribeByInvoice(billingTenant(), owner.email, 'municipality_annual', terms);
    const customer = (await stored())!.stripe_customer_id!;
    const [subscription] = fake.requestsTo('POST /v1/subscriptions').filter((r) => r.form.customer === customer);
    expect(subscription!.form).toMatchObject({
      collection_method: 'send_invoice',
      days_until_due: '30',
      'items[0][price]': PRICES.municipality_annual,
      'default_tax_rates[0]': TAX_RATE,
      'invoice_settings[custom_fields][0][name]': 'EAN',
      'invoice_settings[custom_fields][0][value]': '5798000001237',
      'invoice_settings[custom_fields][1][name]': 'Ordrereference',
      'invoice_settings[custom_fields][1][value]': 'PO-2026-114',
    });
    const [customerUpdate] = fake.requestsTo(`POST /v1/customers/${customer}`);
    expect(customerUpdate!.form).toMatchObject({
      'invoice_settings[custom_fields][0][value]': '5798000001237',
      'invoice_settings[custom_fields][1][value]': 'PO-2026-114',
    });
    expect(
      await privileged((tx) =>
        tx.one(
          'select status, collection_method, payment_terms_days, ean, order_reference from public.workspace_billing where tenant_id = $1',
          [tenant.id],
        ),
      ),
    ).toEqual({
      status: 'active',
      collection_method: 'send_invoice',
      payment_terms_days: 30,
      ean: '5798000001237',
      order_reference: 'PO-2026-114',
    });
  });

  it('a finalized invoice goes to the e-invoicing seam with the buyer’s EAN, once', async () => {
    await billing.subscribeByInvoice(billingTenant(), owner.email, 'municipality_annual', terms);
    const customer = (await stored())!.stripe_customer_id!;
    const finalized = signedEvent('invoice.finalized', {
      id: `in_${tenant.id.slice(0, 8)}`,
      object: 'invoice',
      customer,
      number: 'BRO-1',
    });
    await billing.handleWebhook(finalized.body, finalized.header);
    await billing.handleWebhook(finalized.body, finalized.header);
    expect(eInvoices.filter((e) => e.invoice === `in_${tenant.id.slice(0, 8)}`)).toEqual([
      { invoice: `in_${tenant.id.slice(0, 8)}`, ean: '5798000001237' },
    ]);
  });
});
