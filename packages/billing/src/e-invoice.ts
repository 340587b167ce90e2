import type Stripe from 'stripe';

/**
 * The seam for e-invoices (docs/decisions/030). Danish public bodies receive invoices as
 * OIOUBL/Peppol documents addressed to their EAN location number, which Stripe cannot send. When a
 * public body's invoice is finalized, the webhook hands it here; a provider that delivers through
 * NemHandel or a Peppol access point implements this interface.
 */
export type EInvoiceResult = { status: 'sent'; reference: string } | { status: 'skipped'; reason: string };

export interface EInvoiceSender {
  /** Delivers the finalized invoice to the buyer's EAN. Must be idempotent by `invoice.id`: a retried webhook may call it again. */
  send(invoice: Stripe.Invoice, buyerEan: string): Promise<EInvoiceResult>;
}

/** Until a provider is contracted: say what would have been sent, and send nothing. */
export function loggingEInvoiceSender(log: (message: string, fields: Record<string, unknown>) => void): EInvoiceSender {
  return {
    async send(invoice, buyerEan) {
      log('e-invoice not sent: no e-invoicing provider configured', {
        invoice: invoice.id,
        number: invoice.number,
        ean: buyerEan,
        total: invoice.total,
      });
      return { status: 'skipped', reason: 'no_provider' };
    },
  };
}
