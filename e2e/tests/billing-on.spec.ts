import { PRICES, signedEvent } from '@brobygger/billing/testing';
import type { Page } from '@playwright/test';
import type pg from 'pg';
import { expect, signIn, test as base, type User, type Workspace } from '../fixtures.ts';
import { BILLING_E2E, startBillingServer, type BillingServer } from '../support/billing-server.ts';
import { inEachLanguage } from '../support/languages.ts';
import { openFromWorkspaceMenu } from '../support/nav.ts';
import { screenshotsAtBothSizes } from '../support/screenshots.ts';

/*
 * Billing on, in Chromium (decision 029): a server of its own with Stripe keys, its SDK pointed at
 * the local Stripe fake, webhooks signed with the SDK's test-header helper. The other specs keep
 * the main server, where billing is off (billing.spec.ts).
 */
const test = base.extend<{ billing: BillingServer }, { billingServer: BillingServer }>({
  billingServer: [
    // eslint-disable-next-line no-empty-pattern
    async ({}, use) => {
      const server = await startBillingServer();
      await use(server);
      await server.stop();
    },
    { scope: 'worker', timeout: 240_000 },
  ],
  serverDatabase: [({ billingServer }, use) => use(billingServer), { scope: 'worker' }],
  billing: ({ billingServer }, use) => use(billingServer),
});
test.use({ baseURL: BILLING_E2E.baseUrl });
// One worker for the file: a second would start a second server on the same port.
test.describe.configure({ mode: 'default' });

const UI = {
  da: {
    link: 'Betaling',
    free: 'Gratis',
    noSubscription: 'Intet abonnement',
    municipalityAnnual: 'Kommune, årlig',
    active: 'Aktiv',
    checkout: 'Vælg Kommune, årlig',
  },
  en: {
    link: 'Billing',
    free: 'Free',
    noSubscription: 'No subscription',
    municipalityAnnual: 'Municipality, annual',
    active: 'Active',
    checkout: 'Choose Municipality, annual',
  },
} as const;

/** The plan section's facts, as a person reads them: "Plan: Gratis", "Status: Intet abonnement". */
const fact = (page: Page, value: string) => page.locator('.billing-facts dd', { hasText: value });

async function postWebhook(type: string, object: Record<string, unknown>) {
  const event = signedEvent(type, object);
  const response = await fetch(`${BILLING_E2E.baseUrl}/webhooks/stripe`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', 'stripe-signature': event.header },
    body: event.payload,
  });
  expect(response.status, `${type} answered`).toBe(200);
}

async function addMember(db: pg.Client, workspace: Workspace, user: User, role: string) {
  await db.query(
    'insert into public.memberships (tenant_id, user_id, role, display_name, email) values ($1, $2, $3, $4, $5)',
    [workspace.id, user.id, role, user.name, user.email],
  );
}

inEachLanguage(test, BILLING_E2E.baseUrl, (lng) => {
  const ui = UI[lng];
  test('an owner opens the billing page: the free plan, no subscription, a plan to choose', async ({
    page,
    workspace,
    owner,
  }, testInfo) => {
    await signIn(page, owner);
    await openFromWorkspaceMenu(page, workspace.slug, ui.link);
    await expect(page.getByRole('heading', { level: 1, name: ui.link })).toBeVisible();
    await expect(fact(page, ui.free)).toBeVisible();
    await expect(fact(page, ui.noSubscription)).toBeVisible();
    await expect(page.getByRole('button', { name: ui.checkout })).toBeVisible();
    await screenshotsAtBothSizes(page, testInfo, `billing-on-${lng}`);
  });
});

test('Checkout, then the signed webhooks make the plan active', async ({
  page,
  db,
  workspace,
  owner,
  billing,
}, testInfo) => {
  await db.query("update public.tenants set cvr = '12345674' where id = $1", [workspace.id]);
  // Stripe's hosted Checkout is not reachable from the test: the fake's URL answers here.
  await page.route('https://checkout.stripe.test/**', (route) =>
    route.fulfill({ contentType: 'text/html', body: '<title>Stripe Checkout</title><h1>Stripe Checkout</h1>' }),
  );
  await signIn(page, owner);
  await page.goto(`/w/${workspace.slug}/billing`);
  await page.getByRole('button', { name: UI.da.checkout }).click();
  await expect(page).toHaveURL(/^https:\/\/checkout\.stripe\.test\/cs_/);

  const session = billing.stripe.requestsTo('POST /v1/checkout/sessions').at(-1)!;
  expect(session.form).toMatchObject({
    mode: 'subscription',
    client_reference_id: workspace.id,
    'line_items[0][price]': PRICES.municipality_annual,
  });
  const customer = session.form.customer!;
  const [created] = billing.stripe
    .requestsTo('POST /v1/customers')
    .filter((r) => r.form['metadata[tenant_id]'] === workspace.id);
  expect(created?.form['tax_id_data[0][value]']).toBe('DK12345674');

  // Stripe's side once the card is paid: a subscription, announced by two signed events.
  const subscription = billing.stripe.createSubscription(customer, PRICES.municipality_annual, {
    metadata: { tenant_id: workspace.id, plan: 'municipality_annual' },
  });
  await postWebhook('checkout.session.completed', {
    id: 'cs_e2e',
    object: 'checkout.session',
    mode: 'subscription',
    client_reference_id: workspace.id,
    customer,
    subscription: subscription.id,
  });
  await postWebhook('customer.subscription.created', subscription);

  await page.goto(`/w/${workspace.slug}/billing`);
  await expect(fact(page, UI.da.municipalityAnnual)).toBeVisible();
  await expect(fact(page, UI.da.active)).toBeVisible();
  await expect(page.getByRole('button', { name: UI.da.checkout })).toHaveCount(0);
  await screenshotsAtBothSizes(page, testInfo, 'billing-active-da');
});

test('a municipality pays by invoice: Stripe receives the EAN and the order reference', async ({
  page,
  db,
  workspace,
  owner,
  billing,
}) => {
  await db.query("update public.tenants set cvr = '12345674' where id = $1", [workspace.id]);
  await signIn(page, owner);
  await page.goto(`/w/${workspace.slug}/billing`);
  const invoice = page.getByRole('region', { name: 'Betal via faktura' });
  await invoice.getByLabel('EAN-lokationsnummer').fill('5798009174001');
  await invoice.getByLabel('Ordrereference').fill('PO-4711');
  await invoice.getByLabel('Betalingsfrist').selectOption('60');
  await invoice.getByRole('button', { name: 'Betal via faktura' }).click();
  await expect(invoice.getByText('Skriv et EAN-lokationsnummer på 13 cifre med gyldigt kontrolciffer.')).toBeVisible();

  await invoice.getByLabel('EAN-lokationsnummer').fill('5798009174000');
  await invoice.getByRole('button', { name: 'Betal via faktura' }).click();
  await expect(
    page.getByText('Fakturaer sendes med 60 dages betalingsfrist til EAN 5798009174000, ordrereference PO-4711.'),
  ).toBeVisible();

  const subscribed = billing.stripe
    .requestsTo('POST /v1/subscriptions')
    .find((r) => r.form['metadata[tenant_id]'] === workspace.id);
  expect(subscribed?.form).toMatchObject({ collection_method: 'send_invoice', days_until_due: '60' });
  const printed = Object.values(subscribed?.form ?? {});
  expect(printed).toContain('5798009174000');
  expect(printed).toContain('PO-4711');
  const customerUpdate = billing.stripe
    .requestsTo(`POST /v1/customers/${subscribed?.form.customer}`)
    .map((r) => Object.values(r.form))
    .flat();
  expect(customerUpdate).toEqual(expect.arrayContaining(['5798009174000', 'PO-4711']));
});

test('past due: owners and admins see the banner, a coordinator neither it nor the page', async ({
  page,
  browser,
  db,
  workspace,
  owner,
  makeUser,
}, testInfo) => {
  await db.query(
    `insert into public.workspace_billing (tenant_id, plan, status, past_due_since)
     values ($1, 'municipality_annual', 'past_due', now() - interval '2 days')`,
    [workspace.id],
  );
  const banner = /Betalingen for arbejdsområdet er forfalden\. Betal inden .+, så det fortsat kan redigeres\./;
  await signIn(page, owner);
  await page.goto(`/w/${workspace.slug}/volunteers`);
  await expect(page.getByText(banner)).toBeVisible();
  await page.getByRole('link', { name: 'Gå til betaling' }).click();
  await expect(page).toHaveURL(new RegExp(`/w/${workspace.slug}/billing$`));
  await expect(fact(page, 'Betaling forfalden')).toBeVisible();
  await screenshotsAtBothSizes(page, testInfo, 'billing-past-due-da');

  const admin = await makeUser('Alma Admin');
  const coordinator = await makeUser('Karl Koordinator');
  await addMember(db, workspace, admin, 'admin');
  await addMember(db, workspace, coordinator, 'coordinator');
  for (const [user, seesIt] of [
    [admin, true],
    [coordinator, false],
  ] as const) {
    const context = await browser.newContext({ locale: 'da-DK', baseURL: BILLING_E2E.baseUrl });
    try {
      const other = await context.newPage();
      await signIn(other, user);
      await other.goto(`/w/${workspace.slug}/volunteers`);
      await expect(other.getByRole('heading', { level: 1 })).toBeVisible();
      await expect(other.getByText(banner)).toHaveCount(seesIt ? 1 : 0);
      if (!seesIt) {
        const response = await other.goto(`/w/${workspace.slug}/billing`);
        expect(response?.status()).toBe(403);
        await expect(other.getByText('Det har din rolle ikke adgang til.')).toBeVisible();
      }
    } finally {
      await context.close();
    }
  }
});

test('locked by billing: one banner says why, the grid says the workspace is read-only, export works', async ({
  page,
  browser,
  db,
  workspace,
  owner,
  makeUser,
}, testInfo) => {
  await db.query("insert into public.volunteers (tenant_id, name, status) values ($1, 'Vera Frivillig', 'active')", [
    workspace.id,
  ]);
  await db.query(
    "insert into public.workspace_billing (tenant_id, plan, status) values ($1, 'municipality_annual', 'canceled')",
    [workspace.id],
  );
  const locked = 'Arbejdsområdet er skrivebeskyttet på grund af betalingen. Intet slettes, og eksport virker stadig.';
  const gridNotice =
    'Arbejdsområdet er skrivebeskyttet på grund af betalingen, så listen kan ikke ændres. Du kan stadig eksportere den.';
  await signIn(page, owner);
  await page.goto(`/w/${workspace.slug}/volunteers`);
  await expect(page.getByRole('gridcell', { name: 'Vera Frivillig' })).toBeVisible();
  // The owner gets one banner (not the read-only one and billing's as well), with the way out.
  await expect(page.getByText(locked)).toHaveCount(1);
  await expect(
    page.getByRole('status').filter({ hasText: locked }).getByRole('link', { name: 'Gå til betaling' }),
  ).toBeVisible();
  await expect(page.getByText(gridNotice)).toBeVisible();
  await expect(page.getByText(/din rolle kan ikke ændre/)).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Tilføj række' })).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksportér CSV' }).click();
  expect((await download).suggestedFilename()).toMatch(/\.csv$/);
  await screenshotsAtBothSizes(page, testInfo, 'billing-locked-da');
  // A form says it too, instead of "only owners, admins and coordinators can edit".
  await page.goto(`/w/${workspace.slug}/offer`);
  await expect(
    page.getByText('Arbejdsområdet er skrivebeskyttet på grund af betalingen, så dette kan ikke ændres.'),
  ).toBeVisible();

  // A coordinator reads the same reason, without the link to a page they cannot open.
  const coordinator = await makeUser('Karl Koordinator');
  await addMember(db, workspace, coordinator, 'coordinator');
  const context = await browser.newContext({ locale: 'en-GB', baseURL: BILLING_E2E.baseUrl });
  try {
    await context.addCookies([{ name: 'lng', value: 'en', url: BILLING_E2E.baseUrl }]);
    const other = await context.newPage();
    await signIn(other, coordinator);
    await other.goto(`/w/${workspace.slug}/volunteers`);
    await expect(
      other.getByText(
        'This workspace is read-only because of its billing. Nothing is deleted, and exports still work.',
      ),
    ).toBeVisible();
    await expect(
      other.getByText(
        'This workspace is read-only because of its billing, so the list cannot be changed. You can still export it.',
      ),
    ).toBeVisible();
    await expect(other.getByRole('link', { name: 'Go to billing' })).toHaveCount(0);
    await screenshotsAtBothSizes(other, testInfo, 'billing-locked-coordinator-en');
  } finally {
    await context.close();
  }
});
