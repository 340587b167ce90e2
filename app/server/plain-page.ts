import type express from 'express';
import type { Services } from './services.ts';
import { translate } from '@brobygger/i18n';

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
      `<!doctype html><html lang="${locale}"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${title}</title></head>` +
        `<body><main><h1>${title}</h1><p>${text}</p><p><a href="/">${back}</a></p></main></body></html>`,
    );
}
