import type { CatalogueEntry } from '@brobygger/api';
import type { OfferLanguage } from '@brobygger/api/offer';
import { formatDate } from '@brobygger/i18n';
import PDFDocument from 'pdfkit';
import { groupByRegionAndMunicipality, readOffer, type Translate } from '../components/offer/read-offer.ts';

/*
 * The catalogue as a PDF, laid out like the hand-kept "Peer-støtte i Danmark": a title page, a
 * heading per region and per municipality, and each offer with its sections in the catalogue's
 * order. Drawn on the server with pdfkit (no browser). The standard Helvetica covers Danish
 * (WinAnsi), so no font file ships with the app.
 */

const FONT = { regular: 'Helvetica', bold: 'Helvetica-Bold', italic: 'Helvetica-Oblique' } as const;
const INK = '#1d2433';
const MUTED = '#5a6478';
const ACCENT = '#1f5f8b';

export type CataloguePdfInput = {
  entries: CatalogueEntry[];
  /** The region's name, for the title when the search leaves no entries to take it from. */
  regionName: string;
  language: OfferLanguage;
  q: string;
  t: Translate;
  now?: Date;
};

export function cataloguePdf({
  entries,
  regionName,
  language,
  q,
  t,
  now = new Date(),
}: CataloguePdfInput): Promise<Buffer> {
  const title = t('offer:catalogue.pdfTitle', { region: regionName });
  const doc = new PDFDocument({
    size: 'A4',
    margins: { top: 64, bottom: 64, left: 64, right: 64 },
    bufferPages: true,
    lang: language === 'da' ? 'da-DK' : 'en-GB',
    info: { Title: title, Subject: t('offer:catalogue.pdfSubtitle'), Creator: 'Brobygger' },
  });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve, reject) => {
    doc.on('end', () => resolve(Buffer.concat(chunks)));
    doc.on('error', reject);
  });

  titlePage(doc, { title, entries, q, language, now, t });
  for (const group of groupByRegionAndMunicipality(entries)) {
    doc.addPage();
    doc
      .font(FONT.bold)
      .fontSize(20)
      .fillColor(ACCENT)
      .text(t('offer:catalogue.region', { region: group.region }));
    doc.moveDown(0.5);
    for (const { municipality, entries: offers } of group.municipalities) {
      keepWithNext(doc, 120);
      doc
        .font(FONT.bold)
        .fontSize(15)
        .fillColor(INK)
        .text(municipality ?? t('offer:catalogue.noMunicipality'));
      doc.moveDown(0.4);
      for (const entry of offers) offerBlock(doc, entry, language, t);
    }
  }
  pageNumbers(doc, title);
  doc.end();
  return done;
}

function titlePage(
  doc: PDFKit.PDFDocument,
  {
    title,
    entries,
    q,
    language,
    now,
    t,
  }: { title: string; entries: CatalogueEntry[]; q: string; language: OfferLanguage; now: Date; t: Translate },
) {
  doc.moveDown(8);
  doc.font(FONT.bold).fontSize(30).fillColor(ACCENT).text(title);
  doc.moveDown(0.5);
  doc.font(FONT.regular).fontSize(15).fillColor(INK).text(t('offer:catalogue.pdfSubtitle'));
  doc.moveDown(2);
  doc.fontSize(11).fillColor(MUTED);
  doc.text(t('offer:catalogue.pdfExtracted', { date: formatDate(now, language) }));
  doc.text(t('offer:catalogue.count', { count: entries.length }));
  if (q) doc.text(t('offer:catalogue.pdfSearch', { q }));
  doc.moveDown(2);
  doc.fillColor(INK).fontSize(10).text(t('offer:catalogue.intro'), { width: 380 });
}

/** One offer: its name, where, and each part with its heading. */
function offerBlock(doc: PDFKit.PDFDocument, entry: CatalogueEntry, language: OfferLanguage, t: Translate) {
  const read = readOffer(entry, language, t);
  keepWithNext(doc, 140);
  doc.moveDown(0.6);
  doc.font(FONT.bold).fontSize(13).fillColor(ACCENT).text(read.name);
  doc
    .font(FONT.regular)
    .fontSize(9)
    .fillColor(MUTED)
    .text(t(`offer:entry.kind.${entry.partnerKind}`));
  doc.moveDown(0.3);
  for (const part of read.parts) {
    keepWithNext(doc, 60);
    doc.font(FONT.bold).fontSize(10.5).fillColor(INK).text(part.heading);
    for (const figure of part.figures ?? []) {
      doc
        .font(FONT.regular)
        .fontSize(10)
        .text(`${figure.label}: `, { continued: true })
        .font(FONT.bold)
        .text(figure.value);
    }
    if (part.text?.otherLanguage) {
      doc
        .font(FONT.italic)
        .fontSize(9)
        .fillColor(MUTED)
        .text(t(`offer:fallback.${part.text.otherLanguage}`));
    }
    if (part.text) doc.font(FONT.regular).fontSize(10).fillColor(INK).text(part.text.text, { paragraphGap: 2 });
    else if (!part.figures) doc.font(FONT.italic).fontSize(10).fillColor(MUTED).text(t('offer:entry.notWritten'));
    doc.moveDown(0.4);
  }
  if (read.contact.length > 0) {
    doc.font(FONT.bold).fontSize(10.5).fillColor(INK).text(t('offer:entry.contact'));
    doc.font(FONT.regular).fontSize(10).text(read.contact.join(' · '));
  }
  doc.moveDown(0.8);
}

/** Starts a new page when less than `height` is left, so a heading never ends a page. */
function keepWithNext(doc: PDFKit.PDFDocument, height: number) {
  if (doc.y + height > doc.page.height - doc.page.margins.bottom) doc.addPage();
}

/** "Title · 3 / 12" at the foot of every page but the title page. */
function pageNumbers(doc: PDFKit.PDFDocument, title: string) {
  const { start, count } = doc.bufferedPageRange();
  for (let i = start + 1; i < start + count; i++) {
    doc.switchToPage(i);
    const bottom = doc.page.margins.bottom;
    doc.page.margins.bottom = 0;
    doc
      .font(FONT.regular)
      .fontSize(8)
      .fillColor(MUTED)
      .text(`${title} · ${i + 1} / ${count}`, doc.page.margins.left, doc.page.height - 40, {
        width: doc.page.width - doc.page.margins.left - doc.page.margins.right,
        align: 'center',
        lineBreak: false,
      });
    doc.page.margins.bottom = bottom;
  }
}
