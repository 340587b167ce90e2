import type { ExportedExpense } from '@brobygger/api';
import { translate } from '@brobygger/i18n';
import { describe, expect, it } from 'vitest';
import { csvText } from '../grid/import-export/export-csv.ts';
import { buildSheet } from '../grid/import-export/export-xlsx.ts';
import type { ValueContext } from '../grid/values.ts';
import { MONTH_EXPORT_COLUMNS, monthExportRows } from './month-export-table.ts';

const exported: ExportedExpense[] = [
  {
    id: 'a',
    volunteer: 'Ali Demir',
    spentOn: '2026-03-31',
    kind: 'other',
    purpose: 'Kaffe',
    km: null,
    rate: null,
    amount: 89.95,
  },
  {
    id: 'b',
    volunteer: 'Kim Holm',
    spentOn: '2026-03-02',
    kind: 'transport',
    purpose: '=kørsel til møde',
    km: 12.5,
    rate: 3.81,
    amount: 47.63,
  },
];
const da: ValueContext = { t: translate('da'), locale: 'da' };
const en: ValueContext = { t: translate('en'), locale: 'en' };

describe('the monthly bookkeeping file', () => {
  it('has volunteer, date, purpose, kind, km, rate and amount, as Danish Excel reads them', () => {
    expect(csvText(MONTH_EXPORT_COLUMNS, monthExportRows(exported), da).split('\r\n')).toEqual([
      '"Frivillig";"Dato";"Formål";"Type";"Km";"Takst (kr./km)";"Beløb (kr.)"',
      '"Ali Demir";"31-03-2026";"Kaffe";"Andet udlæg";"";"";"89,95"',
      // A purpose that starts like a formula stays text.
      `"Kim Holm";"02-03-2026";"'=kørsel til møde";"Kørsel";"12,5";"3,81";"47,63"`,
    ]);
  });

  it('in English, with commas and English dates', () => {
    const lines = csvText(MONTH_EXPORT_COLUMNS, monthExportRows(exported), en).split('\r\n');
    expect(lines[0]).toBe('"Volunteer","Date","Purpose","Kind","Km","Rate (DKK/km)","Amount (DKK)"');
    expect(lines[2]).toBe(`"Kim Holm","02/03/2026","'=kørsel til møde","Transport","12.5","3.81","47.63"`);
  });

  it('keeps numbers and dates as numbers and dates in the XLSX sheet', () => {
    const [header, , kim] = buildSheet(MONTH_EXPORT_COLUMNS, monthExportRows(exported), da);
    expect(header!.map((c) => (c as { value: string }).value)).toEqual([
      'Frivillig',
      'Dato',
      'Formål',
      'Type',
      'Km',
      'Takst (kr./km)',
      'Beløb (kr.)',
    ]);
    expect(kim!.slice(4).map((c) => (c as { value: number }).value)).toEqual([12.5, 3.81, 47.63]);
    expect((kim![1] as { value: Date }).value).toEqual(new Date(Date.UTC(2026, 2, 2)));
  });
});
