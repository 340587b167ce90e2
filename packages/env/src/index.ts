import { z } from 'zod';

/**
 * The process environment, read and validated once. Everything else imports `getEnv()`
 * instead of touching `process.env`, so a missing variable fails at start-up with its name,
 * not later in a request.
 */
const ZEnv = z
  .object({
    NODE_ENV: z.enum(['development', 'production', 'test']).default('development'),
    PORT: z.coerce.number().int().positive().default(3000),
    /** Address to listen on; unset means every interface (a container behind a load balancer). */
    HOST: z.string().optional(),
    APP_URL: z.url().optional(),
    /**
     * How many reverse proxies (load balancer, ingress) stand between the internet and the app.
     * The client's address, which rate limits count, is taken that many hops from the right of
     * X-Forwarded-For; 0 (no proxy) uses the socket's address and ignores the header.
     */
    TRUSTED_PROXY_HOPS: z.coerce.number().int('must be a whole number').min(0, 'must be 0 or more').max(10).default(0),
    LOG_LEVEL: z.enum(['fatal', 'error', 'warn', 'info', 'debug', 'trace', 'silent']).default('info'),
    /** Where the embedded database and local secrets live when DATABASE_URL is not set. */
    DATA_DIR: z.string().default('.data'),
    EMBEDDED_PG_PORT: z.coerce.number().int().positive().default(54322),
    /**
     * Join the embedded database another process of the app keeps running in DATA_DIR instead of
     * starting one: `npm start`'s HTTP workers, and a second server in the two-process test.
     */
    EMBEDDED_ATTACH: z.enum(['true', 'false']).default('false'),
    /**
     * HTTP processes to serve with (node:cluster): one per CPU is the usual choice. The first
     * process migrates, seeds and runs the job queue's workers once; the others only answer requests.
     */
    WEB_CONCURRENCY: z.coerce.number().int('must be a whole number').min(1, 'must be 1 or more').max(64).default(1),
    /**
     * Connections each HTTP process keeps for the request path; a request holds one for its
     * transaction. 10 measured best under load-50 on 2 CPUs against 4 and 20 (packages/bench/
     * README.md). Size the pooler for it (docs/deploying.md).
     */
    DATABASE_POOL_MAX: z.coerce.number().int('must be a whole number').min(1, 'must be 1 or more').max(100).default(10),
    /** Request path: a role that can only `set role` to anon/authenticated. */
    DATABASE_URL: z.string().optional(),
    /** Privileged path: migrations, seed, webhooks, jobs. */
    DATABASE_ADMIN_URL: z.string().optional(),
    /** The local auth provider's role (`brobygger_auth`): auth.* tables and login attempts only. */
    DATABASE_AUTH_URL: z.string().optional(),
    SEED_DEMO: z.enum(['true', 'false']).optional(),
    /**
     * The production build as a local demo (`npm start`): embedded database with the demo
     * workspaces, mail to the log, plain http on localhost. Never for real data.
     */
    DEMO_MODE: z.enum(['true', 'false']).default('false'),
    AUTH_PROVIDER: z.enum(['local', 'supabase']).optional(),
    SESSION_SECRET: z.string().min(32, 'must be at least 32 characters').optional(),
    SUPABASE_URL: z.url().optional(),
    SUPABASE_ANON_KEY: z.string().optional(),
    SUPABASE_PUBLISHABLE_KEY: z.string().optional(),
    SMTP_URL: z.string().optional(),
    MAIL_FROM: z.string().default('Brobygger <no-reply@brobygger.local>'),
    /** Billing (docs/decisions/029): without a secret key billing is off and nothing calls Stripe. */
    STRIPE_SECRET_KEY: z.string().optional(),
    STRIPE_WEBHOOK_SECRET: z.string().optional(),
    /** The Stripe price of each paid plan (packages/billing/src/plans.ts). */
    STRIPE_PRICE_ASSOCIATION_MONTHLY: z.string().optional(),
    STRIPE_PRICE_MUNICIPALITY_ANNUAL: z.string().optional(),
    STRIPE_PRICE_REGION_ANNUAL: z.string().optional(),
    /** The 25 % Danish VAT (moms) tax rate every subscription carries. */
    STRIPE_TAX_RATE_ID: z.string().optional(),
    /** Another Stripe API address (a local fake in tests), e.g. http://127.0.0.1:12111. */
    STRIPE_API_URL: z.url().optional(),
  })
  .superRefine((env, ctx) => {
    const need = (name: keyof typeof env, why: string) => {
      if (!env[name]) ctx.addIssue({ code: 'custom', path: [name], message: `is required ${why}` });
    };
    if (env.DATABASE_URL) need('DATABASE_ADMIN_URL', 'when DATABASE_URL is set');
    if (env.DATABASE_ADMIN_URL) need('DATABASE_URL', 'when DATABASE_ADMIN_URL is set');
    const provider = env.AUTH_PROVIDER ?? (env.SUPABASE_URL ? 'supabase' : 'local');
    if (provider === 'supabase') {
      need('SUPABASE_URL', 'when AUTH_PROVIDER is supabase');
      if (!env.SUPABASE_ANON_KEY && !env.SUPABASE_PUBLISHABLE_KEY) {
        ctx.addIssue({
          code: 'custom',
          path: ['SUPABASE_ANON_KEY'],
          message: 'or SUPABASE_PUBLISHABLE_KEY is required when AUTH_PROVIDER is supabase',
        });
      }
    }
    const demoMode = env.DEMO_MODE === 'true';
    if (demoMode && env.DATABASE_URL) {
      ctx.addIssue({
        code: 'custom',
        path: ['DEMO_MODE'],
        message: 'works only with the embedded database (unset DATABASE_URL)',
      });
    }
    if (env.NODE_ENV === 'production' && !demoMode) {
      // Without SMTP, sign-in links and invitations would only reach the log.
      need('SMTP_URL', 'in production (or set DEMO_MODE=true for a local demo)');
      if (env.APP_URL && !env.APP_URL.startsWith('https://')) {
        ctx.addIssue({ code: 'custom', path: ['APP_URL'], message: 'must be https in production' });
      }
      need('APP_URL', 'in production (the https address people use)');
      const seeds = env.SEED_DEMO ? env.SEED_DEMO === 'true' : !env.DATABASE_URL;
      if (seeds) {
        ctx.addIssue({
          code: 'custom',
          path: ['SEED_DEMO'],
          message: 'must be false in production (demo users have a published password); DEMO_MODE=true is for demos',
        });
      }
    }
    if (env.STRIPE_SECRET_KEY) {
      for (const name of [
        'STRIPE_WEBHOOK_SECRET',
        'STRIPE_PRICE_ASSOCIATION_MONTHLY',
        'STRIPE_PRICE_MUNICIPALITY_ANNUAL',
        'STRIPE_PRICE_REGION_ANNUAL',
        'STRIPE_TAX_RATE_ID',
      ] as const)
        need(name, 'when STRIPE_SECRET_KEY is set');
    }
    if (provider === 'local' && env.DATABASE_URL)
      need('DATABASE_AUTH_URL', 'for the local auth provider with DATABASE_URL');
    if (provider === 'local' && env.NODE_ENV === 'production' && env.DATABASE_URL) {
      need('SESSION_SECRET', 'in production with an external database');
    }
  })
  .transform((env) => ({
    ...env,
    AUTH_PROVIDER: env.AUTH_PROVIDER ?? (env.SUPABASE_URL ? ('supabase' as const) : ('local' as const)),
    APP_URL: env.APP_URL ?? `http://localhost:${env.PORT}`,
    embeddedDatabase: !env.DATABASE_URL,
    demoMode: env.DEMO_MODE === 'true',
    seedDemo: env.SEED_DEMO ? env.SEED_DEMO === 'true' : !env.DATABASE_URL,
  }));

export type Env = z.infer<typeof ZEnv>;

export class EnvError extends Error {
  constructor(readonly problems: string[]) {
    super(`Invalid environment:\n${problems.map((p) => `  - ${p}`).join('\n')}`);
    this.name = 'EnvError';
  }
}

export function parseEnv(source: Record<string, string | undefined>): Env {
  // Empty strings count as unset, as they do in most .env tooling.
  const cleaned = Object.fromEntries(Object.entries(source).filter(([, v]) => v !== undefined && v !== ''));
  const result = ZEnv.safeParse(cleaned);
  if (!result.success) {
    throw new EnvError(result.error.issues.map((i) => `${i.path.join('.') || '(root)'} ${i.message}`));
  }
  return result.data;
}

let cached: Env | undefined;

export function getEnv(): Env {
  cached ??= parseEnv(process.env);
  return cached;
}

/** For tests and launchers that set variables after import. */
export function resetEnvCache(): void {
  cached = undefined;
}
