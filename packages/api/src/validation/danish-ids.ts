/**
 * Danish organisation numbers and workspace addresses, checked the same way in the browser (while
 * typing), in the API (zod) and, for CVR and EAN, in the database (check constraints in migration
 * `signup_workspace_lifecycle`, which mirror these). Browser-safe.
 */

// CVR (mod 11) and EAN (GS1 mod 10) are checked in the billing package, which this package depends
// on: billing checks them before a number reaches Stripe, and one copy of the arithmetic serves both.
export { isValidCvr, isValidEan } from '@brobygger/billing/identifiers';

/** The workspace's address in the product, as the `tenants.slug` check says. */
export const SLUG_PATTERN = /^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$/;
export const isValidSlug = (value: string): boolean => SLUG_PATTERN.test(value);

/** A slug suggested from a name: lower case, Danish letters spelled out, other runs as one dash. */
export function slugFrom(name: string): string {
  return name
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 50)
    .replace(/-+$/, '');
}

/** Spaces and dots people type inside numbers ("11 22 33 46") are not part of them. */
export const compactNumber = (value: string): string => value.replace(/[\s.-]/g, '');
