import { NEW_PARTICIPANT, NEW_VOLUNTEER, ZParticipantFields, ZVolunteerFields } from '@brobygger/api/rosters';
import { translate } from '@brobygger/i18n';
import { describe, expect, it } from 'vitest';
import { EditSession } from '../session.ts';
import type { GridRow } from '../types.ts';
import { convertCell, guessMapping, importIntent, normalize, planImport, rowsToUpsert, type PlanInput } from './mapping.ts';
import type { SheetTable } from './read-file.ts';
import { importContext, participantColumns, sequentialIds, volunteerColumns } from './test-support.ts';

const ctx = importContext('da');
const col = (field: string) => [...volunteerColumns, ...participantColumns].find((c) => c.field === field)!;

const anna: GridRow = { ...NEW_VOLUNTEER, id: '11111111-1111-4111-8111-111111111111', version: 3, name: 'Anna Jensen', email: 'anna@example.com', status: 'active' };
const bo: GridRow = { ...NEW_VOLUNTEER, id: '22222222-2222-4222-8222-222222222222', version: 7, name: 'Bo Hansen', email: 'bo@example.com', phone: '12345678' };

function volunteers(table: SheetTable, over: Partial<PlanInput> = {}) {
  return planImport({
    table,
    mapping: guessMapping(table.headers, volunteerColumns, ctx),
    columns: volunteerColumns,
    keyField: 'email',
    existingRows: [anna, bo],
    schema: ZVolunteerFields,
    newRow: () => NEW_VOLUNTEER,
    ctx,
    makeId: sequentialIds(),
    ...over,
  });
}

describe('guessMapping', () => {
  it('matches Danish headers, ignoring case, spacing and punctuation', () => {
    const headers = ['NAVN', ' e-mail ', 'Startdato', 'Korte  kurser', 'Attest i orden', 'Noget helt andet', ''];
    expect(guessMapping(headers, volunteerColumns, ctx)).toEqual(['name', 'email', 'startDate', 'shortCourses', 'recordCheckOk', null, null]);
  });

  it('matches English headers and field names, whatever the UI language', () => {
    const headers = ['Start date', 'Name', 'Meets children under 15', 'peerEducation', 'E-MAIL'];
    expect(guessMapping(headers, volunteerColumns, importContext('da'))).toEqual(['startDate', 'name', 'meetsChildrenUnder15', 'peerEducation', 'email']);
  });

  it('ignores diacritics and spells out æ/ø', () => {
    expect(normalize('Fødsels-år')).toBe('fodselsar');
    expect(guessMapping(['Fodselsar', 'Fornavn eller initialer'], participantColumns, ctx)).toEqual(['birthYear', 'firstName']);
    expect(guessMapping(['Moder born under 15'], volunteerColumns, ctx)).toEqual(['meetsChildrenUnder15']);
  });

  it('gives a field to the first column only', () => {
    expect(guessMapping(['Name', 'Navn'], volunteerColumns, ctx)).toEqual(['name', null]);
  });
});

describe('convertCell', () => {
  it('reads Danish, ISO and Excel dates as ISO', () => {
    expect(convertCell(col('startDate'), '31-12-2024', ctx)).toBe('2024-12-31');
    expect(convertCell(col('startDate'), '1.2.2024', ctx)).toBe('2024-02-01');
    expect(convertCell(col('startDate'), '2024-02-01', ctx)).toBe('2024-02-01');
    expect(convertCell(col('startDate'), new Date(Date.UTC(2023, 5, 15)), ctx)).toBe('2023-06-15');
    expect(convertCell(col('startDate'), '', ctx)).toBeNull();
    // Not a date: kept as written, so the schema reports it on that cell.
    expect(convertCell(col('startDate'), '31-02-2024', ctx)).toBe('31-02-2024');
  });

  it('reads numbers with a Danish decimal comma and keeps Excel numbers', () => {
    expect(convertCell(col('birthYear'), '1.985', ctx)).toBe(1985);
    expect(convertCell(col('birthYear'), '12,5', ctx)).toBe(12.5);
    expect(convertCell(col('birthYear'), 1985, ctx)).toBe(1985);
    expect(convertCell(col('birthYear'), 'ukendt', ctx)).toBe('ukendt');
    expect(convertCell(col('birthYear'), null, ctx)).toBeNull();
  });

  it('reads yes/no in both languages', () => {
    const yes = ['ja', 'JA', 'yes', 'x', '1', true, 1];
    const no = ['nej', 'No', '0', false, 0];
    for (const v of yes) expect(convertCell(col('meetsChildrenUnder15'), v, ctx)).toBe(true);
    for (const v of no) expect(convertCell(col('meetsChildrenUnder15'), v, ctx)).toBe(false);
    expect(convertCell(col('meetsChildrenUnder15'), '', ctx)).toBe(false);
    expect(convertCell(col('recordCheckOk'), '', ctx)).toBeNull();
  });

  it('reads options by value or by label in either language', () => {
    expect(convertCell(col('status'), 'På pause', ctx)).toBe('paused');
    expect(convertCell(col('status'), 'paused', ctx)).toBe('paused');
    expect(convertCell(col('status'), 'PAUSED', ctx)).toBe('paused');
    expect(convertCell(col('peerEducation'), 'In progress', ctx)).toBe('in_progress');
    expect(convertCell(col('peerEducation'), 'i gang', ctx)).toBe('in_progress');
    expect(convertCell(col('status'), 'Måske', ctx)).toBe('Måske');
    expect(convertCell(col('shortCourses'), 'Førstehjælp, Recovery ,conflict handling', ctx)).toEqual(['first_aid', 'recovery', 'conflict_handling']);
    expect(convertCell(col('shortCourses'), '', ctx)).toEqual([]);
  });
});

describe('planImport', () => {
  const table: SheetTable = {
    headers: ['Navn', 'E-mail', 'Telefon', 'Status', 'Startdato'],
    rows: [
      ['Anna Jensen', 'ANNA@Example.com ', null, 'Aktiv', '01-03-2024'],
      ['Bo Hansen', 'bo@example.com', '12345678', 'Ansøger', ''],
      [null, null, null, null, null],
      ['Carl Nielsen', 'carl@example.com', '87654321', 'Active', '2024-05-01'],
    ],
  };

  it('matches rows by key case-insensitively, updating only the mapped fields', () => {
    const { results, counts } = volunteers(table);
    expect(counts).toEqual({ new: 1, update: 1, unchanged: 1, invalid: 0 });

    const [a, b, c] = results;
    expect(a).toMatchObject({ line: 2, kind: 'update', changed: ['startDate'], errors: [] });
    // Same id and version; the key is not rewritten in another case; unmapped fields untouched.
    expect(a!.row).toEqual({ ...anna, startDate: '2024-03-01' });
    expect(b).toMatchObject({ line: 3, kind: 'unchanged', errors: [] });
    // The blank line 4 is skipped but still counted.
    expect(c).toMatchObject({ line: 5, kind: 'new', errors: [] });
    expect(c!.row).toEqual({
      ...NEW_VOLUNTEER,
      id: '00000000-0000-4000-8000-000000000001',
      version: null,
      name: 'Carl Nielsen',
      email: 'carl@example.com',
      phone: '87654321',
      status: 'active',
      startDate: '2024-05-01',
    });

    expect(rowsToUpsert(volunteers(table))).toHaveLength(2);
  });

  it('adds every line as new when no key is chosen', () => {
    const { counts } = volunteers(table, { keyField: null });
    expect(counts).toEqual({ new: 3, update: 0, unchanged: 0, invalid: 0 });
  });

  it('reports a bad e-mail with its line and an i18n key, and returns nothing to save', () => {
    const bad: SheetTable = { headers: ['Name', 'Email'], rows: [['Dorte', 'dorte@example.com'], ['Erik', 'erik(at)example'], ['', 'x@example.com']] };
    const plan = volunteers(bad);
    expect(plan.counts).toMatchObject({ new: 3, invalid: 2 });
    expect(plan.results[1]).toMatchObject({ line: 3, kind: 'new', errors: [{ field: 'email', message: 'errors:invalid_email' }] });
    expect(plan.results[2]).toMatchObject({ line: 4, errors: [{ field: 'name', message: 'errors:required' }] });
    // The messages exist in both languages.
    for (const t of [translate('da'), translate('en')]) {
      expect(t('errors:invalid_email')).not.toBe('invalid_email');
      expect(t('errors:required')).not.toBe('required');
    }
    expect(rowsToUpsert(plan)).toEqual([]);
    expect(importIntent(plan)).toEqual({});
  });

  it('refuses CPR numbers in participants, naming the line', () => {
    const file: SheetTable = {
      headers: ['Fornavn eller initialer', 'Fødselsår', 'Henvist af', 'Samtykke givet', 'Status'],
      rows: [
        ['AB', '1985', 'Psykiatrien', '15.01.2024', 'Aktiv'],
        ['010185-1234', '1985', 'Self-referral', '', 'Venter'],
        ['CD', '1850', 'Naboen', '2024-13-01', 'Aktiv'],
      ],
    };
    const plan = planImport({
      table: file,
      mapping: guessMapping(file.headers, participantColumns, ctx),
      columns: participantColumns,
      keyField: null,
      existingRows: [],
      schema: ZParticipantFields,
      newRow: NEW_PARTICIPANT,
      ctx,
      makeId: sequentialIds(),
    });
    expect(plan.results[0]).toMatchObject({ line: 2, errors: [] });
    expect(plan.results[0]!.row).toMatchObject({ firstName: 'AB', birthYear: 1985, referredBy: 'psychiatry', consentOn: '2024-01-15', status: 'active' });
    expect(plan.results[1]).toMatchObject({ line: 3, errors: [{ field: 'firstName', message: 'errors:cpr_not_allowed' }] });
    expect(plan.results[2]!.errors).toEqual([
      { field: 'birthYear', message: 'errors:invalid_birth_year' },
      { field: 'referredBy', message: 'errors:invalid_choice' },
      { field: 'consentOn', message: 'errors:invalid_date' },
    ]);
    expect(plan.counts.invalid).toBe(2);
    expect(rowsToUpsert(plan)).toEqual([]);
    expect(translate('da')('errors:cpr_not_allowed')).toMatch(/CPR/);
  });

  it('flags a key that appears twice in the file or matches several rows', () => {
    const twice: SheetTable = { headers: ['Name', 'Email'], rows: [['Carl', 'carl@example.com'], ['Carl N', 'Carl@example.com']] };
    const plan = volunteers(twice);
    expect(plan.results.map((r) => r.errors)).toEqual([
      [{ field: 'email', message: 'import:errors.duplicateKey' }],
      [{ field: 'email', message: 'import:errors.duplicateKey' }],
    ]);

    const anna2 = { ...anna, id: '33333333-3333-4333-8333-333333333333', name: 'Anna J.' };
    const ambiguous = volunteers({ headers: ['Name', 'Email'], rows: [['Anna', 'anna@example.com']] }, { existingRows: [anna, anna2] });
    expect(ambiguous.results[0]!.errors).toContainEqual({ field: 'email', message: 'import:errors.ambiguousKey' });
    expect(translate('en')('import:errors.ambiguousKey')).toMatch(/Several/);
  });

  it('becomes one grid edit that Save sends, and one undo removes it', () => {
    const session = new EditSession([anna, bo]);
    const plan = volunteers(table);
    session.commit(importIntent(plan));
    const { upserts } = session.pending();
    expect(upserts).toHaveLength(2);
    expect(upserts.find((r) => r.id === anna.id)).toEqual({ ...anna, startDate: '2024-03-01' });
    expect(upserts.find((r) => r.version === null)).toMatchObject({ name: 'Carl Nielsen', email: 'carl@example.com', status: 'active' });
    session.undo();
    expect(session.pending().upserts).toEqual([]);
    expect(session.visibleRows()).toEqual([anna, bo]);
  });
});
