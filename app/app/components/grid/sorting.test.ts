import { describe, expect, it } from 'vitest';
import { compareText } from './sorting.ts';

const sorted = (locale: 'da' | 'en', names: (string | null)[], descending = false) => {
  const compare = compareText(locale);
  const order = [...names].sort((a, b) => compare(a, b, descending));
  // AG Grid reverses the comparator's result itself for a descending sort.
  return descending ? order.reverse() : order;
};

describe('text sorting', () => {
  it('ignores case: lower-case names sort among the upper-case ones', () => {
    expect(sorted('da', ['bo', 'Carl', 'anna', 'Bent'])).toEqual(['anna', 'Bent', 'bo', 'Carl']);
  });

  it('puts æ, ø and å after z in Danish, in that order', () => {
    expect(sorted('da', ['Åse', 'Ærlig', 'Zenia', 'øjvind', 'Anna'])).toEqual([
      'Anna',
      'Zenia',
      'Ærlig',
      'øjvind',
      'Åse',
    ]);
  });

  it('sorts æ, ø and å among the other letters in English', () => {
    expect(sorted('en', ['Zenia', 'Åse', 'Ole', 'Øjvind', 'Bo'])).toEqual(['Åse', 'Bo', 'Øjvind', 'Ole', 'Zenia']);
  });

  it('compares numbers inside text by value', () => {
    expect(sorted('da', ['Hold 10', 'Hold 9', 'Hold 1'])).toEqual(['Hold 1', 'Hold 9', 'Hold 10']);
  });

  it('keeps blank cells last, ascending and descending', () => {
    const blank = (v: string | null | undefined) => !v?.trim();
    const ascending = sorted('da', ['Bo', null, 'Anna', '  ']);
    expect(ascending.slice(0, 2)).toEqual(['Anna', 'Bo']);
    expect(ascending.slice(2).every(blank)).toBe(true);
    const descending = sorted('da', ['Bo', null, 'Anna', ''], true);
    expect(descending.slice(0, 2)).toEqual(['Bo', 'Anna']);
    expect(descending.slice(2).every(blank)).toBe(true);
  });
});
