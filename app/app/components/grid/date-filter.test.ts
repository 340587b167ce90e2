import { describe, expect, it } from 'vitest';
import { formatFilterDate, parseFilterDate } from './date-filter.ts';

const ymd = (date: Date | null) =>
  date && [date.getFullYear(), date.getMonth() + 1, date.getDate(), date.getHours(), date.getMinutes()];

describe('date filter text', () => {
  it('reads Danish dd-mm-yyyy as that day at local midnight', () => {
    expect(ymd(parseFilterDate('01-03-2024'))).toEqual([2024, 3, 1, 0, 0]);
    expect(ymd(parseFilterDate(' 1-3-2024 '))).toEqual([2024, 3, 1, 0, 0]);
  });

  it('reads British dd/mm/yyyy, dotted dates and ISO dates', () => {
    expect(ymd(parseFilterDate('15/04/2025'))).toEqual([2025, 4, 15, 0, 0]);
    expect(ymd(parseFilterDate('15.04.2025'))).toEqual([2025, 4, 15, 0, 0]);
    expect(ymd(parseFilterDate('2025-04-15'))).toEqual([2025, 4, 15, 0, 0]);
  });

  it('is day-first: 03-04-2024 is the third of April, never March the fourth', () => {
    expect(ymd(parseFilterDate('03-04-2024'))).toEqual([2024, 4, 3, 0, 0]);
  });

  it('gives no date for half-typed, impossible or non-date text', () => {
    for (const text of ['', '01-03', '01-03-20245', '31-02-2024', '13/13/2024', 'i går', '2024'])
      expect(parseFilterDate(text)).toBeNull();
  });

  it('shows a date as the cells do: dd-mm-yyyy in Danish, dd/mm/yyyy in English', () => {
    const date = new Date(2024, 2, 1);
    expect(formatFilterDate(date, 'da')).toBe('01-03-2024');
    expect(formatFilterDate(date, 'en')).toBe('01/03/2024');
    expect(formatFilterDate(null, 'da')).toBe('');
  });

  it('reads back what it shows', () => {
    const date = new Date(2031, 11, 24);
    for (const locale of ['da', 'en'] as const)
      expect(parseFilterDate(formatFilterDate(date, locale))?.getTime()).toBe(date.getTime());
  });
});
