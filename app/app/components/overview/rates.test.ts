import { describe, expect, it } from 'vitest';
import type { Overview } from '@brobygger/api/overview';
import { monthlyTallies, ratesOf } from './rates.ts';

const month = (m: string, present: number, absent: number, cancelled: number, noShow: number) => ({
  month: m,
  sessions: 1,
  present,
  absent,
  cancelled,
  noShow,
});

const overview: Overview = {
  period: { name: 'quarter', from: '2026-10-01', to: '2027-01-01', months: ['2026-10', '2026-11'] },
  courses: [
    { id: 'a', name: 'Gåhold', months: [month('2026-11', 3, 1, 1, 1)] },
    { id: 'b', name: 'Café', months: [month('2026-11', 1, 0, 0, 0)] },
  ],
  todos: {},
};

describe('the overview rates', () => {
  it('rate present and no-show out of present, absent and no-show, like the attendance matrix', () => {
    expect(ratesOf({ sessions: 2, present: 3, absent: 1, cancelled: 1, noShow: 1 })).toEqual({
      attendance: 0.6,
      noShow: 0.2,
    });
    expect(ratesOf({ sessions: 1, present: 0, absent: 0, cancelled: 2, noShow: 0 })).toEqual({
      attendance: null,
      noShow: null,
    });
  });

  it('give every month of the period a tally, for one course or all', () => {
    expect(monthlyTallies(overview, null).map((m) => [m.month, m.tally.present, m.tally.sessions])).toEqual([
      ['2026-10', 0, 0],
      ['2026-11', 4, 2],
    ]);
    expect(monthlyTallies(overview, 'b').map((m) => m.tally.present)).toEqual([0, 1]);
  });
});
