import type { Tx } from '@brobygger/db';
import { fail } from '../../errors.ts';
import { requirePermission, tenantProcedure } from '../../trpc.ts';
import { ZCatalogueEntry, ZCatalogueInput, type CatalogueEntryRead } from './schemas.ts';
import { BILINGUAL_FIELDS, OFFER_LANGUAGES, type Bilingual, type BilingualField } from './sections.ts';

type CatalogueRow = {
  region_name: string;
  partner_kind: CatalogueEntryRead['partnerKind'];
  municipality: string | null;
  name: string;
  started_year: number | null;
  sections: Record<BilingualField, Bilingual>;
  contact_name: string | null;
  contact_email: string | null;
  contact_phone: string | null;
  website: string | null;
  published_at: Date;
  volunteers: number | null;
  participants: number | null;
  sessions_per_month: number;
  meetings_per_month: number;
};

/** The region's catalogue, as aggregates.offer_catalogue gives it (the database checks who asks). */
export async function readCatalogue(tx: Tx, regionId: string): Promise<CatalogueEntryRead[]> {
  const rows = await tx.query<CatalogueRow>(
    `select region_name, partner_kind::text as partner_kind, municipality, name, started_year, sections,
            contact_name, contact_email, contact_phone, website, published_at, volunteers, participants,
            sessions_per_month::float8 as sessions_per_month, meetings_per_month::float8 as meetings_per_month
     from aggregates.offer_catalogue($1)
     order by region_name, municipality collate "da-DK-x-icu" nulls last, name collate "da-DK-x-icu"`,
    [regionId],
  );
  return rows.map((r) => ({
    regionName: r.region_name,
    partnerKind: r.partner_kind,
    municipality: r.municipality,
    name: r.name,
    startedYear: r.started_year,
    sections: r.sections,
    contact: { name: r.contact_name, email: r.contact_email, phone: r.contact_phone, website: r.website },
    publishedAt: r.published_at,
    scope: {
      volunteers: r.volunteers,
      participants: r.participants,
      sessionsPerMonth: r.sessions_per_month,
      meetingsPerMonth: r.meetings_per_month,
    },
  }));
}

const fold = (s: string) => s.toLocaleLowerCase('da').normalize('NFC');

/** Every word of the query must occur somewhere: in the name, the municipality or any text. */
export function matchesSearch(
  entry: Pick<CatalogueEntryRead, 'name' | 'municipality' | 'regionName' | 'sections'>,
  q: string | undefined,
): boolean {
  const words = fold(q ?? '')
    .split(/\s+/)
    .filter(Boolean);
  if (words.length === 0) return true;
  const haystack = fold(
    [
      entry.name,
      entry.municipality ?? '',
      entry.regionName,
      ...BILINGUAL_FIELDS.flatMap((f) => OFFER_LANGUAGES.map((l) => entry.sections[f][l] ?? '')),
    ].join('\n'),
  );
  return words.every((w) => haystack.includes(w));
}

/** For regions: their partners' published offers, searched. Others have no catalogue. */
export const catalogue = tenantProcedure
  .input(ZCatalogueInput)
  .output(ZCatalogueEntry.array())
  .query(async ({ ctx, input }) => {
    requirePermission(ctx.tenant, 'offer.read');
    if (ctx.tenant.kind !== 'region') return fail('catalogue_for_regions');
    const entries = await ctx.db.tx((tx) => readCatalogue(tx, ctx.tenant.id));
    return entries.filter((e) => matchesSearch(e, input.q));
  });
