import writeXlsxFile from 'write-excel-file/node';
import type { Cell, Row } from 'write-excel-file/node';
import { neutraliseFormula } from '../../grid/import-export/formula-guard.ts';
import type { ReportCell, ReportContent } from './content.ts';

const text = (value: string, bold = false): Cell => ({
  value: neutraliseFormula(value),
  type: String,
  ...(bold ? { fontWeight: 'bold' as const } : {}),
});
const cell = (value: ReportCell): Cell =>
  value == null ? null : typeof value === 'number' ? { value, type: Number } : text(value);

/**
 * The report as one sheet, top to bottom as in the PDF: header, goals, activity per quarter, the
 * narrative. Counts are number cells, so the funder can add them up; everything else is text.
 */
export async function reportXlsx(content: ReportContent, sheet: string): Promise<Buffer> {
  const blank: Row = [null];
  const table = (t: { title: string; columns: string[]; rows: ReportCell[][] }): Row[] => [
    blank,
    [text(t.title, true)],
    t.columns.map((c) => text(c, true)),
    ...t.rows.map((r) => r.map(cell)),
  ];
  const rows: Row[] = [
    [text(content.title, true)],
    blank,
    ...content.header.map(([label, value]) => [text(label, true), text(value)]),
    ...table(content.goals),
    ...table(content.activity),
    blank,
    [text(content.numbersOnly)],
    blank,
    [text(content.narrative.title, true)],
    [content.narrative.text ? text(content.narrative.text) : null],
  ];
  const buffer = await writeXlsxFile(rows, {
    sheet,
    columns: [{ width: 44 }, { width: 18 }, { width: 18 }, { width: 18 }, { width: 18 }, { width: 18 }],
  }).toBuffer();
  return buffer as Buffer;
}
