import { data, redirect, type AppLoadContext } from '@remix-run/node';
import { httpStatusOf } from '@brobygger/api/error-codes';

type Caller = Awaited<ReturnType<AppLoadContext['services']['callerFor']>>;

type TRPCLike = { name: string; code: Parameters<typeof httpStatusOf>[0]['code']; message: string; cause?: unknown };
const isTRPCError = (e: unknown): e is TRPCLike =>
  typeof e === 'object' && e !== null && (e as TRPCLike).name === 'TRPCError';

/**
 * The signed-in session, or null; also null while the database is down (checking a session
 * needs it), so the sign-in form and the 503 page still render.
 */
export async function sessionOrNull(request: Request, context: AppLoadContext) {
  try {
    return (await context.services.auth.getSession(request)).session;
  } catch (error) {
    if (error instanceof Error && error.name === 'DatabaseUnavailableError') return null;
    throw error;
  }
}

export async function caller(request: Request, context: AppLoadContext): Promise<Caller> {
  return context.services.callerFor(request, context.requestId);
}

/** Sign-in, coming back to the page asked for afterwards. */
function signInUrl(request: Request): string {
  const url = new URL(request.url);
  return `/login?redirectTo=${encodeURIComponent(url.pathname + url.search)}`;
}

/** For loaders: a signed-in caller, or a redirect to sign-in that comes back here afterwards. */
export async function requireCaller(
  request: Request,
  context: AppLoadContext,
): Promise<Caller & { session: NonNullable<Caller['session']> }> {
  const c = await caller(request, context);
  if (!c.session) {
    throw redirect(signInUrl(request));
  }
  return c as Caller & { session: NonNullable<Caller['session']> };
}

/**
 * Runs a loader's procedure calls and turns their errors into HTTP responses the shared error
 * boundary understands (404 page, 503 page), instead of a 500 with a stack trace. With the
 * loader's request, a session found ended comes back here after signing in again.
 */
export async function load<T>(fn: () => Promise<T>, request: Request): Promise<T> {
  try {
    return await fn();
  } catch (error) {
    if (isTRPCError(error)) {
      // A session ended elsewhere (signed out everywhere, password changed) is found out by the
      // request's own transaction: back to sign-in, as when there was no session at all.
      if (error.code === 'UNAUTHORIZED') throw redirect(signInUrl(request));
      throw new Response(error.message, { status: httpStatusOf(error) });
    }
    throw error;
  }
}

export type ActionResult<T = unknown> =
  | { ok: true; data: T; intent?: string }
  | {
      ok: false;
      /** The HTTP status the action should answer with (from the API's error table). */
      status: number;
      error: string;
      fieldErrors?: Record<string, string[] | undefined>;
      intent?: string;
      values?: Record<string, unknown>;
    };

/**
 * Runs an action's procedure call; expected failures (4xx) come back as a translated message key
 * and their status. A 5xx is not the user's to fix: it goes to the error boundary (503 page).
 */
export async function act<T>(fn: () => Promise<T>, intent?: string): Promise<ActionResult<T>> {
  try {
    return { ok: true, data: await fn(), intent };
  } catch (error) {
    if (!isTRPCError(error)) throw error;
    const status = httpStatusOf(error);
    if (error.code === 'INTERNAL_SERVER_ERROR') throw error;
    if (status >= 500) throw new Response(error.message, { status });
    const issues = (error.cause as { issues?: ZodIssueLike[] } | undefined)?.issues;
    if (error.code === 'BAD_REQUEST' && Array.isArray(issues)) {
      return { ok: false, status, error: 'errors:invalid_input', fieldErrors: fieldErrorsOf(issues), intent };
    }
    return { ok: false, status, error: error.message, intent };
  }
}

/** The HTTP status of an action's answer. */
export const statusOf = (result: ActionResult) => (result.ok ? 200 : result.status);

type ZodIssueLike = { path: PropertyKey[]; message: string };

/** Our schemas name an i18n key as each issue's message; anything else gets the generic one. */
function fieldErrorsOf(issues: ZodIssueLike[]): Record<string, string[]> {
  const out: Record<string, string[]> = {};
  for (const issue of issues) {
    const key = String(issue.path[0] ?? '_');
    (out[key] ??= []).push(issue.message.startsWith('errors:') ? issue.message : 'errors:invalid_input');
  }
  return out;
}

/** What a sign-in form's action answers when it fails: a message key, its values, the e-mail typed. */
export type AuthFormError = { error: string; values?: Record<string, number>; email: string; sent?: false };

/**
 * "Too many attempts" as a form's answer: 429, with Retry-After and `slowedKey`'s message saying how
 * long (`values.count`), or `answer` as it is when the provider does not tell (Supabase Auth).
 */
export function tooManyAttempts<T extends { error?: string; values?: Record<string, number> }>(
  answer: T,
  retryAfterSeconds: number | undefined,
  slowedKey: string,
) {
  if (retryAfterSeconds === undefined) return data<T>(answer, { status: 429 });
  return data<T>(
    { ...answer, error: slowedKey, values: { count: retryAfterSeconds } },
    { status: 429, headers: { 'Retry-After': String(retryAfterSeconds) } },
  );
}

/** A sign-in form's "too many attempts", with the e-mail typed. */
export const slowedDown = (retryAfterSeconds: number | undefined, key: string, email: string) =>
  tooManyAttempts<AuthFormError>({ error: 'auth:rate_limited', email }, retryAfterSeconds, key);
