import { translate } from '@brobygger/i18n';
import type { CatalogueEntry } from '@brobygger/api';
import { extractText } from 'unpdf';
import { describe, expect, it } from 'vitest';
import { cataloguePdf } from './catalogue-pdf.server.ts';

const none = { da: null, en: null };
const ENTRY: CatalogueEntry = {
  regionName: 'Region Hovedstaden',
  partnerKind: 'municipality',
  municipality: 'Hillerød Kommune',
  name: 'Recovery-café Hillerød',
  startedYear: 2018,
  publishedAt: '2026-11-01T10:00:00.000Z',
  sections: {
    purpose: { da: 'Et mødested for gensidig støtte.', en: 'A meeting place for mutual support.' },
    peerSupport: { da: 'Peer-støtterne deler egne erfaringer.', en: null },
    scopeNote: none,
    model: none,
    supervision: { da: null, en: 'Monthly supervision by a psychologist.' },
    access: none,
    funding: { da: 'Driftsfinansieret af kommunen.', en: null },
  },
  contact: { name: 'Mette Holm', email: 'cafe@hilleroed.dk', phone: null, website: null },
  scope: { volunteers: 12, participants: null, sessionsPerMonth: 4, meetingsPerMonth: 1.5 },
};

async function textOf(language: 'da' | 'en', entries = [ENTRY], q = '') {
  const pdf = await cataloguePdf({ entries, regionName: 'Region Hovedstaden', language, q, t: translate(language) });
  expect(pdf.subarray(0, 5).toString()).toBe('%PDF-');
  const { text } = await extractText(new Uint8Array(pdf), { mergePages: true });
  return text.replace(/\s+/g, ' ');
}

describe('the catalogue as a PDF', () => {
  it('in Danish: a title page, the region and municipality headings, and the offer with its sections', async () => {
    const text = await textOf('da');
    for (const expected of [
      'Peer-støtte i Region Hovedstaden',
      'Katalog over partneres peer-støttetilbud',
      '1 tilbud',
      'Hillerød Kommune',
      'Recovery-café Hillerød',
      'Formål og indhold',
      'Et mødested for gensidig støtte.',
      'Hvor længe tilbuddet har eksisteret',
      'Siden 2018',
      'Frivillige, der giver peer-støtte: 12',
      'Deltagere, der har fået støtte de seneste 12 måneder: <5',
      'Afholdte forløbsgange pr. måned: 4,0',
      'Findes kun på engelsk',
      'Monthly supervision by a psychologist.',
      'Finansiering og fremtid',
      'cafe@hilleroed.dk',
    ]) {
      expect(text).toContain(expected);
    }
    expect(text).not.toContain('A meeting place');
  });

  it('in English: the English text, and the Danish one marked where there is no English', async () => {
    const text = await textOf('en');
    for (const expected of [
      'Peer support in Region Hovedstaden',
      'Purpose and content',
      'A meeting place for mutual support.',
      'Only in Danish',
      'Peer-støtterne deler egne erfaringer.',
      'Sessions held per month: 4.0',
      'Companionship meetings per month: 1.5',
    ]) {
      expect(text).toContain(expected);
    }
  });

  it('names the search it was filtered by, and says so when nothing matched', async () => {
    const text = await textOf('da', [], 'aarhus');
    expect(text).toContain('Søgning: »aarhus«');
    expect(text).toContain('0 tilbud');
    expect(text).not.toContain('Recovery-café');
  });
});
