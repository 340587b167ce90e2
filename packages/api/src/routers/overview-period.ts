import type { OverviewPeriod } from './overview.types.ts';

/** The workspaces are Danish: "today" and "this quarter" are Copenhagen's, not the server's. */
const TIME_ZONE = 'Europe/Copenhagen';

export type PeriodBounds = {
  name: OverviewPeriod;
  /** First day of the period (YYYY-MM-DD). */
  from: string;
  /** First day after the period (exclusive). */
  to: string;
  /** Today, in Copenhagen; nothing after it counts as held. */
  today: string;
  /** Every calendar month of the period up to today's (YYYY-MM), the charts' time axis. */
  months: string[];
};

const pad = (n: number) => String(n).padStart(2, '0');
const firstOfMonth = (year: number, month0: number) => {
  // Date.UTC rolls month -1 or 12 over into the neighbouring year.
  const d = new Date(Date.UTC(year, month0, 1));
  return `${d.getUTCFullYear()}-${pad(d.getUTCMonth() + 1)}-01`;
};

export function todayInCopenhagen(now: Date = new Date()): string {
  // en-CA formats as YYYY-MM-DD.
  return new Intl.DateTimeFormat('en-CA', { timeZone: TIME_ZONE }).format(now);
}

/** The calendar bounds of a period that contains `today`. */
export function periodBounds(name: OverviewPeriod, today: string = todayInCopenhagen()): PeriodBounds {
  const year = Number(today.slice(0, 4));
  const month0 = Number(today.slice(5, 7)) - 1;
  const [fromMonth0, toMonth0, fromYear] =
    name === 'quarter'
      ? [month0 - (month0 % 3), month0 - (month0 % 3) + 3, year]
      : name === 'year'
        ? [0, 12, year]
        : [month0 - 11, month0 + 1, year];
  const from = firstOfMonth(fromYear, fromMonth0);
  const to = firstOfMonth(year, toMonth0);
  const months: string[] = [];
  for (let m = fromMonth0; ; m++) {
    const first = firstOfMonth(fromYear, m);
    if (first >= to || first > today) break;
    months.push(first.slice(0, 7));
  }
  return { name, from, to, today, months };
}
