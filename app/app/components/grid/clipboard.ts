import type { Locale } from '@brobygger/i18n';

/**
 * Reading what coordinators paste from Excel, LibreOffice or Google Sheets: tab-separated text,
 * Danish number and date formats. A value that cannot be read is returned as the trimmed text,
 * so the row's schema reports it on the right cell instead of the paste silently dropping it.
 */

/**
 * Splits clipboard text into rows of cells. Spreadsheets quote a cell that holds a tab, a line
 * break or a quote ("a ""b""" is `a "b"`), end lines with CRLF, and Excel ends the block with one
 * more line break, which is not an extra empty row. A cell that merely starts with a quote but is
 * not a well-formed quoted cell is taken literally.
 */
export function parseTsv(text: string): string[][] {
  if (text === '') return [];
  const rows: string[][] = [];
  let row: string[] = [];
  const n = text.length;
  let i = 0;
  for (;;) {
    let cell: string;
    const close = text[i] === '"' ? closingQuote(text, i + 1) : -1;
    if (close !== -1) {
      cell = text
        .slice(i + 1, close)
        .replace(/""/g, '"')
        .replace(/\r\n/g, '\n');
      i = close + 1;
    } else {
      let j = i;
      while (j < n && text[j] !== '\t' && text[j] !== '\n' && text[j] !== '\r') j++;
      cell = text.slice(i, j);
      i = j;
    }
    row.push(cell);
    if (i >= n) {
      rows.push(row);
      break;
    }
    if (text[i] === '\t') {
      i++;
      continue;
    }
    i += text[i] === '\r' && text[i + 1] === '\n' ? 2 : 1;
    rows.push(row);
    row = [];
    if (i >= n) break;
  }
  return rows;
}

/** Index of the quote that ends a quoted cell opened before `from`, or -1 if it is not one. */
function closingQuote(text: string, from: number): number {
  let k = from;
  for (;;) {
    const q = text.indexOf('"', k);
    if (q === -1) return -1;
    if (text[q + 1] === '"') {
      k = q + 2;
      continue;
    }
    const next = text[q + 1];
    return next === undefined || next === '\t' || next === '\n' || next === '\r' ? q : -1;
  }
}

const SPACES = /[\s\u00a0\u202f\u2009']/g;

/**
 * A number typed the Danish way ("1,5", "1.234,5") or the English way ("1.5", "1,234.5"). When
 * only one separator occurs, a comma is a decimal comma, except that "1,234" is a thousands group
 * in English; a point is a decimal point, except that "1.234" is a thousands group in Danish.
 */
export function parseNumber(text: string, locale: Locale): number | string | null {
  const raw = text.trim();
  if (raw === '') return null;
  let s = raw.replace(SPACES, '').replace(/^\u2212/, '-');
  const comma = s.lastIndexOf(',');
  const point = s.lastIndexOf('.');
  if (comma !== -1 && point !== -1) {
    s = comma > point ? s.replace(/\./g, '').replace(',', '.') : s.replace(/,/g, '');
  } else if (comma !== -1) {
    s = locale === 'en' && /^[+-]?\d{1,3}(,\d{3})+$/.test(s) ? s.replace(/,/g, '') : s.replace(',', '.');
  } else if (point !== -1 && locale === 'da' && /^[+-]?\d{1,3}(\.\d{3})+$/.test(s)) {
    s = s.replace(/\./g, '');
  }
  if (!/^[+-]?(\d+\.?\d*|\.\d+)$/.test(s)) return raw;
  return Number(s);
}

/**
 * A calendar date as ISO `yyyy-mm-dd`. Accepts ISO (with or without a time), and day-first
 * dd-mm-yyyy, dd.mm.yyyy and dd/mm/yyyy as both Danish and British users write them; a two-digit
 * year is read as the most recent such year that is not in the future.
 */
export function parseDate(text: string, today = new Date()): string | null {
  const raw = text.trim();
  if (raw === '') return null;
  let y: number, m: number, d: number;
  const iso = /^(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ][\d:.]+(?:Z|[+-]\d{2}:?\d{2})?)?$/.exec(raw);
  const dmy = /^(\d{1,2})\s*[-./]\s*(\d{1,2})\s*[-./]\s*(\d{4}|\d{2})$/.exec(raw);
  if (iso) {
    [y, m, d] = [Number(iso[1]), Number(iso[2]), Number(iso[3])];
  } else if (dmy) {
    [d, m, y] = [Number(dmy[1]), Number(dmy[2]), Number(dmy[3])];
    if (dmy[3]!.length === 2) {
      const century = Math.floor(today.getFullYear() / 100) * 100;
      y += y <= today.getFullYear() % 100 ? century : century - 100;
    }
  } else {
    return raw;
  }
  const date = new Date(Date.UTC(y, m - 1, d));
  if (date.getUTCFullYear() !== y || date.getUTCMonth() !== m - 1 || date.getUTCDate() !== d) return raw;
  return `${String(y).padStart(4, '0')}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}

const TRUE = new Set(['ja', 'j', 'yes', 'y', 'x', '1', 'true', 'sand', '✓', '✔']);
const FALSE = new Set(['nej', 'n', 'no', '0', 'false', 'falsk']);

/** A yes/no cell: ja/nej, yes/no, x, 1/0. Blank is unknown (null) where the column allows it, else no. */
export function parseBoolean(text: string, nullable: boolean): boolean | string | null {
  const raw = text.trim();
  const key = raw.toLowerCase();
  if (key === '') return nullable ? null : false;
  if (TRUE.has(key)) return true;
  if (FALSE.has(key)) return false;
  return raw;
}
