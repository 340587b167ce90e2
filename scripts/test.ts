/**
 * `npm test`: type-check and lint (cached by turbo), unit and database tests (Vitest, real
 * embedded Postgres), then end-to-end tests (Playwright in Debian's Chromium against the
 * production build). Ends with one summary line, `N passed, N failed`, for CI to read.
 */
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

const root = path.resolve(import.meta.dirname, '..');
const out = path.join(root, '.cache/test-results');
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const only = process.argv[2]; // optional: "unit" or "e2e"

function run(label: string, command: string, args: string[], env: Record<string, string> = {}): boolean {
  console.log(`\n=== ${label}: ${command} ${args.join(' ')}`);
  const result = spawnSync(command, args, { cwd: root, stdio: 'inherit', env: { ...process.env, ...env } });
  return result.status === 0;
}

const counts = { passed: 0, failed: 0, skipped: 0 };
let ok = true;

if (!only) {
  ok = run('type-check and lint', 'npx', ['turbo', 'run', 'typecheck', 'lint', '--output-logs=errors-only']) && ok;
  ok = run('type-check scripts', 'npx', ['tsc', '--noEmit', '-p', 'scripts']) && ok;
  if (!ok) counts.failed++;
}

if (!only || only === 'unit') {
  const file = path.join(out, 'vitest.json');
  ok = run('unit and database tests', 'npx', ['vitest', 'run', '--reporter=default', '--reporter=json', `--outputFile.json=${file}`]) && ok;
  if (existsSync(file)) {
    const r = JSON.parse(readFileSync(file, 'utf8')) as { numPassedTests: number; numFailedTests: number; numPendingTests: number };
    counts.passed += r.numPassedTests;
    counts.failed += r.numFailedTests;
    counts.skipped += r.numPendingTests;
  } else counts.failed++;
}

if (!only || only === 'e2e') {
  const file = path.join(out, 'playwright.json');
  const built = run('production build', 'npm', ['run', 'build', '-w', 'app']);
  ok = built && ok;
  if (built) {
    ok =
      run('end-to-end tests', 'npx', ['playwright', 'test', '-c', 'e2e/playwright.config.ts', '--reporter=list,json'], {
        PLAYWRIGHT_JSON_OUTPUT_NAME: file,
      }) && ok;
  }
  if (existsSync(file)) {
    const r = JSON.parse(readFileSync(file, 'utf8')) as { stats: { expected: number; unexpected: number; flaky: number; skipped: number } };
    counts.passed += r.stats.expected;
    counts.failed += r.stats.unexpected + r.stats.flaky;
    counts.skipped += r.stats.skipped;
  } else counts.failed++;
}

console.log(`\n${counts.passed} passed, ${counts.failed} failed, ${counts.skipped} skipped`);
process.exit(ok && counts.failed === 0 ? 0 : 1);
