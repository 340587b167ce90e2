import { z } from 'zod';
import { ZSlug, ZTenantKind, ZTimestamp, ZVersion } from '../../domain.ts';
import { BILINGUAL_FIELDS, SCOPE_NOTE_MAX, SECTION_MAX, type BilingualField } from './sections.ts';

/** Optional free text: trimmed, and empty is "not written" (null). */
const optionalText = (max: number) =>
  z
    .string()
    .trim()
    .max(max, 'errors:offer_text_too_long')
    .nullable()
    .transform((s) => (s ? s : null));

const ZBilingual = (max: number) => z.object({ da: optionalText(max), en: optionalText(max) });

const ZSections = z.object(
  Object.fromEntries(
    BILINGUAL_FIELDS.map((field) => [field, ZBilingual(field === 'scopeNote' ? SCOPE_NOTE_MAX : SECTION_MAX)]),
  ) as Record<BilingualField, ReturnType<typeof ZBilingual>>,
);

const ZWebsite = z
  .string()
  .trim()
  .max(300)
  .nullable()
  .transform((s) => (s ? s : null))
  .refine((s) => s === null || /^https?:\/\/\S+$/.test(s), 'errors:offer_invalid_website');

const ZContactEmail = z
  .string()
  .trim()
  .toLowerCase()
  .max(200)
  .nullable()
  .transform((s) => (s ? s : null))
  .refine((s) => s === null || z.email().safeParse(s).success, 'errors:invalid_email');

/** What a workspace writes about its offer; the scope figures are not among it: they are counted. */
export const ZOfferContent = z.object({
  name: z.string().trim().min(1, 'errors:offer_name_required').max(200, 'errors:offer_text_too_long'),
  /** Only for workspaces that are not a municipality: a municipality's offer is in itself. */
  municipality: optionalText(100),
  startedYear: z
    .number()
    .int()
    .min(1900, 'errors:offer_invalid_year')
    .refine((y) => y <= new Date().getFullYear(), 'errors:offer_invalid_year')
    .nullable(),
  sections: ZSections,
  contact: z.object({
    name: optionalText(200),
    email: ZContactEmail,
    phone: optionalText(40),
    website: ZWebsite,
  }),
});
export type OfferContent = z.output<typeof ZOfferContent>;

export const ZOffer = ZOfferContent.extend({ version: ZVersion, publishedAt: ZTimestamp.nullable() });
export type Offer = z.output<typeof ZOffer>;

export const ZScopeFigures = z.object({
  volunteers: z.number().int().nullable(),
  participants: z.number().int().nullable(),
  sessionsPerMonth: z.number(),
  meetingsPerMonth: z.number(),
});

export const ZOfferPage = z.object({
  /** Null until someone saves the first version. */
  offer: ZOffer.nullable(),
  scope: ZScopeFigures,
  /** The municipality the offer is grouped under when the workspace is one; else null. */
  ownMunicipality: z.string().nullable(),
});
export type OfferPage = z.output<typeof ZOfferPage>;

export const ZSaveOfferInput = z.object({
  tenant: ZSlug,
  /** The version the form was loaded with; null when there was no description yet. */
  version: ZVersion.nullable(),
  offer: ZOfferContent,
});

export const ZPublishInput = z.object({ tenant: ZSlug, version: ZVersion, published: z.boolean() });

export const ZCatalogueInput = z.object({
  tenant: ZSlug,
  /** Searches names, municipalities and every section's text, in both languages. */
  q: z.string().trim().max(200).optional(),
});

export const ZCatalogueEntry = ZOfferContent.omit({ municipality: true }).extend({
  regionName: z.string(),
  partnerKind: ZTenantKind,
  municipality: z.string().nullable(),
  publishedAt: ZTimestamp,
  scope: ZScopeFigures,
});
export type CatalogueEntry = z.output<typeof ZCatalogueEntry>;
/** As the database reads it, before the output schema turns dates into strings. */
export type CatalogueEntryRead = z.input<typeof ZCatalogueEntry>;
