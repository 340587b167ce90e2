import { BILINGUAL_FIELDS, columnOf, OFFER_LANGUAGES, type Bilingual, type BilingualField } from './sections.ts';
import type { OfferContent } from './schemas.ts';

/** The bilingual columns in the order the SQL below lists them: purpose_da, purpose_en, ... */
export const BILINGUAL_COLUMNS = BILINGUAL_FIELDS.flatMap((field) =>
  OFFER_LANGUAGES.map((language) => `${columnOf(field)}_${language}`),
);

/** Every column the form writes, in the order of `contentValues`. */
export const CONTENT_COLUMNS = [
  'name',
  'municipality',
  'started_year',
  ...BILINGUAL_COLUMNS,
  'contact_name',
  'contact_email',
  'contact_phone',
  'website',
];

export function contentValues(offer: OfferContent): unknown[] {
  return [
    offer.name,
    offer.municipality,
    offer.startedYear,
    ...BILINGUAL_FIELDS.flatMap((field) => OFFER_LANGUAGES.map((language) => offer.sections[field][language])),
    offer.contact.name,
    offer.contact.email,
    offer.contact.phone,
    offer.contact.website,
  ];
}

export type OfferRow = Record<string, unknown> & {
  name: string;
  municipality: string | null;
  started_year: number | null;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  website: string | null;
  published_at: Date | null;
  version: number;
};

/** A row of public.offer_descriptions as the API hands it out. */
export function offerOf(row: OfferRow) {
  const sections = Object.fromEntries(
    BILINGUAL_FIELDS.map((field) => [
      field,
      Object.fromEntries(OFFER_LANGUAGES.map((l) => [l, (row[`${columnOf(field)}_${l}`] as string | null) ?? null])),
    ]),
  ) as Record<BilingualField, Bilingual>;
  return {
    name: row.name,
    municipality: row.municipality,
    startedYear: row.started_year,
    sections,
    contact: { name: row.contact_name, email: row.contact_email, phone: row.contact_phone, website: row.website },
    version: row.version,
    publishedAt: row.published_at,
  };
}
