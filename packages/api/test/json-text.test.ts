import { describe, expect, it } from 'vitest';
import { JsonTextSplicer } from '../src/json-text.ts';

describe('JSON text passed through', () => {
  it('stands in for each text where it was returned, and leaves everything else as serialised', () => {
    const splicer = new JsonTextSplicer();
    const answer = {
      result: {
        data: {
          rows: splicer.hold('[{"id":"a","note":"\\"quoted\\" \\\\u0000"}]'),
          other: splicer.hold('[]'),
          note: 'json-text:\u0000 looks alike but is not a stand-in',
        },
      },
    };
    expect(splicer.holding).toBe(true);
    expect(JSON.parse(splicer.splice(JSON.stringify(answer)))).toEqual({
      result: {
        data: {
          rows: [{ id: 'a', note: '"quoted" \\u0000' }],
          other: [],
          note: 'json-text:\u0000 looks alike but is not a stand-in',
        },
      },
    });
  });

  it('has nothing to do, and changes nothing, when nothing is held', () => {
    const splicer = new JsonTextSplicer();
    expect(splicer.holding).toBe(false);
    expect(splicer.splice('{"a":"\\u0000json-text:x:0"}')).toBe('{"a":"\\u0000json-text:x:0"}');
  });

  it("does not splice another request's stand-ins", () => {
    const [one, other] = [new JsonTextSplicer(), new JsonTextSplicer()];
    const serialised = JSON.stringify({ rows: one.hold('[1]') });
    other.hold('[2]');
    expect(other.splice(serialised)).toBe(serialised);
    expect(JSON.parse(one.splice(serialised))).toEqual({ rows: [1] });
  });
});
