/**
 * The sections of an offer description, in the order of the catalogue "Peer-støtte i Danmark"
 * (decision 027). Browser-safe (no imports), so the form, the catalogue page, the PDF and the API
 * all read the one list. Each text section is stored in Danish and English as `<column>_da` and
 * `<column>_en`; "how long" (a start year) and the scope figures sit between them.
 */
export const TEXT_SECTIONS = ['purpose', 'peerSupport', 'model', 'supervision', 'access', 'funding'] as const;
export type TextSection = (typeof TEXT_SECTIONS)[number];

/** The free-text note under the scope figures: bilingual like the sections, but shorter. */
export const BILINGUAL_FIELDS = [...TEXT_SECTIONS, 'scopeNote'] as const;
export type BilingualField = (typeof BILINGUAL_FIELDS)[number];

/** Where each part goes when the description is read out, as the seed orders its questions. */
export const READING_ORDER = [
  'purpose',
  'peerSupport',
  'history',
  'scope',
  'model',
  'supervision',
  'access',
  'funding',
] as const;
export type ReadingPart = (typeof READING_ORDER)[number];

export const OFFER_LANGUAGES = ['da', 'en'] as const;
export type OfferLanguage = (typeof OFFER_LANGUAGES)[number];

export type Bilingual = Record<OfferLanguage, string | null>;

/** The SQL column (without language) of a bilingual field: `peerSupport` -> `peer_support`. */
export const columnOf = (field: BilingualField) => field.replace(/[A-Z]/g, (c) => `_${c.toLowerCase()}`);

/** Limits the migration's checks hold too. */
export const SECTION_MAX = 4000;
export const SCOPE_NOTE_MAX = 1000;

/** A count from 1 to 4 is suppressed by the database (null); the UI shows it as "<5". */
export type ScopeFigures = {
  volunteers: number | null;
  participants: number | null;
  sessionsPerMonth: number;
  meetingsPerMonth: number;
};

/**
 * A text in the reader's language, or else in the other one, marked so the reader knows: the
 * catalogue shows what a partner wrote rather than nothing.
 */
export function inLanguage(text: Bilingual, reader: OfferLanguage): { text: string; language: OfferLanguage } | null {
  const other: OfferLanguage = reader === 'da' ? 'en' : 'da';
  if (text[reader]) return { text: text[reader], language: reader };
  if (text[other]) return { text: text[other], language: other };
  return null;
}

/** Years since the start year, as of `today` (0 in the first year). */
export const yearsSince = (startedYear: number, today = new Date()) => Math.max(0, today.getFullYear() - startedYear);
