import { isValidEan } from '@brobygger/billing/identifiers';
import { PAID_PLANS, PAYMENT_TERMS_DAYS, type PaidPlan } from '@brobygger/billing/plans';
import { z } from 'zod';

export const ZPaidPlan = z.enum(PAID_PLANS as [PaidPlan, ...PaidPlan[]]);

export const ZInvoiceTerms = z.object({
  ean: z.string().trim().refine(isValidEan, 'errors:invalid_ean'),
  orderReference: z.string().trim().min(1, 'errors:order_reference_required').max(100),
  paymentTermsDays: z.union(PAYMENT_TERMS_DAYS.map((d) => z.literal(d))),
});

const ZInvoice = z.object({
  id: z.string(),
  number: z.string().nullable(),
  status: z.string().nullable(),
  total: z.number(),
  currency: z.string(),
  created: z.string(),
  url: z.string().nullable(),
});

const ZPartner = z.object({ tenantId: z.string(), name: z.string(), covered: z.boolean() });

/** Everything the billing page shows; `enabled: false` when the server has no Stripe keys. */
export const ZBillingPage = z.discriminatedUnion('enabled', [
  z.object({ enabled: z.literal(false) }),
  z.object({
    enabled: z.literal(true),
    kind: z.enum(['municipality', 'association', 'region']),
    plan: z.string(),
    status: z.string().nullable(),
    currentPeriodEnd: z.string().nullable(),
    graceEndsAt: z.string().nullable(),
    locksWrites: z.boolean(),
    activeParticipants: z.number(),
    participantLimit: z.number().nullable(),
    choosablePlans: z.array(ZPaidPlan),
    paysByInvoice: z.boolean(),
    invoiceDetails: z.object({
      collectionMethod: z.string(),
      paymentTermsDays: z.number().nullable(),
      ean: z.string().nullable(),
      orderReference: z.string().nullable(),
    }),
    nextInvoice: z.object({ total: z.number(), currency: z.string(), date: z.string().nullable() }).nullable(),
    invoices: z.array(ZInvoice),
    /** Stripe could not be reached: the page shows what the database knows. */
    invoicesUnavailable: z.boolean(),
    coveredBy: z.string().nullable(),
    /** For a region: its active partners, and whether it covers each one's plan. */
    partners: z.array(ZPartner),
  }),
]);
export type BillingPage = z.infer<typeof ZBillingPage>;

/** What the workspace layout needs for the past-due banner. */
export const ZBillingStatus = z.object({
  pastDue: z.boolean(),
  graceEndsAt: z.string().nullable(),
  locksWrites: z.boolean(),
});
