import { startFakeStripe } from './fake-stripe.ts';

/**
 * The Stripe fake on its own, for trying the billing page locally without a Stripe account:
 *   tsx packages/billing/test/serve-fake-stripe.ts 12111
 * then start the app with STRIPE_API_URL=http://127.0.0.1:12111 and any STRIPE_* values (README).
 * Checkout and portal links lead to addresses that do not exist; the webhook is not called.
 */
const port = Number(process.argv[2] ?? 12111);
const fake = await startFakeStripe({ port, sampleInvoice: true });
console.log(`fake Stripe on ${fake.url}`);
