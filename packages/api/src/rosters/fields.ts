import { z } from 'zod';

/**
 * Field schemas shared by the grid (cell validation in the browser) and the API (validation
 * again on the server). Every message is an i18n key in errors.json. This module depends only on
 * zod, so the browser can import it.
 */

// A Danish CPR number: ddmmyy-nnnn or ten digits. Participants' data must never hold one.
const CPR_LIKE = /(^|\D)[0-3]\d[01]\d\d{2}[- ]?\d{4}(\D|$)/;
export const looksLikeCpr = (value: string) => CPR_LIKE.test(value);

const noCpr = (schema: z.ZodString) => schema.refine((v) => !looksLikeCpr(v), 'errors:cpr_not_allowed');

/** Optional free text: blank becomes null. */
export const optionalText = (max: number) =>
  z.preprocess(
    (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
    noCpr(z.string().trim().max(max, 'errors:too_long')).nullable(),
  );

export const requiredText = (max: number) =>
  noCpr(z.string({ error: 'errors:required' }).trim().min(1, 'errors:required').max(max, 'errors:too_long'));

export const optionalEmail = z.preprocess(
  (v) => (typeof v === 'string' && v.trim() === '' ? null : v),
  z.string().trim().toLowerCase().pipe(z.email('errors:invalid_email').max(254)).nullable(),
);

/**
 * Whether YYYY-MM-DD names a day that exists (no 30 February). Arithmetic, not Date parsing:
 * five dates a row, 10,000 rows a save, in the browser and again on the server (~4x faster).
 */
export function isCalendarDate(value: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(value)) return false;
  const year = Number(value.slice(0, 4));
  const month = Number(value.slice(5, 7));
  const day = Number(value.slice(8, 10));
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const daysInMonth = [31, leap ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
  return year >= 1 && daysInMonth !== undefined && day >= 1 && day <= daysInMonth;
}

/** ISO calendar date (YYYY-MM-DD); the grid converts dd-mm-yyyy before it gets here. */
export const optionalDate = z.preprocess(
  (v) => (v === '' || v === undefined ? null : v),
  z.string().refine(isCalendarDate, 'errors:invalid_date').nullable(),
);

export const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  z.preprocess((v) => (v === '' || v === undefined ? null : v), z.enum(values, { error: 'errors:invalid_choice' }).nullable());

export const ZRowId = z.uuid();
export const ZRowVersion = z.number().int().positive().nullable();
