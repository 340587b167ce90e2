import { todayInCopenhagen } from '../overview-period.ts';
import type { RegionPeriod } from './region-dashboard.types.ts';

const pad = (n: number) => String(n).padStart(2, '0');

/** The first day of the quarter `offset` quarters from the one (year, q0) names; q0 counts from 0. */
const quarterStart = (year: number, q0: number, offset = 0) => {
  const index = year * 4 + q0 + offset;
  return `${Math.floor(index / 4)}-${pad((index % 4) * 3 + 1)}-01`;
};

/** The quarters a period covers, oldest first, given Copenhagen's today. */
export function quartersOf(period: RegionPeriod, today: string = todayInCopenhagen()): string[] {
  const year = Number(today.slice(0, 4));
  const q0 = Math.floor((Number(today.slice(5, 7)) - 1) / 3);
  const [first, count] =
    period === 'last4'
      ? [quarterStart(year, q0, -3), 4]
      : period === 'last8'
        ? [quarterStart(year, q0, -7), 8]
        : period === 'thisYear'
          ? [quarterStart(year, 0), 4]
          : [quarterStart(year - 1, 0), 4];
  const firstYear = Number(first.slice(0, 4));
  const firstQ0 = (Number(first.slice(5, 7)) - 1) / 3;
  return Array.from({ length: count }, (_, i) => quarterStart(firstYear, firstQ0, i));
}
