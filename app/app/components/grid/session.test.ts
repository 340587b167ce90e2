import { createI18n } from '@brobygger/i18n';
import { describe, expect, it } from 'vitest';
import { parseTsv } from './clipboard.ts';
import { planClear, planFillDown, planPaste, type GridView } from './commands.ts';
import { EditSession } from './session.ts';
import type { GridColumn, GridRow } from './types.ts';

const ctx = { t: createI18n('da').t, locale: 'da' as const };

const columns: GridColumn<Record<string, unknown>>[] = [
  { field: 'name', header: 'volunteers:columns.name', type: 'text' },
  {
    field: 'status',
    header: 'volunteers:columns.status',
    type: 'select',
    options: ['applicant', 'active', 'paused', 'stopped'],
    optionLabels: 'volunteers:status',
  },
  { field: 'startDate', header: 'volunteers:columns.startDate', type: 'date' },
];

const saved = (id: string, name: string): GridRow => ({ id, version: 1, name, status: 'applicant', startDate: null });

let counter = 0;
const newRow = (): GridRow => ({
  id: `new-${++counter}`,
  version: null,
  name: null,
  status: 'applicant',
  startDate: null,
});

function setup() {
  counter = 0;
  const session = new EditSession([saved('a', 'Anna'), saved('b', 'Bo')]);
  const view = (): GridView => ({ rowIds: session.visibleRows().map((r) => r.id), columns });
  const snapshot = () =>
    session.visibleRows().map(({ id, name, status, startDate }) => ({ id, name, status, startDate }));
  return { session, view, snapshot };
}

describe('EditSession history', () => {
  it('undoes and redoes a paste that adds rows and a fill, one step each', () => {
    const { session, view, snapshot } = setup();
    const original = snapshot();

    // Three rows pasted from Excel at Bo's name: Bo's row changes and two rows are added.
    const block = parseTsv('Bodil\tAktiv\t01-02-2024\r\nCarl\tPå pause\t2024-03-01\r\nDorte\tansøger\t3.4.2024\r\n');
    const paste = session.commit(planPaste(block, { rowIndex: 1, field: 'name' }, view(), ctx, newRow));
    expect(paste.add.map((r) => r.id)).toEqual(['new-1', 'new-2']);
    expect(paste.update.map((r) => r.id)).toEqual(['b']);
    const afterPaste = snapshot();
    expect(afterPaste.slice(1)).toEqual([
      { id: 'b', name: 'Bodil', status: 'active', startDate: '2024-02-01' },
      { id: 'new-1', name: 'Carl', status: 'paused', startDate: '2024-03-01' },
      { id: 'new-2', name: 'Dorte', status: 'applicant', startDate: '2024-04-03' },
    ]);

    // Fill the status of the top selected row (Anna) down into the other selected rows.
    const fill = session.commit(
      planFillDown(view(), { rowIndex: 0, field: 'status' }, new Set(['a', 'new-1', 'new-2']), session),
    );
    // Dorte is already an applicant, so only Carl's row changes.
    expect(fill.update.map((r) => r.id)).toEqual(['new-1']);
    const afterFill = snapshot();
    expect(afterFill.map((r) => r.status)).toEqual(['applicant', 'active', 'applicant', 'applicant']);

    session.undo();
    expect(snapshot()).toEqual(afterPaste);
    const undoPaste = session.undo();
    expect(undoPaste?.remove.map((r) => r.id).sort()).toEqual(['new-1', 'new-2']);
    expect(snapshot()).toEqual(original);
    expect(session.canUndo).toBe(false);
    expect(session.pending()).toEqual({ upserts: [], deletes: [] });

    const redoPaste = session.redo();
    expect(redoPaste?.add.map((r) => r.id)).toEqual(['new-1', 'new-2']);
    expect(snapshot()).toEqual(afterPaste);
    session.redo();
    expect(snapshot()).toEqual(afterFill);
    expect(session.canRedo).toBe(false);
  });

  it('fills the cell above into the focused cell when no rows are selected', () => {
    const { session, view } = setup();
    session.commit({ cells: [{ id: 'a', field: 'startDate', value: '2024-01-01' }] });
    session.commit(planFillDown(view(), { rowIndex: 1, field: 'startDate' }, new Set(), session));
    expect(session.row('b')?.startDate).toBe('2024-01-01');
    expect(session.isDirty('b', 'startDate')).toBe(true);
  });

  it('clears the focused column in all selected rows', () => {
    const { session, view } = setup();
    session.commit(planClear(view(), { rowIndex: 0, field: 'name' }, new Set(['a', 'b']), ctx));
    expect(session.visibleRows().map((r) => r.name)).toEqual([null, null]);
    session.undo();
    expect(session.visibleRows().map((r) => r.name)).toEqual(['Anna', 'Bo']);
  });

  it('records a step that changes nothing as no step', () => {
    const { session } = setup();
    session.commit({ cells: [{ id: 'a', field: 'name', value: 'Anna' }] });
    expect(session.canUndo).toBe(false);
  });

  it('keeps deleted rows until save, and undoes the deletion', () => {
    const { session } = setup();
    const del = session.commit({ deleted: ['a'] });
    expect(del.remove.map((r) => r.id)).toEqual(['a']);
    expect(session.pending().deletes).toEqual([{ id: 'a', version: 1 }]);
    const back = session.undo();
    expect(back?.add.map((r) => r.id)).toEqual(['a']);
    expect(session.pending().deletes).toEqual([]);
  });

  it('leaves an untouched new row out of the save', () => {
    const { session } = setup();
    const row = newRow();
    session.commit({ added: [row] });
    expect(session.pending().upserts).toEqual([]);
    session.commit({ cells: [{ id: row.id, field: 'name', value: 'Eva' }] });
    expect(session.pending().upserts.map((r) => r.id)).toEqual([row.id]);
    expect(session.isDirty(row.id, 'name')).toBe(true);
    expect(session.isDirty(row.id, 'status')).toBe(false);
  });
});

describe('EditSession saving', () => {
  it('takes the returned rows as the new baseline and starts a fresh history', () => {
    const { session } = setup();
    session.commit({ cells: [{ id: 'a', field: 'name', value: 'Anne' }], deleted: ['b'] });
    const delta = session.applySaveResult({ ok: true, rows: [{ ...saved('a', 'Anne'), version: 2 }], deleted: ['b'] });
    expect(delta.update.map((r) => r.version)).toEqual([2]);
    expect(session.pending()).toEqual({ upserts: [], deletes: [] });
    expect(session.canUndo).toBe(false);
    expect(session.row('b')).toBeUndefined();
  });

  it('on a conflict, "keep mine" lays my changed fields on their row and their version', () => {
    const { session } = setup();
    session.commit({ cells: [{ id: 'a', field: 'name', value: 'Anne' }] });
    const theirs: GridRow = { ...saved('a', 'Annette'), status: 'active', version: 2 };
    session.applySaveResult({ ok: false, conflicts: [{ id: 'a', server: theirs }], errors: [] });
    expect(session.conflictFields('a')).toEqual(['name']);
    expect(session.pending().upserts).toHaveLength(1);

    session.resolveConflict('a', 'mine');
    expect(session.conflicts.size).toBe(0);
    expect(session.pending().upserts).toEqual([{ ...theirs, name: 'Anne', version: 2 }]);
  });

  it('on a conflict, "theirs" drops my edit, and a row they deleted can be re-created', () => {
    const { session } = setup();
    session.commit({
      cells: [
        { id: 'a', field: 'name', value: 'Anne' },
        { id: 'b', field: 'name', value: 'Bent' },
      ],
    });
    session.applySaveResult({
      ok: false,
      conflicts: [
        { id: 'a', server: { ...saved('a', 'Annette'), version: 2 } },
        { id: 'b', server: null },
      ],
      errors: [],
    });
    session.resolveConflict('a', 'theirs');
    session.resolveConflict('b', 'mine');
    expect(session.row('a')?.name).toBe('Annette');
    expect(session.pending().upserts).toEqual([{ ...saved('b', 'Bent'), version: null }]);
  });

  it('remembers server errors per cell until the cell is edited', () => {
    const { session } = setup();
    session.commit({ cells: [{ id: 'a', field: 'name', value: 'Anne' }] });
    session.applySaveResult({
      ok: false,
      conflicts: [],
      errors: [{ id: 'a', field: 'name', message: 'errors:too_long' }],
    });
    expect(session.serverErrors.get('a')?.get('name')).toBe('errors:too_long');
    session.commit({ cells: [{ id: 'a', field: 'name', value: 'Ann' }] });
    expect(session.serverErrors.get('a')?.get('name')).toBeUndefined();
  });
});
