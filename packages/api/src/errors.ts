import { TRPCError } from '@trpc/server';
import { DatabaseUnavailableError, raisedKey } from '@brobygger/db';

/**
 * Errors carry an i18n key in `errors.json` as their message; the UI translates it. Database
 * rules raise `<key>` with SQLSTATE P0001 (see the migrations) and arrive here as the same keys.
 */
export const fail = (code: TRPCError['code'], key: string): never => {
  throw new TRPCError({ code, message: `errors:${key}` });
};

const RAISED_CODES: Record<string, TRPCError['code']> = {
  invitation_not_found: 'NOT_FOUND',
  invitation_used: 'CONFLICT',
  invitation_expired: 'BAD_REQUEST',
  invitation_email_mismatch: 'FORBIDDEN',
  last_owner: 'CONFLICT',
  only_owner_manages_owners: 'FORBIDDEN',
  not_signed_in: 'UNAUTHORIZED',
};

/** Translates what the database said into an error the caller can show. */
export function toTRPCError(error: unknown): unknown {
  if (error instanceof TRPCError) return error;
  if (error instanceof DatabaseUnavailableError) {
    return new TRPCError({ code: 'SERVICE_UNAVAILABLE', message: 'errors:database_unavailable', cause: error });
  }
  const key = raisedKey(error);
  if (key) return new TRPCError({ code: RAISED_CODES[key] ?? 'BAD_REQUEST', message: `errors:${key}`, cause: error });
  const code = (error as { code?: string } | null)?.code;
  if (code === '42501') return new TRPCError({ code: 'FORBIDDEN', message: 'errors:forbidden', cause: error });
  if (code === '23505') return new TRPCError({ code: 'CONFLICT', message: 'errors:duplicate', cause: error });
  // The migrations' per-column CPR checks are named <table>_<column>_no_cpr.
  const constraint = (error as { constraint?: string } | null)?.constraint;
  if (code === '23514' && constraint?.endsWith('_no_cpr')) {
    return new TRPCError({ code: 'BAD_REQUEST', message: 'errors:cpr_not_allowed', cause: error });
  }
  return error;
}
