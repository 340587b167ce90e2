import { describe, expect, it } from 'vitest';
import { throughputPerSecond } from '../src/per-second.ts';

describe('requests finished per second', () => {
  it('gives the slowest and the fastest whole second', () => {
    // 3 in the first second, 1 in the second, 5 in the third.
    const finished = [10, 500, 999, 1500, 2000, 2100, 2200, 2300, 2999.9];
    expect(throughputPerSecond(finished, 3)).toEqual({ slowest: 1, fastest: 5 });
  });

  it('counts a second in which nothing finished as 0, and leaves out the partial last second', () => {
    // Nothing finished in the second second; 3.5 s measured, so the half second at 3.2 s is not counted.
    expect(throughputPerSecond([100, 200, 2500, 3200, 3300], 3.5)).toEqual({ slowest: 0, fastest: 2 });
  });

  it('reads nothing into a run shorter than a second', () => {
    expect(throughputPerSecond([100], 0.5)).toEqual({ slowest: 0, fastest: 0 });
  });
});
