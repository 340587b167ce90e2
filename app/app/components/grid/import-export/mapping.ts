import type { Locale } from '@brobygger/i18n';
import type { TFunction } from 'i18next';
import { newRowId } from '../ids.ts';
import type { ChangeIntent } from '../session.ts';
import type { GridColumn, GridRow } from '../types.ts';
import { validateRow, type RowSchema } from '../validation.ts';
import { optionLabel, parseCellText, valuesEqual } from '../values.ts';
import type { ImportCell, SheetTable, Workbook } from './read-file.ts';

/**
 * From a read spreadsheet to the rows an import would add or change: which file column is which
 * grid field, what each cell means, which existing row a line updates, and what is wrong with it.
 * Pure, so every rule is unit-tested; the dialog only shows the result.
 *
 * Cell text is read with the grid's own paste parsers (clipboard.ts), so a date or number that
 * pastes correctly also imports correctly. Headers and option labels are recognised in Danish
 * and English alike: a file exported in one language imports in the other.
 */

export type Column = GridColumn<Record<string, unknown>>;

export type ImportContext = {
  /** The user's language: decides "1.234" (Danish thousands) versus "1.234" (English decimals). */
  locale: Locale;
  /** One translator per language, for headers and option labels. */
  t: Record<Locale, TFunction>;
};

/** Per file column (by index): the grid field it fills, or null to ignore it. */
export type Mapping = (string | null)[];

export type ImportError = { field: string; /** i18n key */ message: string };

export type ImportRowResult = {
  /** 1-based line of the file, the header being line 1, as a spreadsheet numbers its rows. */
  line: number;
  kind: 'new' | 'update' | 'unchanged';
  /** The whole row to upsert: an existing row keeps its id and version. */
  row: GridRow;
  /** What the row was before the import: the existing row, or the page's defaults for a new one. */
  base: GridRow;
  /** Fields whose value differs from `base`. */
  changed: string[];
  /**
   * What the schema rejects. The row is imported all the same: the grid marks these cells and
   * keeps Save blocked until they are fixed, so one bad line never holds back the rest.
   */
  errors: ImportError[];
  /**
   * Why the key could not say which row a line updates (the key is in the file twice, or several
   * rows have it). Such a line is added as a new row rather than overwrite a row by guesswork.
   */
  warnings: ImportError[];
};

export type ImportPlan = {
  results: ImportRowResult[];
  /** `invalid` counts new and updated rows with errors; the others of them are ready to save. */
  counts: { new: number; update: number; unchanged: number; invalid: number };
};

/** Rows the import would add or change that have nothing wrong with them. */
export const readyCount = ({ counts }: ImportPlan) => counts.new + counts.update - counts.invalid;

/** A page's new-row defaults: the object (NEW_VOLUNTEER) or the grid's `newRow()` that returns it. */
export type NewRow = Readonly<Record<string, unknown>> | (() => Readonly<Record<string, unknown>>);

// ---- headers ---------------------------------------------------------------------------

/**
 * Text compared without case, spacing, punctuation or accents: "Fødsels-år " = "fodselsar".
 * æ and ø have no decomposed form, so they are spelled out; å decomposes to a + ring.
 */
export function normalize(text: string): string {
  return text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'o')
    .replace(/ß/g, 'ss')
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[^\p{L}\p{N}]/gu, '');
}

/** The names a column goes by: its header in each language, its field name and its import aliases. */
function namesOf(column: Column, ctx: ImportContext): Set<string> {
  const names = new Set([normalize(column.field), ...(column.importAliases ?? []).map(normalize)]);
  for (const t of Object.values(ctx.t)) names.add(normalize(t(column.header)));
  names.delete('');
  return names;
}

/** Each file column matched by name to at most one field; a field goes to the first column that names it. */
export function guessMapping(headers: readonly string[], columns: readonly Column[], ctx: ImportContext): Mapping {
  const names = columns.map((c) => ({ field: c.field as string, names: namesOf(c, ctx) }));
  const used = new Set<string>();
  return headers.map((header) => {
    const key = normalize(header);
    const hit = key ? names.find((n) => !used.has(n.field) && n.names.has(key)) : undefined;
    if (!hit) return null;
    used.add(hit.field);
    return hit.field;
  });
}

/**
 * The sheet an import starts with: the one whose headers name the most grid fields, so a cover
 * or instructions sheet in front of the data is passed over; without any match, the first sheet
 * with a header row. Earlier sheets win ties.
 */
export function likeliestSheet(workbook: Workbook, columns: readonly Column[], ctx: ImportContext): number {
  let best = workbook.first;
  let bestCount = 0;
  workbook.sheets.forEach((sheet, index) => {
    const count = sheet.table ? guessMapping(sheet.table.headers, columns, ctx).filter((f) => f !== null).length : 0;
    if (count > bestCount) [best, bestCount] = [index, count];
  });
  return best;
}

// ---- cells -----------------------------------------------------------------------------

/** A date cell as ISO. Excel dates are read as UTC midnight, so the UTC parts are the calendar date. */
const isoOf = (date: Date) => (Number.isNaN(date.getTime()) ? '' : date.toISOString().slice(0, 10));

/** An option by stored value or by its label in either language, compared as `normalize` does. */
function matchOption(column: Column, text: string, ctx: ImportContext): string {
  const wanted = normalize(text);
  for (const option of column.options ?? []) {
    if (normalize(option) === wanted) return option;
    for (const [locale, t] of Object.entries(ctx.t) as [Locale, TFunction][]) {
      if (normalize(optionLabel(column, option, { t, locale })) === wanted) return option;
    }
  }
  // Unknown: kept as written, so the schema names it on the right cell.
  return text.trim();
}

/** Text from a file: as typed into the grid, with option labels recognised in every language. */
const convertText = (column: Column, text: string, ctx: ImportContext): unknown =>
  // Spreadsheet cells often carry stray spaces; the schema trims too, so this only avoids false "changed".
  parseCellText(column, text.trim(), ctx.locale, (c, option) => matchOption(c, option, ctx));

/**
 * A file cell as the value the grid stores. What cannot be read stays as the written text, for
 * the schema to reject with its own message, never silently dropped.
 */
export function convertCell(column: Column, cell: ImportCell | undefined, ctx: ImportContext): unknown {
  if (cell === null || cell === undefined) return convertText(column, '', ctx);
  switch (column.type) {
    case 'number':
      if (typeof cell === 'number') return cell;
      break;
    case 'date':
      if (cell instanceof Date) return isoOf(cell);
      break;
    case 'checkbox':
      if (typeof cell === 'boolean') return cell;
      break;
  }
  return convertText(column, cell instanceof Date ? isoOf(cell) : String(cell), ctx);
}

// ---- rows ------------------------------------------------------------------------------

/** How a key value is compared: e-mail addresses and names match whatever their case. */
const keyOf = (value: unknown): string | null => {
  if (value === null || value === undefined) return null;
  const text = String(value).trim().toLowerCase();
  return text === '' ? null : text;
};

const blank = (cell: ImportCell | undefined) =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

export type PlanInput = {
  table: SheetTable;
  mapping: Mapping;
  columns: readonly Column[];
  /** The field that identifies an existing row (e.g. email), or null to add every line as new. */
  keyField: string | null;
  /** The rows as the grid holds them now, edits included. */
  existingRows: readonly GridRow[];
  schema: RowSchema;
  newRow: NewRow;
  ctx: ImportContext;
  /** For tests; new rows get newRowId() (crypto.randomUUID, with a fallback on plain http). */
  makeId?: () => string;
};

/**
 * Every non-blank line of the file as a new row, an update of the existing row with the same key,
 * or an unchanged row. Only mapped fields are set: on an update the others keep their value, on a
 * new row their default. A blank mapped cell clears the field, as it would in the sheet.
 */
export function planImport(input: PlanInput): ImportPlan {
  const { table, mapping, columns, keyField, existingRows, schema, ctx } = input;
  const makeId = input.makeId ?? newRowId;
  const columnOf = new Map(columns.map((c) => [c.field as string, c]));
  const mapped = mapping.flatMap((field, index) => {
    const column = field === null ? undefined : columnOf.get(field);
    return column ? [{ index, column }] : [];
  });
  const keyIndex = keyField === null ? -1 : mapping.indexOf(keyField);

  // Existing rows by key; a key shared by several rows cannot say which one a line updates.
  const byKey = new Map<string, GridRow[]>();
  if (keyIndex !== -1) {
    for (const row of existingRows) {
      const key = keyOf(row[keyField!]);
      if (key !== null) byKey.set(key, [...(byKey.get(key) ?? []), row]);
    }
  }

  const lines = table.rows.flatMap((cells, i) =>
    mapped.every((m) => blank(cells[m.index])) ? [] : [{ cells, line: i + 2 }],
  );
  const fileKeys = new Map<string, number>();
  const lineKeys = lines.map(({ cells }) => {
    if (keyIndex === -1) return null;
    const key = keyOf(convertCell(columnOf.get(keyField!)!, cells[keyIndex], ctx));
    if (key !== null) fileKeys.set(key, (fileKeys.get(key) ?? 0) + 1);
    return key;
  });

  const results = lines.map(({ cells, line }, i): ImportRowResult => {
    const key = lineKeys[i] ?? null;
    const matches = key === null ? [] : (byKey.get(key) ?? []);
    const warnings: ImportError[] = [];
    if (key !== null && (fileKeys.get(key) ?? 0) > 1)
      warnings.push({ field: keyField!, message: 'import:errors.duplicateKey' });
    else if (matches.length > 1) warnings.push({ field: keyField!, message: 'import:errors.ambiguousKey' });
    const existing = matches.length === 1 && warnings.length === 0 ? matches[0]! : undefined;
    const base = existing ?? newRowFrom(input.newRow, makeId);
    const row: GridRow = { ...base };
    for (const { index, column } of mapped) {
      // The key already matched, perhaps in another case; rewriting it would be a change no one made.
      if (existing && column.field === keyField) continue;
      row[column.field] = convertCell(column, cells[index], ctx);
    }
    const changed = Object.keys(row).filter((f) => f !== 'id' && f !== 'version' && !valuesEqual(row[f], base[f]));
    const kind = !existing ? 'new' : changed.length ? 'update' : 'unchanged';

    // An unchanged row is not sent, so whatever is already stored in it is not this import's problem.
    const errors: ImportError[] =
      kind === 'unchanged' ? [] : [...validateRow(schema, row)].map(([field, message]) => ({ field, message }));
    return { line, kind, row, base, changed, errors, warnings };
  });

  const counts = { new: 0, update: 0, unchanged: 0, invalid: 0 };
  for (const r of results) {
    counts[r.kind]++;
    if (r.errors.length) counts.invalid++;
  }
  return { results, counts };
}

function newRowFrom(newRow: NewRow, makeId: () => string): GridRow {
  const defaults = typeof newRow === 'function' ? newRow() : newRow;
  return { ...defaults, id: makeId(), version: null };
}

/**
 * The rows the import adds or changes, bad ones included: a page that saves them directly must
 * validate them as the grid does (the server refuses a batch with a bad row as a whole).
 */
export function rowsToUpsert(plan: ImportPlan): GridRow[] {
  return plan.results.filter((r) => r.kind !== 'unchanged').map((r) => r.row);
}

/**
 * The import as one grid edit (one undo step): new rows added at their defaults and then filled
 * in cell by cell, as a paste does, so the session sees them as typed into and Save sends them;
 * updated rows as cell edits. Rows with errors come too, with their values as the file had them:
 * the grid validates every changed row, marks the bad cells and blocks Save until they are fixed.
 */
export function importIntent(plan: ImportPlan): ChangeIntent {
  const intent: Required<ChangeIntent> = { added: [], deleted: [], cells: [] };
  for (const r of plan.results) {
    if (r.kind === 'unchanged') continue;
    if (r.kind === 'new') intent.added.push(r.base);
    for (const field of r.changed) intent.cells.push({ id: r.row.id, field, value: r.row[field] });
  }
  return intent;
}
