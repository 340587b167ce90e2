/**
 * Danish business identifiers, checked before they reach Stripe or an invoice. Browser-safe, so a
 * form can check while typing.
 */

/** A CVR number: eight digits whose weighted sum (2, 7, 6, 5, 4, 3, 2, 1) is divisible by 11. */
export function isValidCvr(value: string): boolean {
  if (!/^[0-9]{8}$/.test(value)) return false;
  const weights = [2, 7, 6, 5, 4, 3, 2, 1];
  const sum = [...value].reduce((total, digit, i) => total + Number(digit) * weights[i]!, 0);
  return sum % 11 === 0;
}

/**
 * An EAN location number (GLN): thirteen digits whose last is the GS1 check digit (weights 1 and 3
 * alternating from the left over the first twelve, then up to the next multiple of ten).
 */
export function isValidEan(value: string): boolean {
  if (!/^[0-9]{13}$/.test(value)) return false;
  const digits = [...value].map(Number);
  const sum = digits.slice(0, 12).reduce((total, digit, i) => total + digit * (i % 2 === 0 ? 1 : 3), 0);
  return (10 - (sum % 10)) % 10 === digits[12];
}

/** Stripe's tax id for a Danish VAT registration: `DK` and the CVR number (type `eu_vat`). */
export const euVatOf = (cvr: string) => ({ type: 'eu_vat' as const, value: `DK${cvr}` });
