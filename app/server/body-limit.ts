import type express from 'express';
import { sendPlainPage } from './plain-page.ts';
import type { Services } from './services.ts';

/** Forms are small; anything bigger is a mistake or an attack. /api/trpc has its own limit. */
export const FORM_BODY_LIMIT = 64 * 1024;

/**
 * Refuses request bodies over the limit before Remix reads them. Node's parser holds a body to
 * its Content-Length, so the header can be trusted; a body streamed without one (which browsers
 * never send for forms) could be of any size and is refused with 411.
 */
export function formBodyLimit(services: Services): express.RequestHandler {
  return (req, res, next) => {
    if (req.method === 'GET' || req.method === 'HEAD') return next();
    const length = req.get('content-length');
    if (length === undefined) {
      if (req.get('transfer-encoding') === undefined) return next();
      return sendPlainPage(req, res, services, 411, 'payload_too_large');
    }
    if (Number(length) > FORM_BODY_LIMIT) return sendPlainPage(req, res, services, 413, 'payload_too_large');
    next();
  };
}
