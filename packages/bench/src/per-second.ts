/**
 * Requests finished in each whole second of a run, at its slowest and its fastest. On a shared
 * VM whose speed changes from one second to the next, this says whether a run's p99 was set by
 * the code or by the machine: the same code and work served 322 to 548 requests a second within
 * one load-50 run (packages/bench/README.md, after decision 039).
 *
 * `finishedMs`: when each request finished, in ms from the start of the measured window. Only
 * whole seconds count: the last, partial one would read as slow.
 */
export function throughputPerSecond(
  finishedMs: readonly number[],
  seconds: number,
): { slowest: number; fastest: number } {
  const whole = Math.floor(seconds);
  if (whole < 1) return { slowest: 0, fastest: 0 };
  const counts = new Array<number>(whole).fill(0);
  for (const at of finishedMs) {
    const second = Math.floor(at / 1000);
    if (second >= 0 && second < whole) counts[second]! += 1;
  }
  return { slowest: Math.min(...counts), fastest: Math.max(...counts) };
}
