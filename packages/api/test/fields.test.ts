import { describe, expect, it } from 'vitest';
import { isCalendarDate, optionalDate } from '../src/rosters/fields.ts';

describe('dates in a roster', () => {
  it('accepts days that exist, including 29 February in leap years', () => {
    for (const day of ['2026-01-31', '2024-02-29', '2000-02-29', '1999-12-31', '2026-04-30']) {
      expect(isCalendarDate(day), day).toBe(true);
    }
  });

  it('refuses days that do not exist, and anything not written YYYY-MM-DD', () => {
    for (const day of [
      '2026-02-29',
      '1900-02-29',
      '2026-04-31',
      '2026-13-01',
      '2026-00-10',
      '2026-01-00',
      '0000-01-01',
      '31-01-2026',
      '2026-1-5',
      '2026-01-05x',
      '',
    ]) {
      expect(isCalendarDate(day), day).toBe(false);
    }
  });

  it('gives the grid and the server one translated message, and blank means no date', () => {
    expect(optionalDate.safeParse('').data).toBeNull();
    const refused = optionalDate.safeParse('2026-02-30');
    expect(refused.success).toBe(false);
    expect(refused.error?.issues[0]?.message).toBe('errors:invalid_date');
  });
});
