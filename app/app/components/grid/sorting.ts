import type { Locale } from '@brobygger/i18n';

/**
 * How the grid orders text: case-insensitively, in the UI language's alphabet. Danish puts æ, ø
 * and å after z (and reads "aa" as å, as Danish dictionaries do); English sorts them among the
 * other letters. Accents still break ties, so "e" and "é" keep a stable order.
 */
const collators = new Map<Locale, Intl.Collator>();

export function textCollator(locale: Locale): Intl.Collator {
  let collator = collators.get(locale);
  if (!collator) {
    collator = new Intl.Collator(locale === 'da' ? 'da-DK' : 'en-GB', { sensitivity: 'base', numeric: true });
    collators.set(locale, collator);
  }
  return collator;
}

const isBlank = (text: string | null | undefined) => text == null || text.trim() === '';

/**
 * An AG Grid comparator for text as the user reads it. Blank cells go last in both directions,
 * as in Excel: AG Grid reverses the result for a descending sort, so the blank side is flipped
 * back. Numbers inside text compare by value ("Hold 9" before "Hold 10").
 */
export function compareText(locale: Locale) {
  const collator = textCollator(locale);
  return (a: string | null | undefined, b: string | null | undefined, isDescending = false): number => {
    const blankA = isBlank(a);
    const blankB = isBlank(b);
    if (blankA || blankB) return blankA === blankB ? 0 : (blankA ? 1 : -1) * (isDescending ? -1 : 1);
    return collator.compare(a!, b!);
  };
}
