import { describe, expect, it } from 'vitest';
import { VerifiedTokens } from '../src/verified-tokens.ts';

describe('verified tokens', () => {
  it('answers for a token until it expires, and then no longer', () => {
    const tokens = new VerifiedTokens<string>();
    tokens.set('a.b.c', 'alice', 1_000);
    expect(tokens.get('a.b.c', 999)).toBe('alice');
    expect(tokens.get('a.b.cx', 999)).toBeUndefined();
    expect(tokens.get('a.b.c', 1_000)).toBeUndefined();
    expect(tokens.size).toBe(0);
  });

  it('keeps at most its bound, dropping the oldest first', () => {
    const tokens = new VerifiedTokens<number>(3);
    for (let i = 0; i < 5; i++) tokens.set(`t${i}`, i, 10_000);
    expect(tokens.size).toBe(3);
    expect([0, 1, 2, 3, 4].map((i) => tokens.get(`t${i}`, 0))).toEqual([undefined, undefined, 2, 3, 4]);
  });

  it('forgets one token, or every token whose value matches, at once', () => {
    const tokens = new VerifiedTokens<{ user: string }>();
    for (const [token, user] of [
      ['a1', 'ada'],
      ['a2', 'ada'],
      ['b1', 'bo'],
    ] as const)
      tokens.set(token, { user }, 10_000);
    tokens.forget('b1');
    expect(tokens.get('b1', 0)).toBeUndefined();
    tokens.set('b1', { user: 'bo' }, 10_000);
    tokens.forgetWhere((value) => value.user === 'ada');
    expect(['a1', 'a2', 'b1'].map((t) => tokens.get(t, 0)?.user)).toEqual([undefined, undefined, 'bo']);
  });
});
