/**
 * Calendar quarters of a period, clipped to it: the rows of the funder report's activity table
 * and of the programme page. Dates are ISO strings (YYYY-MM-DD) throughout, so no time zone can
 * move a day. Browser-safe.
 */
export type Quarter = { year: number; quarter: 1 | 2 | 3 | 4; from: string; to: string };

const pad = (n: number) => String(n).padStart(2, '0');
const lastDayOf = (year: number, month: number) => new Date(Date.UTC(year, month, 0)).getUTCDate();

export function quartersOf(from: string, to: string): Quarter[] {
  if (from > to) return [];
  const quarters: Quarter[] = [];
  let year = Number(from.slice(0, 4));
  let q = Math.floor((Number(from.slice(5, 7)) - 1) / 3) + 1;
  for (;;) {
    const startMonth = (q - 1) * 3 + 1;
    const start = `${year}-${pad(startMonth)}-01`;
    const end = `${year}-${pad(startMonth + 2)}-${pad(lastDayOf(year, startMonth + 2))}`;
    if (start > to) break;
    quarters.push({
      year,
      quarter: q as Quarter['quarter'],
      from: start < from ? from : start,
      to: end > to ? to : end,
    });
    if (++q > 4) {
      q = 1;
      year++;
    }
  }
  return quarters;
}

/** "2026 Q1" in English, "1. kvt. 2026" in Danish. */
export const quarterLabel = (q: { year: number; quarter: number }, language: 'da' | 'en') =>
  language === 'da' ? `${q.quarter}. kvt. ${q.year}` : `Q${q.quarter} ${q.year}`;
