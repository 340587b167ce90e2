import { describe, expect, it } from 'vitest';
import { parseTsv } from '../grid/clipboard.ts';
import { planFill, planMarkColumn, planPaste, planSet, rangeOf, type MatrixView } from './matrix-commands.ts';
import { MatrixSession } from './matrix-session.ts';
import { bookFor, COLUMNS, idSource, record, ROWS } from './test-support.ts';

// Rows: anna, bo, carl (read-only), dorte. Columns: s1, s2, s3 (read-only), s4.
const view: MatrixView = { rows: ROWS, columns: COLUMNS };

function setup() {
  const m = new MatrixSession(
    ROWS,
    COLUMNS,
    [record('r1', 'anna', 's1', 'present'), record('r2', 'bo', 's2', 'absent')],
    idSource(),
  );
  const read = (rowId: string, columnId: string) => m.value(rowId, columnId);
  /** The matrix as letters, one string per row: "p" present, "a" absent, "c" cancelled, "n" no-show, "." empty. */
  const grid = () =>
    ROWS.map((r) =>
      COLUMNS.map(
        (c) => ({ present: 'p', absent: 'a', cancelled: 'c', no_show: 'n' })[String(m.value(r.id, c.id))] ?? '.',
      ).join(''),
    );
  return { m, read, grid };
}

const at = (row: number, col: number) => ({ row, col });

describe('fill down and fill right', () => {
  it('Ctrl+D on one cell copies the cell above, as in Excel', () => {
    const { m, read, grid } = setup();
    m.commit(planFill(view, rangeOf(at(1, 0), at(1, 0)), 'down', read));
    expect(grid()).toEqual(['p...', 'pa..', '....', '....']);
  });

  it('Ctrl+D over a range copies its first row down, skipping read-only rows and columns', () => {
    const { m, read, grid } = setup();
    m.commit({ cells: [{ id: 'anna', field: 's4', value: 'no_show' }] });
    m.commit(planFill(view, rangeOf(at(0, 0), at(3, 3)), 'down', read));
    expect(grid()).toEqual(['p..n', 'p..n', '....', 'p..n']);
  });

  it('Ctrl+R on one cell copies the cell to the left; over a range its first column', () => {
    const { m, read, grid } = setup();
    m.commit(planFill(view, rangeOf(at(0, 1), at(0, 1)), 'right', read));
    expect(grid()[0]).toBe('pp..');
    m.commit(planFill(view, rangeOf(at(1, 1), at(1, 3)), 'right', read));
    expect(grid()[1]).toBe('.a.a');
  });

  it('does nothing from the first row or column, and a fill is one undo step', () => {
    const { m, read, grid } = setup();
    expect(planFill(view, rangeOf(at(0, 0), at(0, 0)), 'down', read).cells).toEqual([]);
    expect(planFill(view, rangeOf(at(0, 0), at(0, 0)), 'right', read).cells).toEqual([]);
    m.commit(planFill(view, rangeOf(at(0, 0), at(3, 1)), 'down', read));
    expect(grid()).toEqual(['p...', 'p...', '....', 'p...']);
    m.edits.undo();
    expect(grid()).toEqual(['p...', '.a..', '....', '....']);
  });
});

describe('mark the whole column', () => {
  it('fills only the empty, editable cells of the column', () => {
    const { m, read, grid } = setup();
    m.commit(planMarkColumn(view, 's2', 'present', read));
    expect(grid()).toEqual(['pp..', '.a..', '....', '.p..']);
    expect(planMarkColumn(view, 's3', 'present', read).cells).toEqual([]);
  });
});

describe('set, clear and paste', () => {
  it('sets and clears a range, leaving read-only cells alone', () => {
    const { m, grid } = setup();
    m.commit(planSet(view, rangeOf(at(0, 0), at(2, 3)), 'cancelled'));
    expect(grid()).toEqual(['cc.c', 'cc.c', '....', '....']);
    m.commit(planSet(view, rangeOf(at(1, 0), at(1, 3)), null));
    expect(grid()).toEqual(['cc.c', '....', '....', '....']);
  });

  it('pastes a block of Danish labels, English keys and stored codes from the focused cell', () => {
    const { m, grid } = setup();
    const block = parseTsv('Fravær\tp\tx\tno_show\r\nUdeblev\t\r\n');
    m.commit(planPaste(view, rangeOf(at(0, 0), at(0, 0)), block, bookFor('da')));
    // Row 2 pastes into Bo's row; the read-only column keeps its place, the blank clears Bo's s2.
    expect(grid()).toEqual(['ap.n', 'n...', '....', '....']);
  });

  it('flags unknown pasted text instead of dropping it, and drops what falls outside the matrix', () => {
    const { m } = setup();
    m.commit(planPaste(view, rangeOf(at(3, 3), at(3, 3)), parseTsv('syg\tm\nm\tm\n'), bookFor('da')));
    expect(m.value('dorte', 's4')).toBe('syg');
    expect(bookFor('da').isValid(m.value('dorte', 's4'))).toBe(false);
    expect(m.changeCount()).toBe(1);
  });

  it('a single pasted value fills the selected range', () => {
    const { m, grid } = setup();
    m.commit(planPaste(view, rangeOf(at(0, 1), at(3, 1)), [['a']], bookFor('en')));
    expect(grid()).toEqual(['pa..', '.a..', '....', '.a..']);
  });
});
