import { translate } from '@brobygger/i18n';
import { describe, expect, it } from 'vitest';
import type { GridColumn, GridRow } from '../types.ts';
import type { ValueContext } from '../values.ts';
import { csvBlob, csvText } from './export-csv.ts';

const columns: GridColumn<Record<string, unknown>>[] = [
  { field: 'name', header: 'volunteers:columns.name', type: 'text' },
  { field: 'startDate', header: 'volunteers:columns.startDate', type: 'date' },
  { field: 'note', header: 'volunteers:columns.note', type: 'text' },
];
const rows: GridRow[] = [
  { id: 'a', version: 1, name: 'Anna "Søs" Andersen', startDate: '2024-03-01', note: '=HYPERLINK("x")' },
  { id: 'b', version: 1, name: 'Bo', startDate: null, note: null },
];
const da: ValueContext = { t: translate('da'), locale: 'da' };
const en: ValueContext = { t: translate('en'), locale: 'en' };

describe('csvText', () => {
  it('writes translated headers and cells as shown, quoted, separated for Danish Excel', () => {
    const lines = csvText(columns, rows, da).split('\r\n');
    expect(lines[0]).toBe('"Navn";"Startdato";"Note"');
    expect(lines[1]).toMatch(/^"Anna ""Søs"" Andersen";"01-03-2024";"'=HYPERLINK\(""x""\)"$/);
    expect(lines[2]).toBe('"Bo";"";""');
  });

  it('separates with commas in English, with English dates', () => {
    expect(csvText(columns, rows, en).split('\r\n')[1]).toContain('","01/03/2024","');
  });

  it('starts the file with a byte order mark, so Excel reads æ, ø and å as UTF-8', async () => {
    const bytes = new Uint8Array(await csvBlob('æ').arrayBuffer());
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });
});
