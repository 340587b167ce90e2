import {
  inLanguage,
  READING_ORDER,
  yearsSince,
  type Bilingual,
  type BilingualField,
  type OfferLanguage,
  type ReadingPart,
  type ScopeFigures,
} from '@brobygger/api/offer';
import { formatNumber } from '@brobygger/i18n/locale';

/** What an offer needs to be read out: the catalogue's entries and the page's own description. */
export type ReadableOffer = {
  name: string;
  municipality: string | null;
  startedYear: number | null;
  sections: Record<BilingualField, Bilingual>;
  contact: { name: string | null; email: string | null; phone: string | null; website: string | null };
  scope: ScopeFigures;
};

/** A translator, as both i18next's `t` (page) and the server's `translate(locale)` (PDF) are. */
export type Translate = (key: string, values?: Record<string, unknown>) => string;

/** A text in the reader's language or, marked with `otherLanguage`, in the one it was written in. */
export type ReadText = { text: string; otherLanguage: OfferLanguage | null } | null;

export type ReadPart = {
  part: ReadingPart;
  heading: string;
  text: ReadText;
  /** The scope figures, label and shown value, for the scope part only. */
  figures?: { label: string; value: string }[];
};

export type ReadOffer = { name: string; municipality: string | null; parts: ReadPart[]; contact: string[] };

const readText = (text: Bilingual, reader: OfferLanguage): ReadText => {
  const found = inLanguage(text, reader);
  return found ? { text: found.text, otherLanguage: found.language === reader ? null : found.language } : null;
};

/** A count as the description shows it: "<5" for a suppressed one (null). */
const shownCount = (value: number | null, reader: OfferLanguage, t: Translate) =>
  value === null ? t('offer:scope.suppressed') : formatNumber(value, reader);

const shownRate = (value: number, reader: OfferLanguage) =>
  formatNumber(value, reader, { minimumFractionDigits: 1, maximumFractionDigits: 1 });

/** The scope figures, labelled, as the description shows them. */
export function scopeFigures(s: ScopeFigures, reader: OfferLanguage, t: Translate) {
  return [
    { label: t('offer:scope.volunteers'), value: shownCount(s.volunteers, reader, t) },
    { label: t('offer:scope.participants'), value: shownCount(s.participants, reader, t) },
    { label: t('offer:scope.sessionsPerMonth'), value: shownRate(s.sessionsPerMonth, reader) },
    { label: t('offer:scope.meetingsPerMonth'), value: shownRate(s.meetingsPerMonth, reader) },
  ];
}

function historyText(startedYear: number | null, t: Translate): string {
  if (startedYear === null) return t('offer:history.unknown');
  const count = yearsSince(startedYear);
  return count === 0
    ? t('offer:history.sinceThisYear', { year: startedYear })
    : t('offer:history.since', { year: startedYear, count });
}

/**
 * An offer read out in one language, part by part in the seed catalogue's order: the same for the
 * catalogue page, the preview on the offer page and the PDF, so the three never disagree.
 */
export function readOffer(offer: ReadableOffer, reader: OfferLanguage, t: Translate): ReadOffer {
  const parts = READING_ORDER.map((part): ReadPart => {
    const heading = t(`offer:sections.${part}`);
    if (part === 'history')
      return { part, heading, text: { text: historyText(offer.startedYear, t), otherLanguage: null } };
    if (part === 'scope') {
      return {
        part,
        heading,
        text: readText(offer.sections.scopeNote, reader),
        figures: scopeFigures(offer.scope, reader, t),
      };
    }
    return { part, heading, text: readText(offer.sections[part], reader) };
  });
  const c = offer.contact;
  const contact = [c.name, c.email, c.phone, c.website].filter((v): v is string => Boolean(v));
  return { name: offer.name, municipality: offer.municipality, parts, contact };
}

/** Entries grouped as the seed catalogue groups them: by region, then by municipality. */
export function groupByRegionAndMunicipality<E extends { regionName: string; municipality: string | null }>(
  entries: readonly E[],
): { region: string; municipalities: { municipality: string | null; entries: E[] }[] }[] {
  const regions = new Map<string, Map<string | null, E[]>>();
  for (const entry of entries) {
    const municipalities = regions.get(entry.regionName) ?? new Map<string | null, E[]>();
    regions.set(entry.regionName, municipalities);
    municipalities.set(entry.municipality, [...(municipalities.get(entry.municipality) ?? []), entry]);
  }
  return [...regions].map(([region, municipalities]) => ({
    region,
    municipalities: [...municipalities].map(([municipality, list]) => ({ municipality, entries: list })),
  }));
}
