import { describe, expect, it } from 'vitest';
import { batchOf, NewRecordIds, refusalOf, rowsFromRecords, SavedCells } from './matrix-model.ts';
import { COLUMNS, idSource, record, ROWS } from './test-support.ts';

const RECORDS = [record('r1', 'anna', 's1', 'present', 3), record('r2', 'bo', 's2', 'absent', 1)];

describe('records to matrix rows', () => {
  it('gives every row a field per column, null where no record exists', () => {
    const rows = rowsFromRecords(ROWS.slice(0, 2), COLUMNS, RECORDS);
    expect(rows).toEqual([
      { id: 'anna', version: null, s1: 'present', s2: null, s3: null, s4: null },
      { id: 'bo', version: null, s1: null, s2: 'absent', s3: null, s4: null },
    ]);
  });

  it('ignores records of rows or columns the matrix does not show', () => {
    const rows = rowsFromRecords([ROWS[0]!], COLUMNS, [...RECORDS, record('x', 'anna', 'gone', 'present')]);
    expect(Object.keys(rows[0]!)).toEqual(['id', 'version', 's1', 's2', 's3', 's4']);
  });
});

describe('changed cells to a save batch', () => {
  const setup = () => ({ saved: new SavedCells(COLUMNS, RECORDS), ids: new NewRecordIds(idSource()) });

  it('creates a record for a new code, upserts a changed one at its version, deletes a cleared one', () => {
    const { saved, ids } = setup();
    const batch = batchOf(
      [
        { rowId: 'bo', columnId: 's1', value: 'present' },
        { rowId: 'anna', columnId: 's1', value: 'no_show' },
        { rowId: 'bo', columnId: 's2', value: null },
        { rowId: 'dorte', columnId: 's4', value: null },
      ],
      saved,
      ids,
    );
    expect(batch).toEqual({
      upserts: [
        { id: 'new-1', version: null, rowId: 'bo', columnId: 's1', value: 'present' },
        { id: 'r1', version: 3, rowId: 'anna', columnId: 's1', value: 'no_show' },
      ],
      deletes: [{ id: 'r2', version: 1 }],
    });
  });

  it('sends the same new id again when a save is retried, and a fresh one once the record is saved', () => {
    const { saved, ids } = setup();
    const change = [{ rowId: 'dorte', columnId: 's1', value: 'absent' }];
    const first = batchOf(change, saved, ids).upserts[0]!.id;
    expect(batchOf(change, saved, ids).upserts[0]!.id).toBe(first);
    ids.forget({ rowId: 'dorte', columnId: 's1' });
    expect(batchOf(change, saved, ids).upserts[0]!.id).not.toBe(first);
  });
});

describe('a refused save, in cells', () => {
  it('finds the cell of a conflicting record and takes the server record as the saved state', () => {
    const saved = new SavedCells(COLUMNS, RECORDS);
    const ids = new NewRecordIds(idSource());
    const refusal = refusalOf(
      {
        ok: false,
        conflicts: [
          { id: 'r1', server: record('r1', 'anna', 's1', 'absent', 4) },
          { id: 'r2', server: null },
        ],
        errors: [],
      },
      saved,
      ids,
    );
    expect(refusal.conflicts).toEqual([
      { rowId: 'anna', columnId: 's1', theirs: 'absent' },
      { rowId: 'bo', columnId: 's2', theirs: null },
    ]);
    expect(saved.at('anna', 's1')).toMatchObject({ id: 'r1', version: 4, value: 'absent' });
    expect(saved.at('bo', 's2')).toBeUndefined();
  });

  it('maps a collision on a cell this browser created to that cell, with the other record in it', () => {
    const saved = new SavedCells(COLUMNS, RECORDS);
    const ids = new NewRecordIds(idSource());
    const mine = batchOf([{ rowId: 'dorte', columnId: 's4', value: 'present' }], saved, ids).upserts[0]!;
    const refusal = refusalOf(
      {
        ok: false,
        conflicts: [{ id: mine.id, server: record('theirs', 'dorte', 's4', 'absent', 1) }],
        errors: [{ id: 'r1', field: 'value', message: 'errors:invalid_option' }],
      },
      saved,
      ids,
    );
    expect(refusal.conflicts).toEqual([{ rowId: 'dorte', columnId: 's4', theirs: 'absent' }]);
    expect(refusal.errors).toEqual([{ id: 'anna', field: 's1', message: 'errors:invalid_option' }]);
    // The next save changes their record, at its version, instead of creating a second one.
    expect(batchOf([{ rowId: 'dorte', columnId: 's4', value: 'present' }], saved, ids).upserts).toEqual([
      { id: 'theirs', version: 1, rowId: 'dorte', columnId: 's4', value: 'present' },
    ]);
  });
});
