import { describe, expect, it } from 'vitest';
import { playwrightCounts, vitestCounts } from './test-summary.ts';

describe("npm test's summary", () => {
  it('counts a Vitest file that failed to load as a failure', () => {
    expect(
      vitestCounts({
        numPassedTests: 10,
        numFailedTests: 0,
        numPendingTests: 1,
        testResults: [
          { status: 'passed', assertionResults: [{}, {}] },
          { status: 'failed', assertionResults: [] },
        ],
      }),
    ).toEqual({ passed: 10, failed: 1, skipped: 1 });
  });

  it("counts Playwright's errors outside any test, and flaky tests, as failures", () => {
    expect(
      playwrightCounts({
        stats: { expected: 5, unexpected: 1, flaky: 1, skipped: 0 },
        errors: [{ message: 'webServer exited' }],
      }),
    ).toEqual({
      passed: 5,
      failed: 3,
      skipped: 0,
    });
  });
});
