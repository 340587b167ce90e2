import { describe, expect, it } from 'vitest';
import { rowByIdIn } from '../src/own-row.ts';

describe('a row out of a list answer', () => {
  const rows = [
    { id: 'a', note: 'braces } { and ] [ in text, æøå and 🙂', tags: ['x}', '{y'] },
    { id: 'b', note: 'an escaped quote " and backslash \\ then }', nested: { deeper: [1, { id: 'a' }] } },
    { id: 'c', note: null },
  ];
  const text = JSON.stringify({ result: { data: { rows, access: { add: true } } } });
  const json = Buffer.from(text);

  it('gives each row exactly as listed, whatever its strings hold', () => {
    for (const row of rows) expect(rowByIdIn(json, row.id)).toEqual(row);
  });

  it('refuses a row that is not there, and one that is cut off', () => {
    expect(() => rowByIdIn(json, 'zz')).toThrow(/missing/);
    expect(() => rowByIdIn(Buffer.from(text.slice(0, text.indexOf('"c"') + 8)), 'c')).toThrow(/cut off/);
  });
});
