import * as z from 'zod/mini';

/**
 * Field schemas shared by the grid (cell validation in the browser) and the API (validation
 * again on the server). Every message is an i18n key in errors.json. This module depends only on
 * zod's tree-shakable `zod/mini` form, so the browser can import it cheaply (docs/decisions/017);
 * server-only schemas (the save input) use classic zod and accept these as parts.
 */

/** zod's `preprocess` for `zod/mini`: `fn` runs on the raw input before `schema` checks it. */
export const preprocess = <T extends z.ZodMiniType>(fn: (value: unknown) => unknown, schema: T) =>
  z.pipe(z.transform(fn), schema);

const blankTextToNull = (v: unknown) => (typeof v === 'string' && v.trim() === '' ? null : v);

// A Danish CPR number: ddmmyy-nnnn or ten digits. Participants' data must never hold one.
const CPR_LIKE = /(^|\D)[0-3]\d[01]\d\d{2}[- ]?\d{4}(\D|$)/;
export const looksLikeCpr = (value: string) => CPR_LIKE.test(value);

const noCpr = z.refine<string>((v) => !looksLikeCpr(v), 'errors:cpr_not_allowed');

/** Optional free text: blank becomes null. */
export const optionalText = (max: number) =>
  preprocess(blankTextToNull, z.nullable(z.string().check(z.trim(), z.maxLength(max, 'errors:too_long'), noCpr)));

export const requiredText = (max: number) =>
  z
    .string({ error: 'errors:required' })
    .check(z.trim(), z.minLength(1, 'errors:required'), z.maxLength(max, 'errors:too_long'), noCpr);

export const optionalEmail = preprocess(
  blankTextToNull,
  z.nullable(
    z.pipe(z.string().check(z.trim(), z.toLowerCase()), z.email('errors:invalid_email').check(z.maxLength(254))),
  ),
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
export const optionalDate = preprocess(
  (v) => (v === '' || v === undefined ? null : v),
  z.nullable(z.string().check(z.refine(isCalendarDate, 'errors:invalid_date'))),
);

export const optionalEnum = <T extends readonly [string, ...string[]]>(values: T) =>
  preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z.nullable(z.enum(values, { error: 'errors:invalid_choice' })),
  );

export const ZRowId = z.uuid();
export const ZRowVersion = z.nullable(z.int().check(z.positive()));
