import { performance } from 'node:perf_hooks';

export type Log = (line: string) => void;

export const median = (values: readonly number[]) => {
  if (values.length === 0) throw new Error('median of no values');
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid]! : (sorted[mid - 1]! + sorted[mid]!) / 2;
};

export async function time<T>(fn: () => Promise<T>): Promise<{ ms: number; result: T }> {
  const start = performance.now();
  const result = await fn();
  return { ms: performance.now() - start, result };
}

/**
 * The same-run comparison every server benchmark makes: `warmup` + `rounds` rounds, each timing
 * the API path and the baseline once, in alternating order (so neither always runs on a warmer
 * cache); the warm-up rounds are logged but not kept. Returns the medians.
 */
export async function alternate(
  log: Log,
  { warmup, rounds }: { warmup: number; rounds: number },
  viaApi: (round: number) => Promise<number>,
  viaBaseline: (round: number) => Promise<number>,
): Promise<{ apiMs: number; baselineMs: number }> {
  const apiMs: number[] = [];
  const baseMs: number[] = [];
  for (let round = 0; round < warmup + rounds; round++) {
    const apiFirst = round % 2 === 0;
    let a: number;
    let b: number;
    if (apiFirst) {
      a = await viaApi(round);
      b = await viaBaseline(round);
    } else {
      b = await viaBaseline(round);
      a = await viaApi(round);
    }
    const warm = round < warmup;
    log(
      `${warm ? 'warm-up' : `round ${round - warmup + 1}/${rounds}`} (${apiFirst ? 'api first' : 'baseline first'}): ` +
        `api ${a.toFixed(0)} ms, baseline ${b.toFixed(0)} ms, ratio ${(a / b).toFixed(2)}`,
    );
    if (!warm) {
      apiMs.push(a);
      baseMs.push(b);
    }
  }
  return { apiMs: median(apiMs), baselineMs: median(baseMs) };
}

/** The JSON line of an API-against-baseline benchmark, and the targets it missed. */
export function ratioOutcome(
  bench: string,
  { apiMs, baselineMs }: { apiMs: number; baselineMs: number },
  { rounds, targetRatio, targetMs }: { rounds: number; targetRatio: number; targetMs?: number },
) {
  const ms = Math.round(apiMs);
  const ratio = Math.round((apiMs / baselineMs) * 100) / 100;
  return {
    result: {
      bench,
      ms,
      baseline_ms: Math.round(baselineMs),
      ratio,
      rounds,
      target_ratio: targetRatio,
      ...(targetMs ? { target_ms: targetMs } : {}),
    },
    missed: [
      ...(ratio > targetRatio ? [`ratio ${ratio} > ${targetRatio}`] : []),
      ...(targetMs && ms > targetMs ? [`${ms} ms > ${targetMs} ms`] : []),
    ],
  };
}
