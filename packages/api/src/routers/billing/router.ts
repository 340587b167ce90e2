import { participantLimitOf, entitlementOf } from '../../billing/entitlement.ts';
import type { Billing, BillingTenant } from '@brobygger/billing';
import { paysByInvoice, plansFor, type PaidPlan } from '@brobygger/billing/plans';
import type { Tx } from '@brobygger/db';
import { z } from 'zod';
import type { Context } from '../../context.ts';
import { fail } from '../../errors.ts';
import { requirePermission, router, tenantProcedure, type TenantContext } from '../../trpc.ts';
import { ZBillingPage, ZBillingStatus, ZInvoiceTerms, ZPaidPlan, type BillingPage } from './schemas.ts';

type BillingRow = {
  stripe_customer_id: string | null;
  stripe_subscription_id: string | null;
  current_period_end: Date | null;
  collection_method: string;
  payment_terms_days: number | null;
  ean: string | null;
  order_reference: string | null;
};

/** Billing is on only with Stripe keys; every procedure that would call Stripe needs it. */
const billingOf = (ctx: Context): Billing => ctx.billing ?? fail('billing_off');

/** Owners and admins only (`billing.manage`); the billing row's policy says the same. */
function manager(tenant: TenantContext) {
  requirePermission(tenant, 'billing.manage');
  return tenant;
}

async function billingTenant(ctx: Context & { tenant: TenantContext }): Promise<BillingTenant> {
  const row = await ctx.db.tx((tx) =>
    tx.one<{ cvr: string | null }>('select cvr from public.tenants where id = $1', [ctx.tenant.id]),
  );
  return { id: ctx.tenant.id, name: ctx.tenant.name, kind: ctx.tenant.kind, cvr: row?.cvr ?? null };
}

function requirePlanFor(tenant: TenantContext, plan: PaidPlan) {
  if (!plansFor(tenant.kind).includes(plan)) fail('billing_plan_not_for_kind');
}

/** A running subscription to the same plan is changed in the portal, not started twice. */
async function requireNotSubscribed(ctx: Context, tenantId: string, plan: PaidPlan) {
  const entitlement = await ctx.db.tx((tx) => entitlementOf(tx, tenantId));
  if (entitlement.plan === plan && entitlement.status !== null) fail('billing_already_subscribed');
}

/** Stripe answering with an error or not at all is a 503 with a translated message, never a 500. */
async function stripeCall<T>(ctx: Context, what: string, call: () => Promise<T>): Promise<T> {
  try {
    return await call();
  } catch (error) {
    ctx.log('error', `stripe: ${what} failed`, { error: String(error) });
    return fail('billing_unavailable');
  }
}

const partnersOf = (tx: Tx, regionId: string) =>
  tx.query<{ tenantId: string; name: string; covered: boolean }>(
    `select p.partner_tenant_id::text as "tenantId", x.counterpart_name as name,
            exists (select 1 from app.billing_coverage($1) c where c.relation = 'covers' and c.tenant_id = p.partner_tenant_id) as covered
     from public.partnerships p join app.partnerships_of($1) x on x.id = p.id
     where p.tenant_id = $1 and p.status = 'active'
     order by x.counterpart_name`,
    [regionId],
  );

const urlsOf = (ctx: Context, tenant: TenantContext) => `${ctx.appUrl}/w/${tenant.slug}/billing`;

export const billingRouter = router({
  /** The billing page: plan, status, invoices, invoice details, coverage. */
  page: tenantProcedure.output(ZBillingPage).query(async ({ ctx }): Promise<BillingPage> => {
    const tenant = manager(ctx.tenant);
    if (!ctx.billing) return { enabled: false };
    const billing = ctx.billing;
    const known = await ctx.db.tx(async (tx) => ({
      row: await tx.one<BillingRow>('select * from public.workspace_billing where tenant_id = $1', [tenant.id]),
      entitlement: await entitlementOf(tx, tenant.id),
      coverage: await tx.query<{ relation: string; name: string }>(
        'select relation, name from app.billing_coverage($1)',
        [tenant.id],
      ),
      active: await tx.one<{ n: number }>(
        "select count(*)::int as n from public.participants where tenant_id = $1 and status = 'active'",
        [tenant.id],
      ),
      partners: tenant.kind === 'region' ? await partnersOf(tx, tenant.id) : [],
    }));
    const { row, entitlement } = known;
    let stripeData: Awaited<ReturnType<Billing['invoices']>> = { past: [], next: null };
    let invoicesUnavailable = false;
    if (row?.stripe_customer_id) {
      try {
        stripeData = await billing.invoices(row.stripe_customer_id, row.stripe_subscription_id);
      } catch (error) {
        ctx.log('warn', 'stripe: invoices unavailable', { error: String(error) });
        invoicesUnavailable = true;
      }
    }
    return {
      enabled: true,
      kind: tenant.kind,
      plan: entitlement.plan,
      status: entitlement.status,
      currentPeriodEnd: row?.current_period_end?.toISOString() ?? null,
      graceEndsAt: entitlement.status === 'past_due' ? entitlement.graceEndsAt : null,
      locksWrites: entitlement.locksWrites,
      activeParticipants: known.active!.n,
      participantLimit: participantLimitOf(entitlement),
      choosablePlans: plansFor(tenant.kind),
      paysByInvoice: paysByInvoice(tenant.kind),
      invoiceDetails: {
        collectionMethod: row?.collection_method ?? 'charge_automatically',
        paymentTermsDays: row?.payment_terms_days ?? null,
        ean: row?.ean ?? null,
        orderReference: row?.order_reference ?? null,
      },
      nextInvoice: stripeData.next,
      invoices: stripeData.past,
      invoicesUnavailable,
      coveredBy: known.coverage.find((c) => c.relation === 'covered_by')?.name ?? null,
      partners: known.partners,
    };
  }),

  /** For the layout's banner: every member may ask; only owners and admins are shown it. */
  status: tenantProcedure.output(ZBillingStatus).query(async ({ ctx }) => {
    if (!ctx.billing) return { pastDue: false, graceEndsAt: null, locksWrites: false };
    const entitlement = await ctx.db.tx((tx) => entitlementOf(tx, ctx.tenant.id));
    return {
      pastDue: entitlement.status === 'past_due' && !entitlement.covered,
      graceEndsAt: entitlement.graceEndsAt,
      locksWrites: entitlement.locksWrites,
    };
  }),

  /** Starts or changes a plan through Stripe Checkout (card); answers the page to send the browser to. */
  // Paying is how a workspace that billing made read-only becomes writable again (decision 029).
  checkout: tenantProcedure
    .meta({ worksWhenReadOnly: true })
    .input(z.object({ plan: ZPaidPlan }))
    .output(z.object({ url: z.string() }))
    .mutation(async ({ ctx, input }) => {
      const tenant = manager(ctx.tenant);
      const billing = billingOf(ctx);
      requirePlanFor(tenant, input.plan);
      await requireNotSubscribed(ctx, tenant.id, input.plan);
      const back = urlsOf(ctx, tenant);
      const url = await stripeCall(ctx, 'checkout', async () =>
        billing.checkout(
          await billingTenant(ctx),
          ctx.session.email,
          input.plan,
          { success: `${back}?checkout=done`, cancel: back },
          ctx.locale,
        ),
      );
      return { url };
    }),

  /** A public body's plan paid by invoice, with its EAN, order reference and payment terms. */
  subscribeByInvoice: tenantProcedure
    .meta({ worksWhenReadOnly: true })
    .input(ZInvoiceTerms.extend({ plan: ZPaidPlan }))
    .output(z.object({ ok: z.literal(true) }))
    .mutation(async ({ ctx, input }) => {
      const tenant = manager(ctx.tenant);
      const billing = billingOf(ctx);
      if (!paysByInvoice(tenant.kind)) fail('billing_invoice_for_public_bodies');
      requirePlanFor(tenant, input.plan);
      await requireNotSubscribed(ctx, tenant.id, input.plan);
      const { plan, ...terms } = input;
      await stripeCall(ctx, 'invoice subscription', async () =>
        billing.subscribeByInvoice(await billingTenant(ctx), ctx.session.email, plan, terms),
      );
      return { ok: true as const };
    }),

  /** The Billing Portal (cards, cancellation). */
  portal: tenantProcedure
    .meta({ worksWhenReadOnly: true })
    .output(z.object({ url: z.string() }))
    .mutation(async ({ ctx }) => {
      const tenant = manager(ctx.tenant);
      const billing = billingOf(ctx);
      const url = await stripeCall(ctx, 'portal', async () =>
        billing.portal(await billingTenant(ctx), ctx.session.email, urlsOf(ctx, tenant), ctx.locale),
      );
      return { url };
    }),

  /** A region starts or stops paying for an active partner's plan. */
  setCoverage: tenantProcedure
    .input(z.object({ partner: z.uuid(), covered: z.boolean() }))
    .output(z.object({ covered: z.boolean() }))
    .mutation(async ({ ctx, input }) => {
      const tenant = manager(ctx.tenant);
      if (tenant.kind !== 'region') fail('billing_region_only');
      return ctx.db.tx(async (tx) => {
        const row = await tx.one<{ covered: boolean }>('select app.set_partner_coverage($1, $2, $3) as covered', [
          tenant.id,
          input.partner,
          input.covered,
        ]);
        return { covered: row!.covered };
      });
    }),
});
