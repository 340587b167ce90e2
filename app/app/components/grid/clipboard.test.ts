import { describe, expect, it } from 'vitest';
import { parseBoolean, parseDate, parseNumber, parseTsv } from './clipboard.ts';

describe('parseTsv', () => {
  it('reads Excel rows and drops the line break Excel puts after the last row', () => {
    expect(parseTsv('Anna\tanna@example.dk\r\nBo\tbo@example.dk\r\n')).toEqual([
      ['Anna', 'anna@example.dk'],
      ['Bo', 'bo@example.dk'],
    ]);
  });

  it('reads Google Sheets rows, which end without a line break', () => {
    expect(parseTsv('a\tb\nc\td')).toEqual([
      ['a', 'b'],
      ['c', 'd'],
    ]);
  });

  it('keeps tabs, line breaks and doubled quotes inside quoted cells', () => {
    const text = 'Anna\t"Linje 1\r\nLinje 2"\t"med\ttab"\r\n"Han sagde ""hej"""\tx\r\n';
    expect(parseTsv(text)).toEqual([
      ['Anna', 'Linje 1\nLinje 2', 'med\ttab'],
      ['Han sagde "hej"', 'x'],
    ]);
  });

  it('takes a cell that only starts with a quote literally', () => {
    expect(parseTsv('"5" skærm\tx\n"uafsluttet\ty')).toEqual([
      ['"5" skærm', 'x'],
      ['"uafsluttet', 'y'],
    ]);
  });

  it('keeps empty cells, including trailing ones, and empty rows inside the block', () => {
    expect(parseTsv('a\t\tc\t\r\n\r\nb\r\n')).toEqual([['a', '', 'c', ''], [''], ['b']]);
  });

  it('reads a single value and nothing', () => {
    expect(parseTsv('hej')).toEqual([['hej']]);
    expect(parseTsv('')).toEqual([]);
  });
});

describe('parseNumber', () => {
  it('reads Danish decimal commas and thousands points', () => {
    expect(parseNumber('1,5', 'da')).toBe(1.5);
    expect(parseNumber('-2,25', 'da')).toBe(-2.25);
    expect(parseNumber('1.234,5', 'da')).toBe(1234.5);
    expect(parseNumber('1.985', 'da')).toBe(1985);
    expect(parseNumber(' 1 985 ', 'da')).toBe(1985);
  });

  it('reads English numbers', () => {
    expect(parseNumber('1.5', 'en')).toBe(1.5);
    expect(parseNumber('1,234', 'en')).toBe(1234);
    expect(parseNumber('1,234.5', 'en')).toBe(1234.5);
    expect(parseNumber('1.5', 'da')).toBe(1.5);
  });

  it('gives blank as no value and other text back for validation to reject', () => {
    expect(parseNumber('  ', 'da')).toBeNull();
    expect(parseNumber('cirka 40', 'da')).toBe('cirka 40');
    expect(parseNumber('1,2,3', 'da')).toBe('1,2,3');
  });
});

describe('parseDate', () => {
  const today = new Date('2025-06-01T12:00:00Z');

  it('reads Danish and British day-first dates as ISO', () => {
    expect(parseDate('31-12-2024')).toBe('2024-12-31');
    expect(parseDate('1.2.2024')).toBe('2024-02-01');
    expect(parseDate('05/06/2024')).toBe('2024-06-05');
  });

  it('reads ISO dates, with or without a time', () => {
    expect(parseDate('2024-02-29')).toBe('2024-02-29');
    expect(parseDate('2024-03-01T00:00:00')).toBe('2024-03-01');
    expect(parseDate('2024-3-1')).toBe('2024-03-01');
  });

  it('reads two-digit years as the latest year not in the future', () => {
    expect(parseDate('05-06-24', today)).toBe('2024-06-05');
    expect(parseDate('05-06-99', today)).toBe('1999-06-05');
  });

  it('gives impossible dates and other text back for validation to reject', () => {
    expect(parseDate('29-02-2023')).toBe('29-02-2023');
    expect(parseDate('i går')).toBe('i går');
    expect(parseDate('')).toBeNull();
  });
});

describe('parseBoolean', () => {
  it('reads ja/nej, yes/no, x and 1/0', () => {
    for (const yes of ['ja', 'Ja', 'yes', 'x', 'X', '1', 'sand']) expect(parseBoolean(yes, false)).toBe(true);
    for (const no of ['nej', 'NEJ', 'no', '0', 'falsk']) expect(parseBoolean(no, false)).toBe(false);
  });

  it('reads blank as unknown where allowed, otherwise as no', () => {
    expect(parseBoolean('', true)).toBeNull();
    expect(parseBoolean(' ', false)).toBe(false);
    expect(parseBoolean('måske', true)).toBe('måske');
  });
});
