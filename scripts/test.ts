/**
 * `npm test`: type-check and lint (cached by turbo), unit and database tests (Vitest, real
 * embedded Postgres), then end-to-end tests (Playwright in Debian's Chromium against the
 * production build). Ends with one summary line, `N passed, N failed`, for CI to read.
 *
 * Each stage has a time limit, so a hung stage fails the run instead of outliving CI; `.only`
 * is refused by both runners; a suite that fails to load counts as a failure (test-summary.ts).
 * `E2E_PORT` and `E2E_PG_PORT` move the end-to-end server, so the tests can run beside an app.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';
import {
  add,
  playwrightCounts,
  vitestCounts,
  type Counts,
  type PlaywrightReport,
  type VitestReport,
} from './test-summary.ts';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.cache/test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const only = process.argv[2]; // optional: "unit" or "e2e"
const MINUTE = 60_000;

function run(
  label: string,
  command: string,
  args: string[],
  limitMs: number,
  env: Record<string, string> = {},
): boolean {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, {
    cwd: root,
    stdio: 'inherit',
    // The runners inherit the whole environment (CI, ports), which no validated schema lists.
    // eslint-disable-next-line no-restricted-syntax
    env: { ...process.env, ...env },
    timeout: limitMs,
    killSignal: 'SIGKILL',
  });
  if (result.error && (result.error as NodeJS.ErrnoException).code === 'ETIMEDOUT') {
    console.log(`\n=== ${label}: stopped after ${limitMs / MINUTE} minutes`);
    return false;
  }
  return result.status === 0;
}

const readJson = <T>(file: string): T | null =>
  existsSync(file) ? (JSON.parse(readFileSync(file, 'utf8')) as T) : null;

let counts: Counts = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

if (!only) {
  const checked =
    run(
      'type-check and lint',
      'npx',
      ['turbo', 'run', 'typecheck', 'lint', '--output-logs=errors-only'],
      15 * MINUTE,
    ) && run('type-check scripts', 'npx', ['tsc', '--noEmit', '-p', 'scripts'], 5 * MINUTE);
  if (!checked) counts = add(counts, { passed: 0, failed: 1, skipped: 0 });
  ok = checked && ok;
}

if (!only || only === 'unit') {
  const file = path.join(out, 'vitest.json');
  ok =
    run(
      'unit and database tests',
      'npx',
      ['vitest', 'run', '--allowOnly=false', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`],
      30 * MINUTE,
    ) && ok;
  const report = readJson<VitestReport>(file);
  counts = add(counts, report ? vitestCounts(report) : { passed: 0, failed: 1, skipped: 0 });
}

if (!only || only === 'e2e') {
  const file = path.join(out, 'playwright.json');
  const built = run('production build', 'npm', ['run', 'build', '-w', 'app'], 10 * MINUTE);
  ok = built && ok;
  if (built) {
    ok =
      run(
        'end-to-end tests',
        'npx',
        ['playwright', 'test', '-c', 'e2e/playwright.config.ts', '--forbid-only', '--reporter=list,json'],
        30 * MINUTE,
        { PLAYWRIGHT_JSON_OUTPUT_NAME: file },
      ) && ok;
  }
  const report = readJson<PlaywrightReport>(file);
  counts = add(counts, report ? playwrightCounts(report) : { passed: 0, failed: 1, skipped: 0 });
}

console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(ok && counts.failed === 0 ? 0 : 1);
