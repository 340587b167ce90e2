import PDFDocument from 'pdfkit';
import type { ReportCell, ReportContent } from './content.ts';

const MARGIN = 50;
const FONT = 'Helvetica';
const BOLD = 'Helvetica-Bold';

const shown = (value: ReportCell) => (value == null ? '–' : String(value));

/**
 * The report as an A4 PDF, drawn on the server with pdfkit (no browser). Its standard Helvetica
 * covers Danish letters. Tables are drawn as plain rows of fixed-width columns: the first column
 * wide (names of goals, quarters), the rest even.
 */
export function reportPdf(content: ReportContent, language: 'da' | 'en'): Promise<Buffer> {
  const doc = new PDFDocument({ size: 'A4', margin: MARGIN, lang: language, info: { Title: content.title } });
  const chunks: Buffer[] = [];
  doc.on('data', (chunk: Buffer) => chunks.push(chunk));
  const done = new Promise<Buffer>((resolve) => doc.on('end', () => resolve(Buffer.concat(chunks))));
  const width = doc.page.width - 2 * MARGIN;

  doc.font(BOLD).fontSize(16).text(content.title);
  doc.moveDown(0.8);
  doc.fontSize(10);
  for (const [label, value] of content.header) {
    doc.font(BOLD).text(`${label}: `, { continued: true }).font(FONT).text(value);
  }

  const table = (t: { title: string; columns: string[]; rows: ReportCell[][] }) => {
    doc.moveDown(1);
    doc.font(BOLD).fontSize(12).text(t.title, MARGIN);
    doc.moveDown(0.3);
    doc.fontSize(8.5);
    const first = Math.min(190, width * 0.4);
    const rest = (width - first) / Math.max(1, t.columns.length - 1);
    const x = (i: number) => MARGIN + (i === 0 ? 0 : first + (i - 1) * rest);
    const w = (i: number) => (i === 0 ? first : rest) - 6;
    const row = (cells: string[], font: string) => {
      doc.font(font);
      const height = Math.max(...cells.map((c, i) => doc.heightOfString(c, { width: w(i) })));
      if (doc.y + height > doc.page.height - MARGIN) doc.addPage();
      const top = doc.y;
      cells.forEach((c, i) => doc.text(c, x(i), top, { width: w(i), align: i === 0 ? 'left' : 'right' }));
      doc.y = top + height + 3;
      doc
        .moveTo(MARGIN, doc.y - 1.5)
        .lineTo(MARGIN + width, doc.y - 1.5)
        .lineWidth(0.3)
        .strokeColor('#bbbbbb')
        .stroke();
    };
    row(t.columns, BOLD);
    for (const r of t.rows) row(r.map(shown), FONT);
    doc.x = MARGIN;
  };
  table(content.goals);
  table(content.activity);

  doc.moveDown(1);
  doc.font(FONT).fontSize(9).fillColor('#555555').text(content.numbersOnly, MARGIN, doc.y, { width });
  doc.fillColor('black');
  doc.moveDown(1);
  doc.font(BOLD).fontSize(12).text(content.narrative.title);
  doc.moveDown(0.3);
  doc
    .font(FONT)
    .fontSize(10)
    .text(content.narrative.text || '–', { width });
  doc.end();
  return done;
}
