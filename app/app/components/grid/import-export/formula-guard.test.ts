import { describe, expect, it } from 'vitest';
import { exportCell } from './export-xlsx.ts';
import { neutraliseFormula, restoreFormulaText } from './formula-guard.ts';
import type { ValueContext } from '../values.ts';

describe('neutraliseFormula', () => {
  it.each([
    ['=HYPERLINK("https://evil.example","Klik")', '\'=HYPERLINK("https://evil.example","Klik")'],
    ['+45 12 34 56 78', "'+45 12 34 56 78"],
    ['-2+3', "'-2+3"],
    ['@SUM(A1:A9)', "'@SUM(A1:A9)"],
    ['\t=1+1', "'\t=1+1"],
    ['\r=1+1', "'\r=1+1"],
  ])('prefixes %j so a spreadsheet shows it as text', (input, expected) => {
    expect(neutraliseFormula(input)).toBe(expected);
  });

  it.each(['Mette Hansen', '', '12', ' =not first', 'a=b', "'already quoted"])('leaves %j as it is', (input) => {
    expect(neutraliseFormula(input)).toBe(input);
  });
});

describe('restoreFormulaText', () => {
  it('reads a guarded cell back as it was typed, and leaves other apostrophes alone', () => {
    for (const typed of ['=1+1 is text', '+45 12 34 56 78', '-', '@home', 'plain', "'quoted'", "it's"]) {
      expect(restoreFormulaText(neutraliseFormula(typed))).toBe(typed);
    }
    expect(restoreFormulaText("'Mette")).toBe("'Mette");
  });
});

describe('Excel export', () => {
  const ctx = { locale: 'da', t: (k: string) => k } as unknown as ValueContext;
  it('writes a text cell that starts like a formula as plain text', () => {
    const column = { field: 'notes', header: 'h', type: 'text' } as never;
    expect(exportCell(column, '=HYPERLINK("x")', ctx)).toEqual({ value: '\'=HYPERLINK("x")', type: String });
  });
  it('keeps numbers numbers, negative ones too', () => {
    const column = { field: 'n', header: 'h', type: 'number' } as never;
    expect(exportCell(column, -3, ctx)).toEqual({ value: -3, type: Number });
  });
});
