/**
 * What `npm test` counts from each runner's JSON report. A test file that fails to load (a
 * syntax error, a failing import) has no tests to count, and a Playwright error outside any test
 * (a global setup, a web server that never starts) has none either: both count as failures, so
 * a broken suite can never end in "0 failed".
 */
export type Counts = { passed: number; failed: number; skipped: number };

export type VitestReport = {
  numPassedTests: number;
  numFailedTests: number;
  numPendingTests: number;
  numTodoTests?: number;
  numFailedTestSuites?: number;
  testResults?: { status: string; assertionResults?: unknown[] }[];
};

export type PlaywrightReport = {
  stats: { expected: number; unexpected: number; flaky: number; skipped: number };
  errors?: unknown[];
};

export function vitestCounts(r: VitestReport): Counts {
  // Suites that failed without any test result of their own (they never loaded).
  const brokenFiles = (r.testResults ?? []).filter(
    (f) => f.status === 'failed' && (f.assertionResults ?? []).length === 0,
  ).length;
  return {
    passed: r.numPassedTests,
    failed: r.numFailedTests + brokenFiles,
    skipped: r.numPendingTests + (r.numTodoTests ?? 0),
  };
}

export function playwrightCounts(r: PlaywrightReport): Counts {
  return {
    passed: r.stats.expected,
    // A flaky test passed only on a retry: it is reported, not hidden.
    failed: r.stats.unexpected + r.stats.flaky + (r.errors?.length ?? 0),
    skipped: r.stats.skipped,
  };
}

export const add = (a: Counts, b: Counts): Counts => ({
  passed: a.passed + b.passed,
  failed: a.failed + b.failed,
  skipped: a.skipped + b.skipped,
});
