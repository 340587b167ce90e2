import { randomUUID } from 'node:crypto';
import { TRPCError } from '@trpc/server';
import { createCaller, httpStatusOf, toTRPCError, type Context } from '@brobygger/api';
import { createAuthProvider, SIGN_IN_LINK_MINUTES, type AuthProvider, type Session } from '@brobygger/auth';
import { withRls } from '@brobygger/db';
import type { Env } from '@brobygger/env';
import { LOCALE_COOKIE, pickLocale, translate } from '@brobygger/i18n';
import { createMailer } from '@brobygger/mail';
import { parse } from 'cookie';
import type { Logger } from './logger.ts';

/**
 * Everything with state (pools, auth provider, mailer) is built here once and handed to Remix
 * through the load context. Route modules are bundled by Vite and must not keep their own copies.
 */
export function createServices(env: Env, logger: Logger) {
  const auth: AuthProvider = createAuthProvider(env);
  const mailer = createMailer({
    smtpUrl: env.SMTP_URL,
    from: env.MAIL_FROM,
    log: (message, fields) => logger.info({ mail: fields }, message),
  });

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
    const { session, headers } = fresh ? { session: fresh, headers: new Headers() } : await auth.getSession(request);
    const log = logger.child({ requestId, user: session?.userId });
    const ctx: Context = {
      session,
      db: { tx: (fn) => withRls(session?.claims ?? null, fn) },
      mailer,
      appUrl: env.APP_URL,
      locale: localeOf(request),
      log: (level, message, fields) => log[level](fields ?? {}, message),
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
   * The local provider hands the link back for our mailer; Supabase Auth mails its own.
   */
  async function requestSignInLink(request: Request, email: string) {
    const result = await auth.requestSignInLink(request, email, `${env.APP_URL}/auth/confirm`);
    if (!result.ok || !result.mail) return result;
    const t = translate(localeOf(request));
    try {
      await mailer.send({
        to: result.mail.to,
        subject: t('mail:signInLink.subject'),
        text: t('mail:signInLink.body', { link: result.mail.link, minutes: SIGN_IN_LINK_MINUTES }),
      });
    } catch (error) {
      // The mail server refusing is "try again later" for the user, and an error for us.
      logger.error({ err: error }, 'sign-in link mail failed');
      return { ok: false as const, reason: 'unavailable' as const };
    }
    return { ok: true as const };
  }

  return {
    auth,
    contextFor,
    callerFor,
    localeOf,
    requestSignInLink,
    authProvider: auth.kind,
    logger,
    appUrl: env.APP_URL,
  };
}

export type Services = ReturnType<typeof createServices>;
