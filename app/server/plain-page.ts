import type express from 'express';
import type { Services } from './services.ts';
import { translate } from '@brobygger/i18n';

/** Enough to look like the app's auth card, without its bundled stylesheet (hashed by the build). */
const STYLE =
  'body{margin:0;min-height:100vh;display:grid;place-items:center;background:#f5f7fa;color:#1a2233;' +
  'font:16px/1.5 system-ui,sans-serif}main{max-width:26rem;margin:1rem;padding:2rem;background:#fff;' +
  'border:1px solid #d9dee7;border-radius:12px}h1{font-size:1.5rem;margin:0 0 .75rem}a{color:#1d5f8a}';

const escape = (s: string) =>
  s.replace(/[&<>"']/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' })[c]!);

/**
 * A small page for the refusals the server answers before Remix runs (too large, wrong origin),
 * in the reader's language, with a way back. `key` names `{ title, text }` in the errors catalogue.
 */
export function sendPlainPage(
  req: express.Request,
  res: express.Response,
  services: Services,
  status: number,
  key: string,
): void {
  const locale = services.localeOf(new Request('http://local/', { headers: req.headers as Record<string, string> }));
  const t = translate(locale);
  const title = escape(t(`errors:${key}.title`));
  const text = escape(t(`errors:${key}.text`));
  const back = escape(t('errors:back'));
  res
    .status(status)
    .type('html')
    .set('Cache-Control', 'no-store')
    .send(
      `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title><style>${STYLE}</style></head>` +
        `<body><main><h1>${title}</h1><p>${text}</p><p><a href="/">${back}</a></p></main></body></html>`,
    );
}
