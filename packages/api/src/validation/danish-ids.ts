/**
 * Danish organisation numbers and workspace addresses, checked the same way in the browser (while
 * typing), in the API (zod) and, for CVR and EAN, in the database (check constraints in migration
 * `signup_workspace_lifecycle`, which mirror these). Browser-safe: no imports.
 */

/** CVR: eight digits whose weighted sum (weights 2,7,6,5,4,3,2,1) is divisible by 11. */
const CVR_WEIGHTS = [2, 7, 6, 5, 4, 3, 2, 1] as const;

export function isValidCvr(value: string): boolean {
  if (!/^[0-9]{8}$/.test(value)) return false;
  const sum = CVR_WEIGHTS.reduce((total, weight, i) => total + weight * Number(value[i]), 0);
  return sum % 11 === 0;
}

/**
 * EAN location number (GLN), as Danish public bodies use for e-invoices: thirteen digits, the last
 * a GS1 mod-10 check digit (from the right, the other digits weigh 3, 1, 3, 1 ...).
 */
export function isValidEan(value: string): boolean {
  if (!/^[0-9]{13}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.slice(0, 12).reduce((total, digit, i) => total + digit * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10 === digits[12];
}

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
