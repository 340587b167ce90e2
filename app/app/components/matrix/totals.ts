import { formatNumber, type Locale } from '@brobygger/i18n';
import type { CodeBook } from './codes.ts';

/**
 * Live totals of a matrix, recomputed from the cells on every edit. The rate is
 * positive / (positive + negative): for attendance, present out of present, absent and no-show;
 * a cancelled session (neutral) and an empty cell count for neither.
 */
export type Tally = {
  /** How many cells hold each code. */
  counts: Record<string, number>;
  positive: number;
  negative: number;
  /** positive + negative: what the rate is out of. */
  counted: number;
  /** Between 0 and 1, or null when nothing counts yet. */
  rate: number | null;
};

export function tally(values: Iterable<unknown>, book: CodeBook): Tally {
  const counts: Record<string, number> = {};
  let positive = 0;
  let negative = 0;
  for (const value of values) {
    const kind = book.countsAs(value);
    if (!kind) continue;
    counts[value as string] = (counts[value as string] ?? 0) + 1;
    if (kind === 'positive') positive++;
    else if (kind === 'negative') negative++;
  }
  const counted = positive + negative;
  return { counts, positive, negative, counted, rate: counted ? positive / counted : null };
}

type Cells = {
  rowIds: readonly string[];
  columnIds: readonly string[];
  read: (rowId: string, columnId: string) => unknown;
};

/** One row across all columns (a participant's attendance). */
export const rowTally = ({ columnIds, read }: Cells, rowId: string, book: CodeBook) =>
  tally(
    columnIds.map((c) => read(rowId, c)),
    book,
  );

/** One column across all rows (a session's attendance). */
export const columnTally = ({ rowIds, read }: Cells, columnId: string, book: CodeBook) =>
  tally(
    rowIds.map((r) => read(r, columnId)),
    book,
  );

/** Every cell: the whole matrix's rate. */
export const matrixTally = ({ rowIds, columnIds, read }: Cells, book: CodeBook) =>
  tally(
    rowIds.flatMap((r) => columnIds.map((c) => read(r, c))),
    book,
  );

/** How many of the counted cells hold `value` (e.g. no-shows), as a tally of its own. */
export const shareOf = (t: Tally, value: string): Tally => {
  const positive = t.counts[value] ?? 0;
  return {
    counts: { [value]: positive },
    positive,
    negative: t.counted - positive,
    counted: t.counted,
    rate: t.counted ? positive / t.counted : null,
  };
};

/** "80 %" in Danish, "80%" in English; a dash when there is no rate yet. */
export const formatRate = (rate: number | null, locale: Locale, none: string) =>
  rate === null ? none : formatNumber(rate, locale, { style: 'percent', maximumFractionDigits: 0 });

/** "Mødt: 8, Fravær: 2" – each code that occurs, in the codes' order. */
export const tallyDetail = (t: Tally, book: CodeBook, item: (label: string, count: number) => string) =>
  book.codes
    .filter((c) => t.counts[c.value])
    .map((c) => item(book.label(c.value), t.counts[c.value]!))
    .join(', ');
