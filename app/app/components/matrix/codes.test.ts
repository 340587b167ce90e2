import { describe, expect, it } from 'vitest';
import { bookFor } from './test-support.ts';

describe('CodeBook: one key per code, in the UI language', () => {
  it('maps the Danish keys m, f, a, u', () => {
    const da = bookFor('da');
    expect(['m', 'f', 'a', 'u', 'M'].map((k) => da.byKey(k)?.value)).toEqual([
      'present',
      'absent',
      'cancelled',
      'no_show',
      'present',
    ]);
    expect(da.byKey('p')).toBeUndefined();
    expect(da.byKey('mm')).toBeUndefined();
  });

  it('maps the English keys p, a, c, n; "a" means absent in English', () => {
    const en = bookFor('en');
    expect(['p', 'a', 'c', 'n'].map((k) => en.byKey(k)?.value)).toEqual(['present', 'absent', 'cancelled', 'no_show']);
    expect(en.byKey('m')).toBeUndefined();
  });

  it('has no two codes on one key in either language', () => {
    for (const locale of ['da', 'en'] as const) {
      const book = bookFor(locale);
      const keys = book.codes.map((c) => book.short(c.value).toLowerCase());
      expect(new Set(keys).size).toBe(keys.length);
    }
  });

  it('shows the short key in the cell and the full label elsewhere, in the UI language', () => {
    expect([bookFor('da').short('no_show'), bookFor('da').label('no_show')]).toEqual(['u', 'Udeblev']);
    expect([bookFor('en').short('no_show'), bookFor('en').label('no_show')]).toEqual(['n', 'No-show']);
    expect(bookFor('da').short('xyz')).toBe('xyz');
    expect(bookFor('da').keyList()).toBe('m, f, a, u');
  });
});

describe('CodeBook.parse: pasted text', () => {
  it('reads stored codes, keys and labels in both languages, ignoring case and spaces', () => {
    const da = bookFor('da');
    const texts = ['present', 'NO-SHOW', 'no show', ' Mødt ', 'fravær', 'u', 'Absent', 'Cancelled', 'n', 'p', 'c'];
    expect(texts.map((t) => da.parse(t))).toEqual([
      'present',
      'no_show',
      'no_show',
      'present',
      'absent',
      'no_show',
      'absent',
      'cancelled',
      'no_show',
      'present',
      'cancelled',
    ]);
  });

  it('gives an ambiguous key the meaning of the UI language', () => {
    expect(bookFor('da').parse('a')).toBe('cancelled');
    expect(bookFor('en').parse('a')).toBe('absent');
    expect(bookFor('en').parse('m')).toBe('present');
    expect(bookFor('en').parse('aflyst')).toBe('cancelled');
  });

  it('keeps unknown text for the cell to flag, and blank as empty', () => {
    const da = bookFor('da');
    expect(da.parse(' syg ')).toBe('syg');
    expect(da.isValid('syg')).toBe(false);
    expect(da.parse('  ')).toBeNull();
    expect(da.isValid(null)).toBe(true);
  });
});
