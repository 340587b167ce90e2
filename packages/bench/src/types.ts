/** One benchmark's JSON line (without `met`, which the runner adds) and the targets it missed. */
export type BenchOutcome = {
  result: { bench: string } & Record<string, number | string>;
  missed: string[];
};
