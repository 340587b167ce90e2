import { spawn } from 'node:child_process';
import { mkdirSync, openSync, rmSync } from 'node:fs';
import path from 'node:path';
import { PRICES, startFakeStripe, TAX_RATE, WEBHOOK_SECRET, type FakeStripe } from '@brobygger/billing/testing';
import { E2E } from '../env.ts';

/**
 * A second server with billing on, for billing-on.spec.ts only: the production build on its own
 * embedded database, its Stripe SDK pointed at a local fake (packages/billing/test/fake-stripe.ts)
 * that runs in the test worker, so a test can read what "Stripe" received. Every other spec keeps
 * the main e2e server, which has no Stripe keys (billing off).
 */
export const BILLING_E2E = {
  port: Number(process.env.E2E_BILLING_PORT ?? E2E.port + 1),
  pgPort: Number(process.env.E2E_BILLING_PG_PORT ?? E2E.pgPort + 1),
  stripePort: Number(process.env.E2E_STRIPE_PORT ?? 0),
  get baseUrl() {
    return `http://localhost:${this.port}`;
  },
  get dataDir() {
    return path.join(E2E.repoRoot, `.data/e2e-billing-${this.port}`);
  },
};

export type BillingServer = { dataDir: string; pgPort: number; stripe: FakeStripe; stop: () => Promise<void> };

async function waitUntilReady(url: string, exited: () => boolean) {
  const deadline = Date.now() + 180_000;
  while (Date.now() < deadline) {
    if (exited()) throw new Error(`the billing server stopped while starting; see ${BILLING_E2E.dataDir}/server.log`);
    const ready = await fetch(url).then(
      (r) => r.ok,
      () => false,
    );
    if (ready) return;
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error(`the billing server did not answer ${url} within 3 minutes`);
}

export async function startBillingServer(): Promise<BillingServer> {
  const stripe = await startFakeStripe({ port: BILLING_E2E.stripePort });
  const { dataDir, pgPort, port } = { ...BILLING_E2E, dataDir: BILLING_E2E.dataDir };
  rmSync(dataDir, { recursive: true, force: true });
  mkdirSync(dataDir, { recursive: true });
  const log = openSync(path.join(dataDir, 'server.log'), 'a');
  // What `npm run serve -w app` runs, without npm in between: the signal to stop reaches the server,
  // which stops its embedded Postgres before it exits.
  const server = spawn(path.join(E2E.repoRoot, 'node_modules/.bin/tsx'), ['server/main.ts'], {
    cwd: path.join(E2E.repoRoot, 'app'),
    stdio: ['ignore', log, log],
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      DATA_DIR: dataDir,
      EMBEDDED_PG_PORT: String(pgPort),
      DEMO_MODE: 'true',
      // The tests make their own workspaces; the demo data would only slow the start.
      SEED_DEMO: 'false',
      LOG_LEVEL: 'info',
      STRIPE_SECRET_KEY: 'sk_test_e2e',
      STRIPE_WEBHOOK_SECRET: WEBHOOK_SECRET,
      STRIPE_PRICE_ASSOCIATION_MONTHLY: PRICES.association_monthly,
      STRIPE_PRICE_MUNICIPALITY_ANNUAL: PRICES.municipality_annual,
      STRIPE_PRICE_REGION_ANNUAL: PRICES.region_annual,
      STRIPE_TAX_RATE_ID: TAX_RATE,
      STRIPE_API_URL: stripe.url,
    },
  });
  let exited = false;
  const gone = new Promise<void>((resolve) =>
    server.on('exit', () => {
      exited = true;
      resolve();
    }),
  );
  const stop = async () => {
    if (!exited) server.kill('SIGTERM');
    await Promise.race([gone, new Promise((r) => setTimeout(r, 30_000))]);
    await stripe.close();
  };
  try {
    await waitUntilReady(`${BILLING_E2E.baseUrl}/readyz`, () => exited);
  } catch (error) {
    await stop();
    throw error;
  }
  return { dataDir, pgPort, stripe, stop };
}
