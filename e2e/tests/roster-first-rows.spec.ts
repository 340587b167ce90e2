import type { Page } from '@playwright/test';
import { expect, signIn, test, type User, type Workspace } from '../fixtures.ts';

/**
 * The volunteers page draws its first rows from the server's HTML, before any JavaScript has run
 * (docs/decisions/017): a read-only table that looks like the grid, which the grid then replaces
 * with the same rows. The page's scripts are held back here until the preview has been checked,
 * as on a slow connection.
 */

const ROWS = 150;
const FIRST_ROWS = 60;
const nameOf = (n: number) => `Frivillig ${String(n).padStart(3, '0')}`;

test.beforeEach(async ({ db, workspace }) => {
  await db.query(
    `insert into public.volunteers (tenant_id, name, email, status)
     select $1, 'Frivillig ' || lpad(n::text, 3, '0'), 'frivillig' || n || '@example.dk', 'active'
     from generate_series(1, $2::int) n`,
    [workspace.id, ROWS],
  );
});

/** Opens the page with its scripts held back; the returned function lets them through. */
async function openWithoutScripts(page: Page, workspace: Workspace, owner: User) {
  await signIn(page, owner);
  let release = () => {};
  const released = new Promise<void>((resolve) => (release = resolve));
  await page.route(/\.js(\?.*)?$/, async (route) => {
    await released;
    await route.continue();
  });
  await page.goto(`/w/${workspace.slug}/volunteers`, { waitUntil: 'commit' });
  return release;
}

test('the first rows are drawn before the grid, and the grid takes over with the same rows', async ({
  page,
  workspace,
  owner,
}) => {
  const release = await openWithoutScripts(page, workspace, owner);
  const region = page.getByRole('region', { name: 'Frivillige' });
  const preview = region.getByRole('table', { name: 'Frivillige' });

  // Before any script: the first screenful, in the roster's order, nothing to edit or press.
  await expect(preview).toBeVisible();
  await expect(region).toHaveAttribute('aria-busy', 'true');
  await expect(region.getByRole('status').filter({ hasText: 'Viser de første rækker' })).toBeAttached();
  await expect(preview.getByRole('columnheader', { name: 'Navn' })).toBeVisible();
  const previewRows = preview.locator('tbody tr');
  await expect(previewRows).toHaveCount(FIRST_ROWS);
  await expect(previewRows.first().getByRole('cell').nth(1)).toHaveText(nameOf(1));
  await expect(previewRows.nth(FIRST_ROWS - 1)).toContainText(nameOf(FIRST_ROWS));
  await expect(previewRows.first()).toContainText('frivillig1@example.dk');
  await expect(preview.getByRole('textbox')).toHaveCount(0);
  await expect(region.getByRole('button', { name: 'Tilføj række' })).toBeDisabled();
  await expect(region.getByRole('searchbox', { name: 'Søg i tabellen' })).toBeDisabled();
  await expect(region.getByRole('grid')).toHaveCount(0);
  const previewTop = await previewRows.first().boundingBox();

  // The scripts arrive: AG Grid replaces the table, same rows in the same place, every row in it.
  release();
  const grid = region.getByRole('grid');
  await expect(grid.getByText(nameOf(1), { exact: true })).toBeVisible({ timeout: 30_000 });
  await expect(preview).toHaveCount(0);
  await expect(region).toHaveAttribute('aria-busy', 'false');
  await expect(region.getByText(`${ROWS} rækker`)).toBeVisible();
  const gridTop = await grid
    .getByRole('row')
    .filter({ hasText: nameOf(1) })
    .first()
    .boundingBox();
  expect(Math.abs((gridTop?.y ?? 0) - (previewTop?.y ?? 0))).toBeLessThanOrEqual(2);
  await expect(region.getByRole('searchbox', { name: 'Søg i tabellen' })).toBeEnabled();
  await region.getByRole('searchbox', { name: 'Søg i tabellen' }).fill(nameOf(ROWS));
  await expect(grid.getByText(nameOf(ROWS), { exact: true })).toBeVisible();
});

test('with a saved layout the page waits for the grid instead of showing rows it would re-order', async ({
  page,
  db,
  workspace,
  owner,
}) => {
  await db.query(
    `insert into public.grid_preferences (tenant_id, user_id, grid, state)
     values ($1, $2, 'volunteers', $3)`,
    [workspace.id, owner.id, JSON.stringify({ columns: [{ colId: 'name', sort: 'desc', sortIndex: 0 }] })],
  );
  const release = await openWithoutScripts(page, workspace, owner);
  const region = page.getByRole('region', { name: 'Frivillige' });
  await expect(region.getByText('Indlæser tabellen …')).toBeVisible();
  await expect(page.getByRole('table')).toHaveCount(0);

  release();
  const grid = page.getByRole('grid');
  // The saved sort: the last name first.
  await expect(grid.getByText(nameOf(ROWS), { exact: true })).toBeVisible({ timeout: 30_000 });
});
