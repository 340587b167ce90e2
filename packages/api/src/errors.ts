import { TRPCError } from '@trpc/server';
import { DatabaseUnavailableError, raisedKey } from '@brobygger/db';
import { ERROR_CODES, isErrorKey, type ErrorKey } from './error-codes.ts';

export { ERROR_CODES, httpStatusOf, httpStatusOfKey, type ErrorKey } from './error-codes.ts';

/**
 * Errors carry an i18n key in `errors.json` as their message; the UI translates it. The key alone
 * decides the code (see ERROR_CODES), so one kind of failure always answers the same status.
 */
export const fail = (key: ErrorKey): never => {
  throw new TRPCError({ code: ERROR_CODES[key], message: `errors:${key}` });
};

const errorOf = (key: ErrorKey, cause: unknown) =>
  new TRPCError({ code: ERROR_CODES[key], message: `errors:${key}`, cause });

/** Translates what the database said into an error the caller can show. */
export function toTRPCError(error: unknown): unknown {
  if (error instanceof TRPCError) return error;
  if (error instanceof DatabaseUnavailableError) return errorOf('database_unavailable', error);
  // Database rules raise `<key>` with SQLSTATE P0001 (see the migrations).
  const key = raisedKey(error);
  if (key)
    return isErrorKey(key)
      ? errorOf(key, error)
      : new TRPCError({ code: 'BAD_REQUEST', message: `errors:${key}`, cause: error });
  const code = (error as { code?: string } | null)?.code;
  if (code === '42501') return errorOf('forbidden', error);
  // query_canceled (the request role's statement_timeout) and lock_not_available (its lock_timeout).
  if (code === '57014' || code === '55P03') return errorOf('database_timeout', error);
  // A lookup to a row deleted meanwhile (composite foreign keys keep lookups in the workspace).
  if (code === '23503') return errorOf('lookup_not_found', error);
  if (code === '23505') return errorOf('duplicate', error);
  // The migrations' per-column CPR checks are named <table>_<column>_no_cpr.
  const constraint = (error as { constraint?: string } | null)?.constraint;
  if (code === '23514' && constraint?.endsWith('_no_cpr')) return errorOf('cpr_not_allowed', error);
  return error;
}
