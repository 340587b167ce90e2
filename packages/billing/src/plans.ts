/**
 * The plans, named once (docs/decisions/029). Browser-safe: no Stripe, no environment; the price
 * of each paid plan is a Stripe price id from the environment (`STRIPE_PRICE_*`, see config.ts),
 * and VAT (moms, 25 %) is added by the tax rate on the subscription.
 */
export type TenantKind = 'municipality' | 'association' | 'region';

/** A workspace with no subscription is on the free tier, up to this many active participants. */
export const FREE_TIER_ACTIVE_PARTICIPANTS = 25;

export const PLANS = {
  free: {
    interval: null,
    kinds: ['association', 'municipality', 'region'],
    activeParticipants: FREE_TIER_ACTIVE_PARTICIPANTS,
  },
  association_monthly: { interval: 'month', kinds: ['association'], activeParticipants: null },
  municipality_annual: { interval: 'year', kinds: ['municipality'], activeParticipants: null },
  region_annual: { interval: 'year', kinds: ['region'], activeParticipants: null },
} as const satisfies Record<
  string,
  { interval: 'month' | 'year' | null; kinds: readonly TenantKind[]; activeParticipants: number | null }
>;

export type PlanName = keyof typeof PLANS;
export type PaidPlan = Exclude<PlanName, 'free'>;
export const PAID_PLANS = Object.keys(PLANS).filter((p) => p !== 'free') as PaidPlan[];

export const isPlanName = (value: unknown): value is PlanName =>
  typeof value === 'string' && Object.hasOwn(PLANS, value);

/** The paid plans a kind of workspace may choose. */
export const plansFor = (kind: TenantKind): PaidPlan[] =>
  PAID_PLANS.filter((plan) => (PLANS[plan].kinds as readonly TenantKind[]).includes(kind));

/**
 * The plan whose limits apply: the subscription's while it is in good standing or within its grace
 * period, otherwise the free tier. (A lapsed subscription locks writes anyway; see entitlements.)
 */
export function effectivePlan(plan: string | null, status: string | null): PlanName {
  const live = status === 'active' || status === 'trialing' || status === 'past_due';
  return live && isPlanName(plan) ? plan : 'free';
}

/** How many active participants the plan allows; null: no limit. */
export const activeParticipantLimit = (plan: PlanName): number | null => PLANS[plan].activeParticipants;

/** Public bodies pay by invoice: municipalities and regions. */
export const paysByInvoice = (kind: TenantKind): boolean => kind !== 'association';

/** Payment terms a public body may ask for on its invoices, in days. */
export const PAYMENT_TERMS_DAYS = [14, 30, 60] as const;
