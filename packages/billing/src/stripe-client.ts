import Stripe from 'stripe';
import type { BillingConfig } from './config.ts';

/** The SDK, pointed at Stripe or, by host, port and protocol, at another address (the test fake). */
export function createStripeClient(config: Pick<BillingConfig, 'secretKey' | 'apiUrl'>): Stripe {
  if (!config.apiUrl) return new Stripe(config.secretKey);
  const url = new URL(config.apiUrl);
  return new Stripe(config.secretKey, {
    host: url.hostname,
    port: url.port || (url.protocol === 'https:' ? 443 : 80),
    protocol: url.protocol === 'https:' ? 'https' : 'http',
    // The fake answers at once; retries would only hide a test's mistake.
    maxNetworkRetries: 0,
  });
}
