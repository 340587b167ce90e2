import { NEW_VOLUNTEER, ZVolunteerFields } from '@brobygger/api/rosters';
import { translate } from '@brobygger/i18n';
import daImport from '@brobygger/i18n/locales/da/import.json';
import enImport from '@brobygger/i18n/locales/en/import.json';
import { describe, expect, it } from 'vitest';
import writeXlsxFile from 'write-excel-file/node';
import type { GridRow } from '../types.ts';
import { buildSheet, exportCell, exportFileName, sheetOptions } from './export-xlsx.ts';
import { guessMapping, planImport } from './mapping.ts';
import { decodeText, guessDelimiter, ImportFileError, parseCsv, readFile } from './read-file.ts';
import { importContext, sequentialIds, volunteerColumns } from './test-support.ts';

const fileOf = (content: BlobPart, name: string) => new File([content], name);

describe('CSV', () => {
  it('guesses the separator from the header line', () => {
    expect(guessDelimiter('Navn;Fødselsår;Beløb\nAnna;1985;1,5')).toBe(';');
    expect(guessDelimiter('Name,Email\nAnna,a@x.dk')).toBe(',');
    expect(guessDelimiter('Name\tEmail\nAnna\ta@x.dk')).toBe('\t');
    expect(guessDelimiter('"Navn, fulde";Note\nx;y')).toBe(';');
    expect(guessDelimiter('Navn\nAnna')).toBe(',');
  });

  it('reads a Danish Excel CSV: BOM, semicolons, decimal commas, quotes, CRLF', async () => {
    const text = '\uFEFFNavn;Note;Beløb\r\n"Jensen; Anna";"Sagde ""hej""";1,5\r\n\r\nBo;;2\r\n';
    const table = await readFile(fileOf(new TextEncoder().encode(text), 'frivillige.csv'));
    expect(table.headers).toEqual(['Navn', 'Note', 'Beløb']);
    // The empty line stays as a row, so line numbers match the file; the final line break does not.
    expect(table.rows).toEqual([['Jensen; Anna', 'Sagde "hej"', '1,5'], [''], ['Bo', '', '2']]);
  });

  it('reads Windows-1252 CSV, as older Danish Excel saves it', () => {
    const bytes = new Uint8Array([0x4e, 0x61, 0x76, 0x6e, 0x3b, 0x42, 0xf8, 0x72, 0x6e, 0x0a, 0x53, 0xf8, 0x72, 0x65, 0x6e, 0x3b, 0x6a, 0x61]);
    expect(decodeText(bytes)).toBe('Navn;Børn\nSøren;ja');
    expect(parseCsv(decodeText(bytes))).toEqual({ headers: ['Navn', 'Børn'], rows: [['Søren', 'ja']] });
  });

  it('refuses empty files and other file types with an i18n key', async () => {
    await expect(readFile(fileOf('\n\n', 'x.csv'))).rejects.toEqual(new ImportFileError('import:errors.empty'));
    await expect(readFile(fileOf('x', 'x.xls'))).rejects.toEqual(new ImportFileError('import:errors.unsupportedType'));
    await expect(readFile(fileOf('not a zip', 'x.xlsx'))).rejects.toEqual(new ImportFileError('import:errors.unreadable'));
  });
});

describe('XLSX export and import', () => {
  const da = { t: translate('da'), locale: 'da' as const };
  const rows: GridRow[] = [
    {
      ...NEW_VOLUNTEER,
      id: '11111111-1111-4111-8111-111111111111',
      version: 2,
      name: 'Anna Jensen',
      email: 'anna@example.com',
      phone: '12345678',
      status: 'paused',
      startDate: '2024-02-29',
      recordCheckOk: true,
      meetsChildrenUnder15: false,
      peerEducation: 'in_progress',
      shortCourses: ['first_aid', 'recovery'],
      note: '=1+1 is text',
    },
    { ...NEW_VOLUNTEER, id: '22222222-2222-4222-8222-222222222222', version: 1, name: 'Bo', startDate: null, recordCheckOk: null },
  ];

  it('writes cells as the grid shows them, with real dates and numbers', () => {
    expect(exportCell(volunteerColumns[4]!, '2024-02-29', da)).toEqual({ value: new Date(Date.UTC(2024, 1, 29)), type: Date, format: 'dd-mm-yyyy' });
    expect(exportCell(volunteerColumns[5]!, true, da)).toEqual({ value: 'Ja', type: String });
    expect(exportCell(volunteerColumns[5]!, false, { t: translate('en'), locale: 'en' })).toEqual({ value: 'No', type: String });
    expect(exportCell(volunteerColumns[8]!, ['first_aid', 'recovery'], da)).toEqual({ value: 'Førstehjælp, Recovery', type: String });
    expect(exportCell(volunteerColumns[5]!, null, da)).toBeNull();
    expect(buildSheet(volunteerColumns.slice(0, 2), [], da)).toEqual([
      [
        { value: 'Navn', type: String, fontWeight: 'bold' },
        { value: 'E-mail', type: String, fontWeight: 'bold' },
      ],
    ]);
    expect(exportFileName('frivillige', new Date(2025, 2, 9))).toBe('frivillige-2025-03-09.xlsx');
  });

  it('reads back, through the import, exactly the rows it wrote (Node: write-excel-file/node)', async () => {
    const buffer = await writeXlsxFile(buildSheet(volunteerColumns, rows, da), sheetOptions(volunteerColumns, da, 'Frivillige')).toBuffer();
    const table = await readFile(fileOf(new Uint8Array(buffer), 'frivillige-2025-03-09.xlsx'));
    expect(table.headers).toEqual(volunteerColumns.map((c) => da.t(c.header)));
    expect(table.rows[0]![4]).toEqual(new Date(Date.UTC(2024, 1, 29)));

    // Imported in English against the same rows: nothing changed.
    const ctx = importContext('en');
    const mapping = guessMapping(table.headers, volunteerColumns, ctx);
    expect(mapping).toEqual(volunteerColumns.map((c) => c.field));
    const plan = planImport({ table, mapping, columns: volunteerColumns, keyField: 'name', existingRows: rows, schema: ZVolunteerFields, newRow: NEW_VOLUNTEER, ctx, makeId: sequentialIds() });
    expect(plan.results.map((r) => [r.kind, r.changed, r.errors])).toEqual([
      ['unchanged', [], []],
      ['unchanged', [], []],
    ]);

    // And into an empty roster: the same values as new rows.
    const fresh = planImport({ table, mapping, columns: volunteerColumns, keyField: 'name', existingRows: [], schema: ZVolunteerFields, newRow: NEW_VOLUNTEER, ctx, makeId: sequentialIds() });
    expect(fresh.counts).toEqual({ new: 2, update: 0, unchanged: 0, invalid: 0 });
    expect(fresh.results.map((r) => ({ ...r.row, id: undefined, version: undefined }))).toEqual(rows.map((r) => ({ ...r, id: undefined, version: undefined })));
  });
});

describe('import namespace', () => {
  const keys = (o: object, prefix = ''): string[] =>
    Object.entries(o).flatMap(([k, v]) => (typeof v === 'object' && v !== null ? keys(v as object, `${prefix}${k}.`) : [`${prefix}${k}`]));

  it('has every key in Danish and English', () => {
    expect(keys(daImport).sort()).toEqual(keys(enImport).sort());
  });
});
