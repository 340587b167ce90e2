import type { Env } from '@brobygger/env';
import type { PaidPlan } from './plans.ts';

/** Billing's settings; `null` from `billingConfig` means billing is off. */
export type BillingConfig = {
  secretKey: string;
  webhookSecret: string;
  prices: Record<PaidPlan, string>;
  taxRateId: string;
  /** Another API address than Stripe's (the local fake in tests). */
  apiUrl?: string;
};

type StripeEnv = Pick<
  Env,
  | 'STRIPE_SECRET_KEY'
  | 'STRIPE_WEBHOOK_SECRET'
  | 'STRIPE_PRICE_ASSOCIATION_MONTHLY'
  | 'STRIPE_PRICE_MUNICIPALITY_ANNUAL'
  | 'STRIPE_PRICE_REGION_ANNUAL'
  | 'STRIPE_TAX_RATE_ID'
  | 'STRIPE_API_URL'
>;

/**
 * Billing is on only with a Stripe secret key (the environment check requires the rest with it).
 * The embedded default has none: every workspace works without limits and nothing calls Stripe.
 */
export function billingConfig(env: StripeEnv): BillingConfig | null {
  if (!env.STRIPE_SECRET_KEY) return null;
  return {
    secretKey: env.STRIPE_SECRET_KEY,
    webhookSecret: env.STRIPE_WEBHOOK_SECRET ?? '',
    prices: {
      association_monthly: env.STRIPE_PRICE_ASSOCIATION_MONTHLY ?? '',
      municipality_annual: env.STRIPE_PRICE_MUNICIPALITY_ANNUAL ?? '',
      region_annual: env.STRIPE_PRICE_REGION_ANNUAL ?? '',
    },
    taxRateId: env.STRIPE_TAX_RATE_ID ?? '',
    apiUrl: env.STRIPE_API_URL,
  };
}
