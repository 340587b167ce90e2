import type { Page } from '@playwright/test';
import type pg from 'pg';
import { expect, signIn, test, type Workspace } from '../fixtures.ts';
import { openRoster } from '../support/roster.ts';

/** A roster grid on a laptop screen: what fits, what can be read, and the keyboard and screen-reader details. */

test.use({ viewport: { width: 1280, height: 720 } });

async function seedVolunteers(db: pg.Client, workspace: Workspace, people: { name: string; startDate?: string }[]) {
  for (const p of people) {
    await db.query(
      "insert into public.volunteers (tenant_id, name, status, start_date) values ($1, $2, 'active', $3)",
      [workspace.id, p.name, p.startDate ?? null],
    );
  }
}

// The audit trigger cannot write while the workspace itself is being deleted (the fixture's
// cleanup), so each test removes its roster rows first.
test.afterEach(async ({ db, workspace }) => {
  await db.query('delete from public.volunteers where tenant_id = $1', [workspace.id]);
});

const openVolunteers = (page: Page, workspace: Workspace, heading = 'Frivillige') =>
  openRoster(page, workspace.slug, 'volunteers', heading);

/**
 * The names in the Name column, top to bottom as shown: by aria-rowindex, as the DOM order of
 * rows is not the shown order, below the two header rows, and without rows still fading out.
 */
const shownNames = (page: Page) =>
  page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.ag-row:not(.ag-opacity-zero) [role="gridcell"][col-id="name"]')]
      .map((cell) => ({
        row: Number(cell.closest('[role="row"]')?.getAttribute('aria-rowindex')),
        name: cell.innerText,
      }))
      .filter((c) => c.row > 2)
      .sort((a, b) => a.row - b.row)
      .map((c) => c.name),
  );

test('at 1280x720 at least 12 rows show, the page itself does not scroll, and the toolbar is one line', async ({
  page,
  db,
  workspace,
  owner,
}) => {
  await seedVolunteers(
    db,
    workspace,
    Array.from({ length: 40 }, (_, i) => ({ name: `Frivillig ${String(i + 1).padStart(2, '0')}` })),
  );
  await signIn(page, owner);
  const grid = await openVolunteers(page, workspace);

  // The twelfth row is wholly visible: not cut off by the grid's edge nor below the window.
  // (A saved name's cell also holds the link to the person's page, which is part of its name.)
  for (const n of ['01', '12'])
    await expect(grid.getByRole('gridcell', { name: new RegExp(`^Frivillig ${n}\\b`) })).toBeInViewport({ ratio: 1 });

  // One scrollbar: the grid's. The document has nothing to scroll.
  const page_ = await page.evaluate(() => {
    const doc = document.scrollingElement!;
    return { extraHeight: doc.scrollHeight - doc.clientHeight, extraWidth: doc.scrollWidth - doc.clientWidth };
  });
  expect(page_).toEqual({ extraHeight: 0, extraWidth: 0 });

  // The toolbar's controls sit on one line, from the first button to the search box.
  const toolbar = grid.getByRole('toolbar');
  const first = (await toolbar.getByRole('button', { name: 'Tilføj række' }).boundingBox())!;
  const last = (await toolbar.getByRole('searchbox', { name: 'Søg i tabellen' }).boundingBox())!;
  expect(Math.abs(first.y + first.height / 2 - (last.y + last.height / 2))).toBeLessThan(4);
  expect((await toolbar.boundingBox())!.height).toBeLessThan(50);
});

test('headers are shown in full, wrapping onto a second line rather than being cut off', async ({
  page,
  workspace,
  owner,
}) => {
  await signIn(page, owner);
  const grid = await openVolunteers(page, workspace);
  await expect(grid.getByRole('columnheader', { name: 'Status ændret' })).toBeVisible();
  const cutOff = await grid.evaluate((root) =>
    [...root.querySelectorAll<HTMLElement>('.ag-header-cell-text')]
      .filter((text) => text.scrollWidth > text.clientWidth + 1 || text.scrollHeight > text.clientHeight + 1)
      .map((text) => text.innerText),
  );
  expect(cutOff).toEqual([]);
});

test('names sort case-insensitively, with æ, ø and å last as in Danish', async ({ page, db, workspace, owner }) => {
  await seedVolunteers(
    db,
    workspace,
    ['Åse Ørsted', 'anna Andersen', 'Bo Berg', 'Ærlig Æblerød', 'øjvind Østergaard', 'Zenia Zahle', 'bent Bentsen'].map(
      (name) => ({ name }),
    ),
  );
  await signIn(page, owner);
  const grid = await openVolunteers(page, workspace);
  const header = grid.getByRole('columnheader', { name: 'Navn', exact: true });
  await header.getByText('Navn').click();
  await expect(header).toHaveAttribute('aria-sort', 'ascending');
  await expect
    .poll(() => shownNames(page))
    .toEqual([
      'anna Andersen',
      'bent Bentsen',
      'Bo Berg',
      'Zenia Zahle',
      'Ærlig Æblerød',
      'øjvind Østergaard',
      'Åse Ørsted',
    ]);
});

test('the row count follows the search and the column filters', async ({ page, db, workspace, owner }) => {
  await seedVolunteers(
    db,
    workspace,
    ['Anna Andersen', 'Bo Berg', 'Berit Bech', 'Carl Clausen', 'Dorte Dam'].map((name) => ({ name })),
  );
  await signIn(page, owner);
  const grid = await openVolunteers(page, workspace);
  await expect(grid.getByText('5 rækker', { exact: true })).toBeVisible();

  await grid.getByRole('searchbox', { name: 'Søg i tabellen' }).fill('Berg');
  await expect(grid.getByText('1 af 5 rækker', { exact: true })).toBeVisible();
  await grid.getByRole('searchbox', { name: 'Søg i tabellen' }).fill('');
  await expect(grid.getByText('5 rækker', { exact: true })).toBeVisible();

  // The filter boxes are named in Danish, with no English left over ("Navn Filter Input").
  await grid.getByRole('textbox', { name: 'Navn (filter)' }).fill('B');
  await expect(grid.getByText('2 af 5 rækker', { exact: true })).toBeVisible();
  const labels = await grid.evaluate((root) =>
    [...root.querySelectorAll('[aria-label]')].map((e) => e.getAttribute('aria-label')!),
  );
  expect(labels.filter((label) => /Input|Filter [A-Z]/.test(label))).toEqual([]);
});

test('a date filter is typed as dd-mm-yyyy in a plain text box', async ({ page, db, workspace, owner }) => {
  await seedVolunteers(db, workspace, [
    { name: 'Anna Andersen', startDate: '2024-03-01' },
    { name: 'Bo Berg', startDate: '2024-01-03' },
    { name: 'Carl Clausen', startDate: '2025-03-01' },
  ]);
  await signIn(page, owner);
  const grid = await openVolunteers(page, workspace);
  const filter = grid.getByRole('textbox', { name: 'Startdato (filter)' });
  // A text box, not the browser's date field (which would follow the OS locale: mm/dd/yyyy).
  await expect(filter).toHaveAttribute('type', 'text');
  await expect(filter).toHaveAttribute('placeholder', 'dd-mm-åååå');

  await filter.fill('01-03-2024');
  await expect(grid.getByText('1 af 3 rækker', { exact: true })).toBeVisible();
  await expect.poll(() => shownNames(page)).toEqual(['Anna Andersen']);

  // Half a date filters nothing yet.
  await filter.fill('01-03');
  await expect(grid.getByText('3 rækker', { exact: true })).toBeVisible();
});

test('in English: dd/mm/yyyy dates, English sorting and the row count in English', async ({
  page,
  db,
  workspace,
  owner,
}) => {
  await seedVolunteers(db, workspace, [
    { name: 'Zenia Zahle', startDate: '2024-03-01' },
    { name: 'Åse Ørsted', startDate: '2024-01-03' },
    { name: 'bo Berg', startDate: '2024-01-03' },
  ]);
  await signIn(page, owner);
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
  const grid = await openVolunteers(page, workspace, 'Volunteers');

  await grid.getByRole('columnheader', { name: 'Name', exact: true }).getByText('Name').click();
  await expect.poll(() => shownNames(page)).toEqual(['Åse Ørsted', 'bo Berg', 'Zenia Zahle']);

  const filter = grid.getByRole('textbox', { name: 'Start date (filter)' });
  await expect(filter).toHaveAttribute('placeholder', 'dd/mm/yyyy');
  await filter.fill('03/01/2024');
  await expect(grid.getByText('2 of 3 rows', { exact: true })).toBeVisible();
});

test('Ctrl+S saves, also from an open cell editor, instead of the browser saving the page', async ({
  page,
  db,
  workspace,
  owner,
}) => {
  await seedVolunteers(db, workspace, [{ name: 'Anna Andersen' }]);
  await signIn(page, owner);
  const grid = await openVolunteers(page, workspace);
  // Listens after the app (bubbling on window comes last), to see whether the browser's own save was stopped.
  await page.evaluate(() =>
    window.addEventListener('keydown', (e) => {
      if (e.key === 's') (window as unknown as { savePrevented: boolean }).savePrevented = e.defaultPrevented;
    }),
  );
  await grid
    .getByRole('row', { name: /Anna Andersen/ })
    .locator('[col-id="phone"]')
    .click();
  await page.keyboard.type('12345678');
  // The editor is still open: Ctrl+S commits it and saves.
  await page.keyboard.press('Control+s');
  await expect(grid.getByText('1 ændring er gemt.')).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as { savePrevented: boolean }).savePrevented)).toBe(true);
  const { rows } = await db.query('select phone from public.volunteers where tenant_id = $1', [workspace.id]);
  expect(rows).toEqual([{ phone: '12345678' }]);
});

test('a bad cell is marked for screen readers, and the message at the top leads to it', async ({
  page,
  db,
  workspace,
  owner,
}) => {
  await seedVolunteers(db, workspace, [{ name: 'Anna Andersen' }, { name: 'Bo Berg' }]);
  await signIn(page, owner);
  const grid = await openVolunteers(page, workspace);
  const email = (name: string) => grid.getByRole('row', { name: new RegExp(name) }).locator('[col-id="email"]');

  await email('Bo Berg').click();
  await page.keyboard.type('ikke-en-mail');
  await page.keyboard.press('Enter');
  await expect(email('Bo Berg')).toHaveAttribute('aria-invalid', 'true');
  await expect(email('Bo Berg')).toHaveAccessibleDescription('Skriv en gyldig e-mailadresse.');
  await expect(email('Anna Andersen')).not.toHaveAttribute('aria-invalid');

  // Ctrl+S with a bad cell saves nothing; the message above the grid leads to the cell.
  await grid.getByRole('searchbox', { name: 'Søg i tabellen' }).focus();
  await page.keyboard.press('Control+s');
  await expect(
    grid.getByRole('status').filter({ hasText: 'Du kan ikke gemme endnu: 1 celle har en fejl. Ret den først.' }),
  ).toBeAttached();
  await grid.getByRole('button', { name: 'Gå til den første fejl' }).click();
  await expect(email('Bo Berg')).toBeFocused();

  await page.keyboard.type('bo@example.dk');
  await page.keyboard.press('Enter');
  await expect(email('Bo Berg')).not.toHaveAttribute('aria-invalid');
  await page.keyboard.press('Control+s');
  await expect(grid.getByText('1 ændring er gemt.')).toBeVisible();
});
