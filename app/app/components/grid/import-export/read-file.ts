import Papa from 'papaparse';
import { restoreFormulaText } from './formula-guard.ts';

/**
 * Reading a coordinator's spreadsheet (CSV or XLSX) into a header row and data rows. Nothing here
 * knows about grid fields: mapping.ts decides what each column means.
 */

/**
 * One cell as read. CSV gives text only; XLSX keeps Excel's own numbers, yes/no values and dates,
 * so that 1.234 in a number cell is not read back through Danish text rules as 1234, and a date
 * cell needs no guessing about its day/month order.
 */
export type ImportCell = string | number | boolean | Date | null;

export type SheetTable = {
  headers: string[];
  /** Data rows in file order; row i is line i + 2 of the file (line 1 is the header). */
  rows: ImportCell[][];
};

/** A file we cannot read; `key` is the i18n key of the reason, to show as it is. */
export class ImportFileError extends Error {
  constructor(readonly key: string) {
    super(key);
    this.name = 'ImportFileError';
  }
}

/** The save API takes at most 20,000 rows; a bigger file could never be saved. */
export const MAX_ROWS = 20_000;

const DELIMITERS = [';', '\t', ','] as const;
export type Delimiter = (typeof DELIMITERS)[number];

/**
 * The separator, judged from the header line only. Papaparse's own guess compares field counts
 * over the first rows, and Danish decimal commas in a ';' file ("1,5;2,5") can make ',' look
 * just as consistent; headers rarely hold a comma, so the line that names the columns decides.
 * On a tie ';' wins (Danish Excel), then tab (pasted from a sheet), then ','.
 */
export function guessDelimiter(text: string): Delimiter {
  const firstLine = firstRecord(text);
  let best: Delimiter = ',';
  let bestCount = 0;
  for (const d of DELIMITERS) {
    const count = firstLine.split(d).length - 1;
    if (count > bestCount) [best, bestCount] = [d, count];
  }
  return best;
}

/** The first record with quoted sections removed, so a quoted "Navn, fulde" does not count. */
function firstRecord(text: string): string {
  let out = '';
  let quoted = false;
  for (const ch of text) {
    if (ch === '"') quoted = !quoted;
    else if (!quoted && (ch === '\n' || ch === '\r')) break;
    else if (!quoted) out += ch;
  }
  return out;
}

/**
 * Bytes as text. "CSV UTF-8" from Excel starts with a BOM; plain "CSV (semikolonsepareret)" from
 * Danish Excel is Windows-1252, where æ, ø and å are not valid UTF-8. So: strict UTF-8 first,
 * Windows-1252 when that fails.
 */
export function decodeText(bytes: ArrayBuffer | Uint8Array): string {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    text = new TextDecoder('windows-1252').decode(bytes);
  }
  return text.replace(/^\uFEFF/, '');
}

/** CSV text to header and rows. Empty lines are kept (as empty rows) so line numbers stay true. */
export function parseCsv(text: string): SheetTable {
  const clean = text.replace(/^\uFEFF/, '');
  const result = Papa.parse<string[]>(clean, { delimiter: guessDelimiter(clean), skipEmptyLines: false });
  return toTable(result.data);
}

const isBlank = (cell: unknown) =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** First row as headers; trailing empty rows (the file's final line break) dropped. */
function toTable(data: readonly (readonly unknown[])[]): SheetTable {
  const rows = data.map((row) => row.map(toCell));
  while (rows.length && rows[rows.length - 1]!.every(isBlank)) rows.pop();
  const [header, ...body] = rows;
  if (!header || header.every(isBlank)) throw new ImportFileError('import:errors.empty');
  if (body.length > MAX_ROWS) throw new ImportFileError('import:errors.tooManyRows');
  return {
    headers: header.map((h) => (h instanceof Date ? h.toISOString().slice(0, 10) : String(h ?? '').trim())),
    rows: body,
  };
}

/** One sheet of a file: its table, or why it cannot be imported (an i18n key: empty, too many rows). */
export type Sheet = { name: string } & (
  { table: SheetTable; error?: undefined } | { table?: undefined; error: string }
);

export type Workbook = {
  /** Every sheet in the file's order; a CSV file is one sheet named after the file. */
  sheets: Sheet[];
  /** The sheet to start with: the first that has a header row. */
  first: number;
};

function sheetOf(name: string, data: readonly (readonly unknown[])[]): Sheet {
  try {
    return { name, table: toTable(data) };
  } catch (error) {
    if (error instanceof ImportFileError) return { name, error: error.key };
    throw error;
  }
}

/**
 * The sheets as a workbook. Workbooks often open with a cover or instructions sheet, or an empty
 * "Ark1" left over, so every sheet is kept for the user to pick from; `first` skips the empty
 * ones, and the import (likeliestSheet in mapping.ts) goes on to the sheet whose headers fit. A
 * file where no sheet can be imported is refused with the first sheet's reason that is not plain
 * emptiness (too many rows says more than "empty").
 */
function workbookOf(sheets: Sheet[]): Workbook {
  const first = sheets.findIndex((s) => s.table);
  if (first === -1)
    throw new ImportFileError(sheets.find((s) => s.error !== 'import:errors.empty')?.error ?? 'import:errors.empty');
  return { sheets, first };
}

function toCell(value: unknown): ImportCell {
  if (value === undefined || value === null) return null;
  // Our own exports guard formula-like text with a leading ' (formula-guard): read it back as typed.
  if (typeof value === 'string') return restoreFormulaText(value);
  if (typeof value === 'number' || typeof value === 'boolean' || value instanceof Date) return value;
  return String(value);
}

type Kind = 'csv' | 'xlsx';

/** By extension, and by content for a file with none: an XLSX file is a ZIP archive ("PK\x03\x04"). */
function kindOf(name: string, head: Uint8Array): Kind | null {
  const ext = /\.([a-z0-9]+)$/i.exec(name)?.[1]?.toLowerCase();
  if (ext === 'xlsx') return 'xlsx';
  if (ext === 'csv' || ext === 'txt' || ext === 'tsv') return 'csv';
  if (ext) return null;
  return head[0] === 0x50 && head[1] === 0x4b && head[2] === 0x03 && head[3] === 0x04 ? 'xlsx' : 'csv';
}

/**
 * An uploaded file as its sheets. Throws ImportFileError with an i18n key when the file is of
 * another kind (.xls, .numbers), broken, or has no sheet with a header row.
 */
export async function readWorkbook(file: Blob & { readonly name: string }): Promise<Workbook> {
  const bytes = new Uint8Array(await file.arrayBuffer());
  const kind = kindOf(file.name, bytes.subarray(0, 4));
  if (kind === null) throw new ImportFileError('import:errors.unsupportedType');
  // A CSV file has one table, so what is wrong with it is wrong with the file: parseCsv throws.
  if (kind === 'csv') return { sheets: [{ name: file.name, table: parseCsv(decodeText(bytes)) }], first: 0 };
  return workbookOf((await readXlsx(bytes)).map(({ sheet, data }) => sheetOf(sheet, data)));
}

/** The sheet an import starts with (see readWorkbook). */
export async function readFile(file: Blob & { readonly name: string }): Promise<SheetTable> {
  const { sheets, first } = await readWorkbook(file);
  return sheets[first]!.table!;
}

/**
 * Every sheet of an XLSX file. The library is loaded only when someone imports a spreadsheet.
 * Its "universal" entry is used rather than "browser": the browser entry unpacks in a Web Worker,
 * which roster-sized files do not need, and the universal one runs the same in Node, so the tests
 * read files exactly as the browser does.
 */
async function readXlsx(bytes: Uint8Array): Promise<{ sheet: string; data: unknown[][] }[]> {
  const { default: readSheets } = await import('read-excel-file/universal');
  try {
    // A copy into a fresh ArrayBuffer: the library checks `instanceof ArrayBuffer`.
    return (await readSheets(bytes.slice().buffer)) as { sheet: string; data: unknown[][] }[];
  } catch {
    throw new ImportFileError('import:errors.unreadable');
  }
}
