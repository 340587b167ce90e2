import { randomBytes } from 'node:crypto';
import type express from 'express';
import type { Env } from '@brobygger/env';
import { isApiPath } from './api-response.ts';
import { sendPlainPage } from './plain-page.ts';
import type { Services } from './services.ts';

/**
 * The Content-Security-Policy for one response. Scripts only from here, inline ones only with
 * this response's nonce (production); in development Vite's own inline scripts and its HMR
 * socket need 'unsafe-inline' and ws:. Styles allow inline because AG Grid injects its theme at
 * run time. See docs/decisions/008-security-headers.md.
 */
export function contentSecurityPolicy(nonce: string, production: boolean): string {
  return [
    "default-src 'self'",
    production ? `script-src 'self' 'nonce-${nonce}'` : "script-src 'self' 'unsafe-inline'",
    "style-src 'self' 'unsafe-inline'",
    "img-src 'self' data: blob:",
    "font-src 'self' data:",
    production ? "connect-src 'self'" : "connect-src 'self' ws: wss:",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
    "form-action 'self'",
  ].join('; ');
}

/**
 * The policy of an API answer: JSON, never a document, so it may load and run nothing (as OWASP
 * advises for APIs). It has no nonce, and so costs no random bytes per answer.
 */
const API_CONTENT_SECURITY_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

/** Pages that show personal data, and the API that serves it: never kept in a cache. */
const PERSONAL = /^\/(w|api\/trpc|account)(\/|$)/;

/** Headers for every response; a page's nonce goes to Remix through `res.locals.cspNonce`. */
export function securityHeaders(env: Env): express.RequestHandler {
  const production = env.NODE_ENV === 'production';
  return (req, res, next) => {
    if (isApiPath(req.path)) {
      res.set('Content-Security-Policy', API_CONTENT_SECURITY_POLICY);
    } else {
      const nonce = randomBytes(16).toString('base64');
      res.locals.cspNonce = nonce;
      res.set('Content-Security-Policy', contentSecurityPolicy(nonce, production));
    }
    res.set('X-Content-Type-Options', 'nosniff');
    res.set('X-Frame-Options', 'DENY');
    res.set('Referrer-Policy', 'same-origin');
    if (production) {
      // Two years, as the HSTS preload list asks; production's APP_URL is https (packages/env).
      res.set('Strict-Transport-Security', 'max-age=63072000; includeSubDomains');
      if (PERSONAL.test(req.path)) res.set('Cache-Control', 'no-store');
    }
    next();
  };
}

const SAFE_METHODS = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * Refuses a state-changing request another site made the browser send: its Origin is not the
 * app's own, or (for a browser that sends no Origin) Sec-Fetch-Site says cross-site. SameSite=Lax
 * cookies already keep a session out of such requests; this also stops login CSRF, which needs no
 * session, and covers Remix actions as well as /api/trpc. Clients that are not browsers send
 * neither header and are let through: they cannot carry a victim's cookies anyway.
 */
export function sameOriginOnly(env: Env, services: Services): express.RequestHandler {
  const own = new URL(env.APP_URL).origin;
  return (req, res, next) => {
    if (SAFE_METHODS.has(req.method)) return next();
    const origin = req.get('origin');
    const site = req.get('sec-fetch-site');
    const foreign =
      origin !== undefined ? origin !== own : site !== undefined && site !== 'same-origin' && site !== 'none';
    if (!foreign) return next();
    sendPlainPage(req, res, services, 403, 'cross_site');
  };
}
