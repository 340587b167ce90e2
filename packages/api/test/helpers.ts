import { openWithRls, withRls } from '@brobygger/db';
import type { TestUser } from '@brobygger/db/testing';
import type { Mail } from '@brobygger/mail';
import { createCaller } from '../src/index.ts';
import type { Context } from '../src/context.ts';

/** A caller as the app builds it, for `user` (or anonymous), with mail captured instead of sent. */
export function callerFor(user: TestUser | null, locale: 'da' | 'en' = 'da', extra: Partial<Context> = {}) {
  const outbox: Mail[] = [];
  const ctx: Context = {
    session: user ? { userId: user.id, email: user.email, claims: user.claims } : null,
    db: {
      tx: (fn) => withRls(user?.claims ?? null, fn),
      open: (statement) => openWithRls(user?.claims ?? null, statement),
    },
    mailer: { send: async (mail) => void outbox.push(mail) },
    appUrl: 'http://localhost:3000',
    locale,
    log: () => {},
    ...extra,
  };
  return { api: createCaller(ctx), outbox, ctx };
}

export const tokenFrom = (mail: Mail | undefined) => mail?.text.match(/\/invite\/([A-Za-z0-9_-]+)/)?.[1] ?? '';
