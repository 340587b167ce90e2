import { describe, expect, it } from 'vitest';
import { MatrixSession } from './matrix-session.ts';
import { COLUMNS, idSource, record, ROWS } from './test-support.ts';

const setup = () =>
  new MatrixSession(
    ROWS,
    COLUMNS,
    [record('r1', 'anna', 's1', 'present', 3), record('r2', 'bo', 's2', 'absent', 1)],
    idSource(),
  );

const set = (rowId: string, columnId: string, value: string | null) => ({ id: rowId, field: columnId, value });

describe('MatrixSession: edit, save, refuse', () => {
  it('sends one record per changed cell and becomes clean after a successful save', () => {
    const m = setup();
    m.commit({ cells: [set('anna', 's2', 'present'), set('bo', 's2', null), set('anna', 's1', 'present')] });
    expect(m.changeCount()).toBe(2);
    const batch = m.batch();
    expect(batch).toEqual({
      upserts: [{ id: 'new-1', version: null, rowId: 'anna', columnId: 's2', value: 'present' }],
      deletes: [{ id: 'r2', version: 1 }],
    });

    m.applySaveResult({ ok: true, rows: [{ ...batch.upserts[0]!, version: 1 }], deleted: ['r2'] });
    expect(m.changeCount()).toBe(0);
    expect(m.edits.isDirty('anna', 's2')).toBe(false);
    expect(m.edits.canUndo).toBe(false);
    // The saved record is now changed at its own id and version.
    m.commit({ cells: [set('anna', 's2', 'absent')] });
    expect(m.batch().upserts).toEqual([{ id: 'new-1', version: 1, rowId: 'anna', columnId: 's2', value: 'absent' }]);
  });

  it('undo brings a cell back and takes it out of the batch', () => {
    const m = setup();
    m.commit({ cells: [set('dorte', 's4', 'no_show')] });
    m.edits.undo();
    expect(m.value('dorte', 's4')).toBeNull();
    expect(m.batch()).toEqual({ upserts: [], deletes: [] });
    m.edits.redo();
    expect(m.batch().upserts).toHaveLength(1);
  });

  it('marks only the cells someone else changed as conflicts and keeps every edit', () => {
    const m = setup();
    m.commit({ cells: [set('anna', 's1', 'absent'), set('anna', 's2', 'present'), set('bo', 's1', 'present')] });
    m.applySaveResult({
      ok: false,
      conflicts: [{ id: 'r1', server: record('r1', 'anna', 's1', 'no_show', 4) }],
      errors: [],
    });
    expect(m.conflicts()).toEqual([{ rowId: 'anna', columnId: 's1', theirs: 'no_show' }]);
    expect(m.conflictAt('anna', 's2')).toBeUndefined();
    expect([m.value('anna', 's1'), m.value('anna', 's2'), m.value('bo', 's1')]).toEqual([
      'absent',
      'present',
      'present',
    ]);
    // Keeping mine sends my value at their version; the other edits still go with it.
    m.resolve('anna', 's1', 'mine');
    expect(m.conflicts()).toEqual([]);
    expect(m.batch().upserts).toEqual([
      { id: 'r1', version: 4, rowId: 'anna', columnId: 's1', value: 'absent' },
      { id: 'new-1', version: null, rowId: 'anna', columnId: 's2', value: 'present' },
      { id: 'new-2', version: null, rowId: 'bo', columnId: 's1', value: 'present' },
    ]);
  });

  it('taking theirs puts their value in the cell and leaves it out of the next save', () => {
    const m = setup();
    m.commit({ cells: [set('bo', 's2', 'present')] });
    m.applySaveResult({ ok: false, conflicts: [{ id: 'r2', server: null }], errors: [] });
    expect(m.conflictAt('bo', 's2')).toEqual({ rowId: 'bo', columnId: 's2', theirs: null });
    m.resolve('bo', 's2', 'theirs');
    expect(m.value('bo', 's2')).toBeNull();
    expect(m.batch()).toEqual({ upserts: [], deletes: [] });
  });

  it('does not ask about a cell where both people wrote the same code', () => {
    const m = setup();
    m.commit({ cells: [set('anna', 's1', 'absent')] });
    m.applySaveResult({
      ok: false,
      conflicts: [{ id: 'r1', server: record('r1', 'anna', 's1', 'absent', 4) }],
      errors: [],
    });
    expect(m.conflicts()).toEqual([]);
    expect(m.changeCount()).toBe(0);
  });

  it('puts a server error on its cell until the cell is edited', () => {
    const m = setup();
    m.commit({ cells: [set('anna', 's1', 'absent')] });
    m.applySaveResult({
      ok: false,
      conflicts: [],
      errors: [{ id: 'r1', field: 'value', message: 'errors:invalid_option' }],
    });
    expect(m.serverErrorAt('anna', 's1')).toBe('errors:invalid_option');
    m.commit({ cells: [set('anna', 's1', 'no_show')] });
    expect(m.serverErrorAt('anna', 's1')).toBeUndefined();
  });
});
