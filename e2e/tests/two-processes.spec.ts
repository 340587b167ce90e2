import { spawn, type ChildProcess } from 'node:child_process';
import { E2E } from '../env.ts';
import { expect, signIn, test } from '../fixtures.ts';

/**
 * Two server processes on one database, as behind a load balancer: a session begun through one
 * works through the other, a change saved through one is seen through the other, and signing out
 * through one ends the session in both. Nothing of the kind lives in a process's memory.
 */

const secondPort = E2E.port + 1;
const secondUrl = `http://localhost:${secondPort}`;
let second: ChildProcess | undefined;

test.describe.configure({ mode: 'serial' });

test.beforeAll(async () => {
  test.setTimeout(120_000);
  // The same production build, environment and data directory as the first server; it joins the
  // embedded database that one started (EMBEDDED_ATTACH), as `npm start`'s extra processes do.
  second = spawn('npm', ['run', 'serve', '-w', 'app'], {
    cwd: E2E.repoRoot,
    detached: true,
    stdio: 'ignore',
    env: {
      ...process.env,
      PORT: String(secondPort),
      DATA_DIR: E2E.dataDir,
      EMBEDDED_PG_PORT: String(E2E.pgPort),
      EMBEDDED_ATTACH: 'true',
      DEMO_MODE: 'true',
      LOG_LEVEL: 'warn',
    },
  });
  for (let waited = 0; waited < 90_000; waited += 500) {
    const ready = await fetch(`${secondUrl}/readyz`)
      .then((r) => r.ok)
      .catch(() => false);
    if (ready) return;
    if (second.exitCode !== null) throw new Error(`the second server exited with ${second.exitCode}`);
    await new Promise((r) => setTimeout(r, 500));
  }
  throw new Error('the second server did not become ready');
});

test.afterAll(() => {
  // npm, tsx and node: the whole group it was started as.
  if (second?.pid) process.kill(-second.pid, 'SIGTERM');
});

test('signed in through one process, a coordinator works through the other and the first sees it', async ({
  page,
  db,
  workspace,
  owner,
}) => {
  await db.query('insert into public.volunteers (tenant_id, name, status) values ($1, $2, $3)', [
    workspace.id,
    'Karin Kristensen',
    'active',
  ]);
  try {
    await signIn(page, owner);

    // The cookie is the browser's for `localhost`, whichever port answers.
    await page.goto(`${secondUrl}/w/${workspace.slug}/volunteers`);
    const grid = page.getByRole('region', { name: 'Frivillige' });
    await grid
      .getByRole('row', { name: /Karin Kristensen/ })
      .locator('[col-id="phone"]')
      .click();
    await page.keyboard.type('22334455');
    await page.keyboard.press('Enter');
    await grid.getByRole('button', { name: 'Gem ændringer' }).click();
    await expect(grid.getByText('1 ændring er gemt.')).toBeVisible();

    await page.goto(`${E2E.baseUrl}/w/${workspace.slug}/volunteers`);
    await expect(
      page
        .getByRole('region', { name: 'Frivillige' })
        .getByRole('row', { name: /Karin Kristensen/ })
        .locator('[col-id="phone"]'),
    ).toHaveText('22334455');

    // Signing out through the second process ends the session for the first one too.
    const cookies = await page.context().cookies(E2E.baseUrl);
    await page.goto(`${secondUrl}/w/${workspace.slug}`);
    await page.getByRole('button', { name: /Log ud/ }).click();
    await page.waitForURL((url) => url.pathname.startsWith('/login'));
    await page.context().addCookies(cookies); // the old cookie, as someone who copied it would send it
    await page.goto(`${E2E.baseUrl}/w/${workspace.slug}/volunteers`);
    await expect(page).toHaveURL(/\/login/);
  } finally {
    await db.query('delete from public.volunteers where tenant_id = $1', [workspace.id]);
  }
});
