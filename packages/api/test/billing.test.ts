import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { createBilling, FREE_TIER_ACTIVE_PARTICIPANTS, type Billing } from '@brobygger/billing';
import { configFor, startFakeStripe, type FakeStripe } from '@brobygger/billing/testing';
import { createWorld, privileged, type TestUser, type World } from '@brobygger/db/testing';
import { NEW_PARTICIPANT, type ParticipantRow } from '../src/rosters/index.ts';
import { callerFor } from './helpers.ts';

let fake: FakeStripe;
let billing: Billing;
let world: World;

beforeAll(async () => {
  fake = await startFakeStripe();
  billing = createBilling(configFor(fake), { log: () => {} });
});
afterAll(() => fake.close());
beforeEach(async () => {
  world = await createWorld();
});

/** A caller on a server with Stripe keys (billing on), or without (`on: false`). */
function apiFor(user: TestUser, on = true) {
  const { api, ctx } = callerFor(user, 'en');
  ctx.billing = on ? billing : null;
  return api;
}

const participant = (status: ParticipantRow['status']): ParticipantRow => ({
  consentGiven: null,
  ...NEW_PARTICIPANT,
  id: randomUUID(),
  version: null,
  firstName: `P${randomUUID().slice(0, 4)}`,
  status,
});

async function seedActiveParticipants(tenantId: string, n: number) {
  await privileged((tx) =>
    tx.query(
      "insert into public.participants (tenant_id, first_name, status) select $1, 'Deltager ' || i, 'active' from generate_series(1, $2) i",
      [tenantId, n],
    ),
  );
}

describe('the free-tier limit on active participants', () => {
  const save = (user: TestUser, upserts: ParticipantRow[], on = true) =>
    apiFor(user, on).participants.save({ tenant: world.tenant.slug, upserts, deletes: [] });

  it('refuses a save that would pass the limit, with a translated message, and saves nothing', async () => {
    await seedActiveParticipants(world.tenant.id, FREE_TIER_ACTIVE_PARTICIPANTS - 1);
    expect(await save(world.users.coordinator, [participant('active')])).toMatchObject({ ok: true });
    const refused = save(world.users.coordinator, [participant('active'), participant('waiting')]);
    await expect(refused).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'errors:plan_limit_reached' });
    const count = await privileged((tx) =>
      tx.one<{ n: number }>('select count(*)::int as n from public.participants where tenant_id = $1', [
        world.tenant.id,
      ]),
    );
    expect(count!.n).toBe(FREE_TIER_ACTIVE_PARTICIPANTS);
  });

  it('still lets the workspace add waiting participants and end active ones at the limit', async () => {
    await seedActiveParticipants(world.tenant.id, FREE_TIER_ACTIVE_PARTICIPANTS);
    expect(await save(world.users.coordinator, [participant('waiting')])).toMatchObject({ ok: true });
    const list = await apiFor(world.users.coordinator).participants.list({ tenant: world.tenant.slug });
    const ended = { ...list.rows.find((r) => r.status === 'active')!, status: 'ended' as const };
    expect(await save(world.users.coordinator, [ended, participant('active')])).toMatchObject({ ok: true });
  });

  it('does not apply with a paid plan, when a region covers the plan, or with billing off', async () => {
    await seedActiveParticipants(world.tenant.id, FREE_TIER_ACTIVE_PARTICIPANTS);
    await expect(save(world.users.coordinator, [participant('active')])).rejects.toMatchObject({
      message: 'errors:plan_limit_reached',
    });
    expect(await save(world.users.coordinator, [participant('active')], false)).toMatchObject({ ok: true });

    await apiFor(world.users.regionMember).billing.setCoverage({
      tenant: world.region.slug,
      partner: world.tenant.id,
      covered: true,
    });
    expect(await save(world.users.coordinator, [participant('active')])).toMatchObject({ ok: true });
    await apiFor(world.users.regionMember).billing.setCoverage({
      tenant: world.region.slug,
      partner: world.tenant.id,
      covered: false,
    });

    await privileged((tx) =>
      tx.query(
        "update public.workspace_billing set plan = 'municipality_annual', status = 'active' where tenant_id = $1",
        [world.tenant.id],
      ),
    );
    expect(await save(world.users.coordinator, [participant('active')])).toMatchObject({ ok: true });
  });
});

describe('the billing page and its actions', () => {
  it('owners and admins see the page; coordinators, peers and viewers are refused', async () => {
    for (const who of ['owner', 'admin'] as const) {
      expect(await apiFor(world.users[who]).billing.page({ tenant: world.tenant.slug })).toMatchObject({
        enabled: true,
        plan: 'free',
        participantLimit: FREE_TIER_ACTIVE_PARTICIPANTS,
        choosablePlans: ['municipality_annual'],
        paysByInvoice: true,
      });
    }
    for (const who of ['coordinator', 'peer', 'viewer'] as const) {
      const api = apiFor(world.users[who]);
      await expect(api.billing.page({ tenant: world.tenant.slug })).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(
        api.billing.checkout({ tenant: world.tenant.slug, plan: 'municipality_annual' }),
      ).rejects.toMatchObject({ code: 'FORBIDDEN' });
      await expect(api.billing.portal({ tenant: world.tenant.slug })).rejects.toMatchObject({ code: 'FORBIDDEN' });
    }
    await expect(apiFor(world.users.stranger).billing.page({ tenant: world.tenant.slug })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
  });

  it('without Stripe keys the page says billing is off and nothing calls Stripe', async () => {
    const before = fake.requests.length;
    const api = apiFor(world.users.owner, false);
    expect(await api.billing.page({ tenant: world.tenant.slug })).toEqual({ enabled: false });
    await expect(
      api.billing.checkout({ tenant: world.tenant.slug, plan: 'municipality_annual' }),
    ).rejects.toMatchObject({
      message: 'errors:billing_off',
    });
    expect(await api.billing.status({ tenant: world.tenant.slug })).toEqual({
      pastDue: false,
      graceEndsAt: null,
      locksWrites: false,
    });
    expect(fake.requests.length).toBe(before);
  });

  it('a plan for another kind of workspace is refused; an association cannot pay by invoice', async () => {
    const owner = apiFor(world.users.owner);
    await expect(
      owner.billing.checkout({ tenant: world.tenant.slug, plan: 'association_monthly' }),
    ).rejects.toMatchObject({
      message: 'errors:billing_plan_not_for_kind',
    });
    const association = apiFor(world.users.stranger);
    await expect(
      association.billing.subscribeByInvoice({
        tenant: world.other.slug,
        plan: 'association_monthly',
        ean: '5798000001237',
        orderReference: 'X',
        paymentTermsDays: 30,
      }),
    ).rejects.toMatchObject({ message: 'errors:billing_invoice_for_public_bodies' });
  });

  it('an EAN with a wrong check digit is refused with a translated field message', async () => {
    const owner = apiFor(world.users.owner);
    await expect(
      owner.billing.subscribeByInvoice({
        tenant: world.tenant.slug,
        plan: 'municipality_annual',
        ean: '5798000001238',
        orderReference: 'PO-1',
        paymentTermsDays: 30,
      }),
    ).rejects.toMatchObject({
      code: 'BAD_REQUEST',
      cause: { issues: [expect.objectContaining({ message: 'errors:invalid_ean', path: ['ean'] })] },
    });
  });

  it('checkout answers Stripe’s page; the page lists past invoices with their hosted links and the next one', async () => {
    const owner = apiFor(world.users.owner);
    const { url } = await owner.billing.checkout({ tenant: world.tenant.slug, plan: 'municipality_annual' });
    expect(url).toMatch(/^https:\/\/checkout\.stripe\.test\//);
    const customer = fake.requestsTo('POST /v1/checkout/sessions').at(-1)!.form.customer!;
    const subscription = fake.createSubscription(customer, 'price_municipality_annual');
    await privileged((tx) =>
      tx.query(
        "update public.workspace_billing set stripe_subscription_id = $2, plan = 'municipality_annual', status = 'active' where tenant_id = $1",
        [world.tenant.id, subscription.id],
      ),
    );
    fake.addInvoice(customer, { number: 'BRO-0042', total: 375000 });
    const page = await owner.billing.page({ tenant: world.tenant.slug });
    expect(page).toMatchObject({
      enabled: true,
      plan: 'municipality_annual',
      status: 'active',
      participantLimit: null,
      invoices: [
        expect.objectContaining({
          number: 'BRO-0042',
          total: 375000,
          currency: 'dkk',
          url: expect.stringMatching(/^https:\/\/invoice\.stripe\.test\//),
        }),
      ],
      nextInvoice: expect.objectContaining({ total: 375000, currency: 'dkk' }),
    });
    // The running plan is changed in the portal, not bought a second time.
    await expect(
      owner.billing.checkout({ tenant: world.tenant.slug, plan: 'municipality_annual' }),
    ).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'errors:billing_already_subscribed',
    });
    const { url: portal } = await owner.billing.portal({ tenant: world.tenant.slug });
    expect(portal).toMatch(/^https:\/\/billing\.stripe\.test\//);
    expect(fake.requestsTo('POST /v1/billing_portal/sessions').at(-1)!.form).toMatchObject({
      customer,
      return_url: `http://localhost:3000/w/${world.tenant.slug}/billing`,
    });
  });
});

describe('a region covering a partner', () => {
  it('the partner’s page says who covers it and the region’s page lists what it covers; a lapsed plan does not lock the partner', async () => {
    const region = apiFor(world.users.regionMember);
    expect(
      await region.billing.setCoverage({ tenant: world.region.slug, partner: world.tenant.id, covered: true }),
    ).toEqual({ covered: true });
    await privileged((tx) =>
      tx.query("update public.workspace_billing set status = 'canceled' where tenant_id = $1", [world.tenant.id]),
    );

    expect(await apiFor(world.users.owner).billing.page({ tenant: world.tenant.slug })).toMatchObject({
      coveredBy: world.region.name,
      locksWrites: false,
      participantLimit: null,
    });
    expect(await region.billing.page({ tenant: world.region.slug })).toMatchObject({
      partners: [{ tenantId: world.tenant.id, name: world.tenant.name, covered: true }],
    });
    expect(await apiFor(world.users.coordinator).billing.status({ tenant: world.tenant.slug })).toMatchObject({
      locksWrites: false,
    });
  });

  it('only a region, and only for an active partner', async () => {
    await expect(
      apiFor(world.users.owner).billing.setCoverage({
        tenant: world.tenant.slug,
        partner: world.other.id,
        covered: true,
      }),
    ).rejects.toMatchObject({ message: 'errors:billing_region_only' });
    await expect(
      apiFor(world.users.regionMember).billing.setCoverage({
        tenant: world.region.slug,
        partner: world.other.id,
        covered: true,
      }),
    ).rejects.toMatchObject({ message: 'errors:partnership_not_found' });
  });
});
