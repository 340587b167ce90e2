import { gzipSync } from 'node:zlib';
import { insertUser } from '@brobygger/auth';
import { withPrivilegedTx } from '@brobygger/db';
import { addMember, createTenant } from '@brobygger/db/testing';
import e2eConfig from '@brobygger/e2e/playwright.config.ts';
import { chromium, type Browser, type BrowserContextOptions, type Page } from '@playwright/test';
import type { AppServer } from './app-server.ts';
import { median, type Log } from './measure.ts';
import { seedVolunteers } from './seed.ts';
import type { BenchOutcome } from './types.ts';

/**
 * The volunteers roster as a coordinator opens it: headless Debian Chromium (the e2e tests'
 * executable and flags) against the production server, 10,000 volunteers in the workspace.
 *
 * - grid-route-js: every JavaScript file the page requests until the network is idle (entry,
 *   route chunk, shared chunks, anything imported eagerly), each gzipped as the server sends it.
 *   Code behind a dynamic import() that the page does not run (the import dialog's reader, XLSX
 *   export) is not requested, so it does not count, as for a real visit.
 * - grid-first-rows-10k: from navigation start (performance.timeOrigin) until the first body row
 *   of the grid or of its first-rows preview, showing a volunteer's name, has been painted. Each run is a fresh browser context,
 *   so nothing is cached: the first visit of the day, the slower case.
 */

export const TARGET_GZIP_KB = 400;
export const TARGET_FIRST_ROWS_MS = 1000;

const ROWS = 10_000;
const WARMUP_RUNS = 1;
const MEASURED_RUNS = 5;
const PAGE_TIMEOUT_MS = 30_000;
const PASSWORD = 'bench-password-not-secret';
/**
 * BENCH_PROFILE=<file.json> writes a Chromium trace of the last measured run (open it in Chrome
 * DevTools' Performance panel), to see where the time before the first rows goes.
 */
const PROFILE_FILE = process.env.BENCH_PROFILE;
const TRACE_CATEGORIES = [
  'devtools.timeline',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-v8.cpu_profiler',
];

const contextOptions: BrowserContextOptions = {
  locale: 'da-DK',
  viewport: { width: 1280, height: 720 },
};

type Timing = {
  /** Response headers of the HTML arrived: the loader query and the render have run. */
  responseStart: number;
  /** The whole HTML, with the rows in it, has arrived. */
  responseEnd: number;
  domContentLoaded: number;
  firstRows: number;
};

declare global {
  interface Window {
    __benchFirstRowsMs?: number;
  }
}

/**
 * Runs in the page before any of its scripts: watches the DOM for the first grid row (AG Grid's,
 * or the preview table's the server sends before it) that shows a volunteer, then records the time once that frame has been painted (a requestAnimationFrame
 * callback runs just before the paint, a task queued from it runs after).
 */
function firstRowsProbe() {
  const observer = new MutationObserver(() => {
    // A row of AG Grid, or of the table that shows the first rows before the grid exists
    // (app/app/components/grid/grid-preview.tsx): either way a painted row naming a volunteer.
    const row = [...document.querySelectorAll('.ag-row, .grid-preview tbody tr')].find(
      (r) => /Frivillig \d{5}/.test(r.textContent ?? '') && r.getBoundingClientRect().height > 0,
    );
    if (!row) return;
    observer.disconnect();
    requestAnimationFrame(() => setTimeout(() => (window.__benchFirstRowsMs = performance.now())));
  });
  observer.observe(document, { childList: true, subtree: true });
}

async function openRoster(page: Page, url: string): Promise<Timing> {
  await page.goto(url, { waitUntil: 'commit', timeout: PAGE_TIMEOUT_MS });
  await page.waitForFunction(() => window.__benchFirstRowsMs !== undefined, null, { timeout: PAGE_TIMEOUT_MS });
  // The first rows may be painted before the whole HTML has arrived (the preview comes with its
  // first bytes): its end is known only once it has.
  await page.waitForFunction(
    () => (performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined)?.responseEnd,
    null,
    { timeout: PAGE_TIMEOUT_MS },
  );
  return page.evaluate(() => {
    const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming;
    return {
      responseStart: nav.responseStart,
      responseEnd: nav.responseEnd,
      domContentLoaded: nav.domContentLoadedEventEnd,
      firstRows: window.__benchFirstRowsMs!,
    };
  });
}

/** Every same-origin .js response the page loads, gzipped at zlib's default level (as `compression` sends it). */
function collectScripts(page: Page, origin: string): Map<string, number> {
  const gzipBytes = new Map<string, number>();
  page.on('response', (response) => {
    const url = new URL(response.url());
    if (url.origin !== origin || !url.pathname.endsWith('.js') || gzipBytes.has(url.pathname)) return;
    gzipBytes.set(url.pathname, 0);
    void response.body().then(
      (body) => gzipBytes.set(url.pathname, gzipSync(body).length),
      () => gzipBytes.delete(url.pathname),
    );
  });
  return gzipBytes;
}

/**
 * Signs in through the login action, as a client that is not a browser: the server checks a
 * browser's Origin against its https APP_URL (see app-server.ts), and lets clients that send no
 * Origin through. The session cookie lands in the context, and from there in every measured run.
 */
async function signIn(browser: Browser, server: AppServer, email: string) {
  const context = await browser.newContext({ ...contextOptions, baseURL: server.baseUrl });
  try {
    const response = await context.request.post('/login', {
      form: { email, password: PASSWORD, redirectTo: '/' },
      maxRedirects: 0,
      timeout: PAGE_TIMEOUT_MS,
    });
    if (response.status() !== 302) throw new Error(`signing in answered ${response.status()}, not a redirect`);
    return await context.storageState();
  } finally {
    await context.close();
  }
}

export async function gridPage(server: AppServer, log: Log): Promise<BenchOutcome[]> {
  const tenant = await createTenant('municipality', 'Benchkommune');
  const email = `coordinator-${tenant.slug}@bench.brobygger.dk`;
  const userId = await withPrivilegedTx('seed', (tx) => insertUser(tx, { email, password: PASSWORD, name: 'Bench' }));
  await addMember(tenant, { id: userId, email }, 'coordinator');
  await seedVolunteers(tenant.id, ROWS);
  log(`seeded ${ROWS} volunteers in workspace ${tenant.slug}`);

  const launchOptions = e2eConfig.use?.launchOptions;
  const browser = await chromium.launch({ ...launchOptions, headless: true, timeout: PAGE_TIMEOUT_MS });
  try {
    const storageState = await signIn(browser, server, email);
    const url = `${server.baseUrl}/w/${tenant.slug}/volunteers`;

    let scripts = new Map<string, number>();
    const timings: Timing[] = [];
    for (let run = 0; run < WARMUP_RUNS + MEASURED_RUNS; run++) {
      const context = await browser.newContext({ ...contextOptions, storageState });
      try {
        const page = await context.newPage();
        await page.addInitScript(firstRowsProbe);
        const collected = run === WARMUP_RUNS ? collectScripts(page, server.baseUrl) : null;
        const profiling = PROFILE_FILE && run === WARMUP_RUNS + MEASURED_RUNS - 1;
        // A Chromium trace (parsing, scripts, style, layout, paint, JS samples) of the last measured run.
        if (profiling) await browser.startTracing(page, { path: PROFILE_FILE, categories: TRACE_CATEGORIES });
        const timing = await openRoster(page, url);
        if (profiling) {
          await browser.stopTracing();
          log(`trace of this run written to ${PROFILE_FILE}`);
        }
        if (collected) {
          // Chunks the page asks for after its first rows (none should) count as well.
          await page.waitForLoadState('networkidle', { timeout: PAGE_TIMEOUT_MS });
          scripts = collected;
        }
        const warmup = run < WARMUP_RUNS;
        log(
          `${warmup ? 'warm-up' : `run ${run - WARMUP_RUNS + 1}/${MEASURED_RUNS}`}: ` +
            `HTML headers ${timing.responseStart.toFixed(0)} ms, HTML done ${timing.responseEnd.toFixed(0)} ms, ` +
            `DOMContentLoaded ${timing.domContentLoaded.toFixed(0)} ms, first rows ${timing.firstRows.toFixed(0)} ms`,
        );
        if (!warmup) timings.push(timing);
      } finally {
        await context.close();
      }
    }

    for (const [file, bytes] of [...scripts].sort((a, b) => b[1] - a[1]))
      log(`  ${(bytes / 1024).toFixed(1)} KB ${file}`);
    if (scripts.size === 0 || [...scripts.values()].some((b) => b === 0))
      throw new Error('the volunteers page loaded no JavaScript, or a script body could not be read');
    const gzipKb = Math.round([...scripts.values()].reduce((a, b) => a + b, 0) / 1024);
    const firstRowsMs = Math.round(median(timings.map((t) => t.firstRows)));

    return [
      {
        result: { bench: 'grid-route-js', gzip_kb: gzipKb, files: scripts.size, target_kb: TARGET_GZIP_KB },
        missed: gzipKb > TARGET_GZIP_KB ? [`${gzipKb} KB > ${TARGET_GZIP_KB} KB`] : [],
      },
      {
        result: {
          bench: 'grid-first-rows-10k',
          ms: firstRowsMs,
          // The fastest run: what the page does when the shared machine leaves it the CPUs.
          best_ms: Math.round(Math.min(...timings.map((t) => t.firstRows))),
          html_ms: Math.round(median(timings.map((t) => t.responseEnd))),
          runs: MEASURED_RUNS,
          target_ms: TARGET_FIRST_ROWS_MS,
        },
        missed: firstRowsMs >= TARGET_FIRST_ROWS_MS ? [`${firstRowsMs} ms >= ${TARGET_FIRST_ROWS_MS} ms`] : [],
      },
    ];
  } finally {
    await browser.close();
  }
}
