import { describe, expect, it } from 'vitest';
import { planMarkColumn } from './matrix-commands.ts';
import { MatrixSession } from './matrix-session.ts';
import { bookFor, COLUMNS, idSource, record, ROWS } from './test-support.ts';
import { columnTally, formatRate, matrixTally, rowTally, tally, tallyDetail } from './totals.ts';

const da = bookFor('da');

describe('tally', () => {
  it('counts each code and rates positive out of positive plus negative', () => {
    const t = tally(['present', 'present', 'absent', 'no_show', 'cancelled', null, 'syg'], da);
    expect(t).toEqual({
      counts: { present: 2, absent: 1, no_show: 1, cancelled: 1 },
      positive: 2,
      negative: 2,
      counted: 4,
      rate: 0.5,
    });
    expect(tallyDetail(t, da, (label, count) => `${label} ${count}`)).toBe('Mødt 2, Fravær 1, Aflyst 1, Udeblev 1');
  });

  it('has no rate while nothing counts (only cancelled or empty cells)', () => {
    expect(tally(['cancelled', null], da).rate).toBeNull();
    expect(formatRate(null, 'da', '–')).toBe('–');
  });

  it('formats the rate as a whole percentage in the UI language', () => {
    expect(formatRate(2 / 3, 'da', '–')).toBe('67\u00a0%');
    expect(formatRate(2 / 3, 'en', '–')).toBe('67%');
  });
});

describe('row and column totals follow the edits', () => {
  it('updates per participant, per session and overall after marking a column and changing one cell', () => {
    const m = new MatrixSession(ROWS, COLUMNS, [record('r1', 'anna', 's1', 'absent')], idSource());
    const cells = { rowIds: ROWS.map((r) => r.id), columnIds: COLUMNS.map((c) => c.id), read: m.value.bind(m) };
    expect(columnTally(cells, 's1', da)).toMatchObject({ positive: 0, counted: 1, rate: 0 });

    m.commit(planMarkColumn({ rows: ROWS, columns: COLUMNS }, 's1', 'present', m.value.bind(m)));
    m.commit({
      cells: [
        { id: 'bo', field: 's1', value: 'no_show' },
        { id: 'bo', field: 's2', value: 'present' },
      ],
    });

    // Anna absent (kept), Bo no-show, Carl read-only and empty, Dorte present.
    expect(columnTally(cells, 's1', da)).toMatchObject({ positive: 1, counted: 3 });
    expect(rowTally(cells, 'bo', da)).toMatchObject({ positive: 1, negative: 1, rate: 0.5 });
    expect(rowTally(cells, 'carl', da).rate).toBeNull();
    expect(matrixTally(cells, da)).toMatchObject({ positive: 2, counted: 4, rate: 0.5 });
  });
});
