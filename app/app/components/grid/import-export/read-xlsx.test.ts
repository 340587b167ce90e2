import { NEW_VOLUNTEER, ZVolunteerFields } from '@brobygger/api/rosters';
import ExcelJS from 'exceljs';
import { describe, expect, it } from 'vitest';
import { guessMapping, likeliestSheet, planImport } from './mapping.ts';
import { ImportFileError, readFile, readWorkbook } from './read-file.ts';
import { importContext, sequentialIds, volunteerColumns } from './test-support.ts';

/**
 * The app reads XLSX with read-excel-file and writes its own exports with write-excel-file, by
 * the same author: a round trip through those two could share a blind spot. These workbooks are
 * written by ExcelJS instead, which stores text as shared strings (as Excel does) and dates as
 * serial numbers with a number format, so the reader must know which formats are dates.
 */

type Cell = string | number | boolean | Date | null;

async function workbook(sheets: Record<string, { rows: Cell[][]; formats?: Record<string, string> }>) {
  const book = new ExcelJS.Workbook();
  for (const [name, { rows, formats = {} }] of Object.entries(sheets)) {
    const sheet = book.addWorksheet(name);
    for (const row of rows) sheet.addRow(row);
    for (const [address, format] of Object.entries(formats)) sheet.getCell(address).numFmt = format;
  }
  const bytes = new Uint8Array(await book.xlsx.writeBuffer());
  return Object.assign(new Blob([bytes]), { name: 'frivillige.xlsx', bytes });
}

const utc = (y: number, m: number, d: number) => new Date(Date.UTC(y, m - 1, d));

describe('XLSX written by ExcelJS', () => {
  it('reads shared strings with Danish characters, numbers, yes/no and empty cells', async () => {
    const file = await workbook({
      Frivillige: {
        rows: [
          ['Navn', 'Fødselsår', 'Timer', 'Mødes med børn', 'Note'],
          ['Søren Ærø', 1985, 1.5, true, null],
          ['Åse Øberg', null, 1234.25, false, 'Bor i "Aabenraa"; tlf. følger'],
          [null, null, null, null, null],
          ['Ib', 2001, 0, null, 'æøå ÆØÅ é ü'],
        ],
      },
    });
    // The text lives in the shared-strings part (its name is stored uncompressed in the ZIP).
    expect(Buffer.from(file.bytes).includes('xl/sharedStrings.xml')).toBe(true);

    const table = await readFile(file);
    expect(table.headers).toEqual(['Navn', 'Fødselsår', 'Timer', 'Mødes med børn', 'Note']);
    expect(table.rows).toHaveLength(4);
    expect(table.rows[0]).toEqual(['Søren Ærø', 1985, 1.5, true, null]);
    expect(table.rows[1]).toEqual(['Åse Øberg', null, 1234.25, false, 'Bor i "Aabenraa"; tlf. følger']);
    // An empty row in the middle stays, so that line numbers match what the user sees in Excel.
    expect(table.rows[2]!.every((c) => c === null || c === undefined)).toBe(true);
    expect(table.rows[3]).toEqual(['Ib', 2001, 0, null, 'æøå ÆØÅ é ü']);
  });

  it('reads cells with custom and built-in date formats as the right calendar dates', async () => {
    const dates = [utc(2024, 2, 29), utc(2023, 12, 31), utc(1999, 1, 1), utc(2025, 3, 9), utc(2024, 7, 1)];
    const file = await workbook({
      Datoer: {
        rows: [['dd-mm-yyyy', 'mm-dd-yy (14)', 'd-mmm-yy (15)', 'yyyy-mm-dd', 'dd/mm/yyyy'], dates],
        formats: { A2: 'dd-mm-yyyy', B2: 'mm-dd-yy', C2: 'd-mmm-yy', D2: 'yyyy-mm-dd', E2: 'dd/mm/yyyy' },
      },
    });
    const table = await readFile(file);
    expect(table.rows[0]).toEqual(dates);
  });

  it('imports dates, numbers, yes/no and options from such a file into grid values', async () => {
    const file = await workbook({
      Ark1: {
        rows: [
          ['Navn', 'E-mail', 'Startdato', 'Status', 'Attest i orden', 'Møder børn under 15'],
          ['Søren Ærø', 'soren@example.dk', utc(2024, 2, 29), 'På pause', true, 'Ja'],
          ['Åse Øberg', null, '01-03-2024', 'active', null, false],
        ],
        formats: { C2: 'dd-mm-yyyy' },
      },
    });
    const table = await readFile(file);
    const ctx = importContext('da');
    const plan = planImport({
      table,
      mapping: guessMapping(table.headers, volunteerColumns, ctx),
      columns: volunteerColumns,
      keyField: null,
      existingRows: [],
      schema: ZVolunteerFields,
      newRow: NEW_VOLUNTEER,
      ctx,
      makeId: sequentialIds(),
    });
    expect(plan.counts).toEqual({ new: 2, update: 0, unchanged: 0, invalid: 0 });
    expect(plan.results.map((r) => r.row)).toEqual([
      expect.objectContaining({
        name: 'Søren Ærø',
        email: 'soren@example.dk',
        startDate: '2024-02-29',
        status: 'paused',
        recordCheckOk: true,
        meetsChildrenUnder15: true,
      }),
      expect.objectContaining({
        name: 'Åse Øberg',
        email: null,
        startDate: '2024-03-01',
        status: 'active',
        recordCheckOk: null,
        meetsChildrenUnder15: false,
      }),
    ]);
  });

  it('lists every sheet, skips empty ones, and starts at the sheet whose headers fit the roster', async () => {
    const file = await workbook({
      Tom: { rows: [] },
      Vejledning: { rows: [['Udfyld arket "Frivillige" og importér filen.']] },
      Frivillige: {
        rows: [
          ['Navn', 'E-mail'],
          ['Søren', 'soren@example.dk'],
          ['Åse', 'aase@example.dk'],
        ],
      },
      Deltagere: { rows: [['Fornavn eller initialer'], ['AB']] },
    });
    const book = await readWorkbook(file);
    expect(book.sheets.map((s) => [s.name, s.error ?? s.table.rows.length])).toEqual([
      ['Tom', 'import:errors.empty'],
      ['Vejledning', 0],
      ['Frivillige', 2],
      ['Deltagere', 1],
    ]);
    // The reader alone knows no fields: it starts at the first sheet with a header row.
    expect(book.first).toBe(1);
    expect((await readFile(file)).headers).toEqual(['Udfyld arket "Frivillige" og importér filen.']);
    // The import knows the roster's columns and passes over the instructions.
    expect(likeliestSheet(book, volunteerColumns, importContext('da'))).toBe(2);
  });

  it('refuses a workbook in which no sheet has a header row', async () => {
    const file = await workbook({ Ark1: { rows: [] }, Ark2: { rows: [[null, null]] } });
    await expect(readWorkbook(file)).rejects.toEqual(new ImportFileError('import:errors.empty'));
  });

  it('reads a CSV file as one sheet named after the file', async () => {
    const csv = Object.assign(new Blob(['Navn;E-mail\r\nSøren;soren@example.dk\r\n']), { name: 'frivillige.csv' });
    const book = await readWorkbook(csv);
    expect(book).toEqual({
      sheets: [
        { name: 'frivillige.csv', table: { headers: ['Navn', 'E-mail'], rows: [['Søren', 'soren@example.dk']] } },
      ],
      first: 0,
    });
  });
});
