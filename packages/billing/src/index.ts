export { billingConfig, type BillingConfig } from './config.ts';
export {
  createBilling,
  type Billing,
  type BillingTenant,
  type InvoiceSummary,
  type InvoiceTerms,
  type NextInvoice,
} from './service.ts';
export { loggingEInvoiceSender, type EInvoiceSender, type EInvoiceResult } from './e-invoice.ts';
export { isValidCvr, isValidEan } from './identifiers.ts';
export * from './plans.ts';
export type { WebhookOutcome } from './webhook.ts';
