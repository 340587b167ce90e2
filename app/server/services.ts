import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import {
  createCaller,
  deleteClosedWorkspaces,
  httpStatusOf,
  runRetention,
  toTRPCError,
  type Context,
} from '@brobygger/api';
import { billingConfig, createBilling, type Billing } from '@brobygger/billing';
import {
  createAuthProvider,
  SIGN_IN_LINK_MINUTES,
  type AuthProvider,
  type Registration,
  type Session,
} from '@brobygger/auth';
import { openWithRls, withRls } from '@brobygger/db';
import type { Env } from '@brobygger/env';
import { LOCALE_COOKIE, pickLocale, translate } from '@brobygger/i18n';
import type { JobQueue } from '@brobygger/jobs';
import { createMailer, type Mailer } from '@brobygger/mail';
import { parse } from 'cookie';
import type { Logger } from './logger.ts';

/**
 * Everything with state (pools, auth provider, mailer) is built here once and handed to Remix
 * through the load context. Route modules are bundled by Vite and must not keep their own copies.
 */
export function createServices(env: Env, logger: Logger, jobs: JobQueue) {
  const auth: AuthProvider = createAuthProvider(env);
  const smtp = createMailer({
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM,
    log: (message, fields) => logger.info({ mail: fields }, message),
  });
  // The API's mail goes through the queue: a slow or refusing mail server neither holds up nor
  // fails the request, and the message is retried until it is sent.
  const mailer: Mailer = { send: (mail) => jobs.send('mail', mail) };
  const confirmUrl = `${env.APP_URL}/auth/confirm`;
  // Without Stripe keys billing is off: no limits, and nothing calls Stripe (docs/decisions/029).
  const billingSettings = billingConfig(env);
  const billing: Billing | null = billingSettings
    ? createBilling(billingSettings, { log: (level, message, fields) => logger[level](fields ?? {}, message) })
    : null;
  const signupConfirmUrl = `${env.APP_URL}/signup/confirm`;

  function localeOf(request: Request) {
    return pickLocale(
      parse(request.headers.get('cookie') ?? '')[LOCALE_COOKIE],
      request.headers.get('accept-language'),
    );
  }

  /** Verifies the session and builds the tRPC context for one request. */
  async function contextFor(
    request: Request,
    requestId: string,
    /** A session just created in this request (sign-up), whose cookie the request does not carry yet. */
    fresh?: Session,
  ): Promise<{ ctx: Context; headers: Headers }> {
    // The session is proved live by each of the request's RLS transactions, as their first
    // statement, rather than by a transaction of its own first (docs/decisions/033).
    const { session, headers } = fresh
      ? { session: fresh, headers: new Headers() }
      : await (auth.readSession ? auth.readSession(request) : auth.getSession(request));
    const log = logger.child({ requestId, user: session?.userId });
    // Proved once per request, like the separate check it replaces: by its first transaction
    // (or first ones, when they run side by side), not again by each one after it.
    let unproved = session?.liveSession;
    const proving = async <T>(run: () => Promise<T>): Promise<T> => {
      const result = await run();
      unproved = undefined;
      return result;
    };
    const ctx: Context = {
      session,
      db: {
        tx: async (fn) => proving(() => withRls(session?.claims ?? null, fn, { liveSession: unproved })),
        open: async (statement) =>
          proving(() => openWithRls(session?.claims ?? null, statement, { liveSession: unproved })),
      },
      mailer,
      appUrl: env.APP_URL,
      locale: localeOf(request),
      log: (level, message, fields) => log[level](fields ?? {}, message),
      billing,
    };
    return { ctx, headers };
  }

  /**
   * The server-side caller loaders and actions use: the same procedures as /api/trpc. A session
   * that cannot be checked because the database is down becomes the 503 page.
   */
  async function callerFor(request: Request, requestId: string = randomUUID(), fresh?: Session) {
    const { ctx, headers } = await contextFor(request, requestId, fresh).catch((error: unknown) => {
      const translated = toTRPCError(error);
      if (translated instanceof TRPCError) throw new Response(translated.message, { status: httpStatusOf(translated) });
      throw error;
    });
    return { api: createCaller(ctx), session: ctx.session, headers, locale: ctx.locale };
  }

  /**
   * "Forgot your password": a single-use sign-in link to the address, in the reader's language.
   * The local provider admits the attempt and leaves the link to the queue (`sign-in-link` below);
   * Supabase Auth mails its own.
   */
  async function requestSignInLink(request: Request, email: string) {
    const result = await auth.requestSignInLink(request, email, confirmUrl);
    if (!result.ok || !result.issue) return result;
    try {
      await jobs.send('sign-in-link', { email: result.issue.email, locale: localeOf(request) });
    } catch (error) {
      logger.error({ err: error }, 'sign-in link could not be queued');
      return { ok: false as const, reason: 'unavailable' as const };
    }
    return { ok: true as const };
  }

  /**
   * Sign-up without an invitation (decision 028): the account is created unconfirmed with the
   * workspace asked for, and the confirmation link is mailed from the queue in the reader's language.
   */
  async function register(request: Request, input: Registration) {
    const result = await auth.register(request, input, signupConfirmUrl);
    if (!result.ok || !result.issue) return result;
    try {
      await jobs.send('signup-confirmation', { email: result.issue.email, locale: input.locale });
    } catch (error) {
      logger.error({ err: error }, 'sign-up confirmation could not be queued');
      return { ok: false as const, reason: 'unavailable' as const };
    }
    return result;
  }

  /** Nightly, after the day's work: ended people past their workspace's retention are erased. */
  const RETENTION_CRON = '30 2 * * *';
  /** Nightly too: workspaces closed longer ago than the waiting period are deleted. */
  const CLOSED_WORKSPACES_CRON = '45 2 * * *';
  const jobLog = (level: 'info' | 'error', message: string, fields?: Record<string, unknown>) =>
    logger[level](fields ?? {}, message);

  /** The queue's workers in this process: they mail what the requests queued, and run retention. */
  async function startWorkers() {
    await jobs.work('retention', async () => {
      await runRetention(jobLog);
    });
    await jobs.schedule('retention', RETENTION_CRON, {});
    await jobs.work('closed-workspaces', async () => {
      await deleteClosedWorkspaces(jobLog);
    });
    await jobs.schedule('closed-workspaces', CLOSED_WORKSPACES_CRON, {});
    await jobs.work('mail', (mail) => smtp.send(mail));
    await jobs.work('sign-in-link', async ({ email, locale }) => {
      const link = await auth.issueSignInLink?.(email, confirmUrl);
      if (!link) return; // no account has the address: nothing to send, and nobody is told
      const t = translate(pickLocale(locale, null));
      await smtp.send({
        to: link.to,
        subject: t('mail:signInLink.subject'),
        text: t('mail:signInLink.body', { link: link.link, minutes: SIGN_IN_LINK_MINUTES }),
      });
    });
    await jobs.work('signup-confirmation', async ({ email, locale }) => {
      const link = await auth.issueSignInLink?.(email, signupConfirmUrl);
      if (!link) return;
      const t = translate(pickLocale(locale, null));
      await smtp.send({
        to: link.to,
        subject: t('mail:signupConfirmation.subject'),
        text: t('mail:signupConfirmation.body', { link: link.link, minutes: SIGN_IN_LINK_MINUTES }),
      });
    });
  }

  return {
    auth,
    billing,
    startWorkers,
    contextFor,
    callerFor,
    localeOf,
    requestSignInLink,
    register,
    authProvider: auth.kind,
    logger,
    appUrl: env.APP_URL,
  };
}

export type Services = ReturnType<typeof createServices>;
