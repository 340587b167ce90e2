import type { Billing } from '@brobygger/billing';
import type { Claims, OpenedTransaction, SqlText, Tx } from '@brobygger/db';
import type { Mailer } from '@brobygger/mail';
import type { Locale } from '@brobygger/i18n';
import type { JsonTextSplicer } from './json-text.ts';

export type CallerSession = { userId: string; email: string; claims: Claims };

/** What every procedure receives. `db.tx` is already bound to the caller's verified claims. */
export type Context = {
  session: CallerSession | null;
  db: {
    tx<T>(fn: (tx: Tx) => Promise<T>): Promise<T>;
    /**
     * Begins a transaction with its first read in one round trip (`openWithRls`): the workspace
     * lookup every workspace request starts with, which the request's work then continues.
     */
    open<R extends object>(statement: SqlText): Promise<OpenedTransaction<R>>;
  };
  mailer: Mailer;
  appUrl: string;
  locale: Locale;
  log: (level: 'info' | 'warn' | 'error', message: string, fields?: Record<string, unknown>) => void;
  /** Stripe billing; absent without Stripe keys, and then every workspace works without limits. */
  billing?: Billing | null;
  /**
   * Set by the HTTP endpoint only: lets a procedure return JSON text Postgres wrote, passed through
   * to the answer unparsed (json-text.ts). Absent for callers inside the server, which get values.
   */
  jsonText?: JsonTextSplicer;
};
