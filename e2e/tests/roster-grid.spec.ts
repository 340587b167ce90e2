import { readFileSync } from 'node:fs';
import type { Browser, Page } from '@playwright/test';
import type pg from 'pg';
import { E2E } from '../env.ts';
import { expect, signIn, test, type User, type Workspace } from '../fixtures.ts';
import { paste } from '../support/clipboard.ts';
import { openWorkspaceMenu } from '../support/nav.ts';
import { openRoster as openRosterPage } from '../support/roster.ts';

/** The roster page in Danish, once its grid has taken over from the first-rows preview. */
const openRoster = (page: Page, workspace: Workspace, path: 'volunteers' | 'participants' = 'volunteers') =>
  openRosterPage(page, workspace.slug, path, path === 'volunteers' ? 'Frivillige' : 'Deltagere');

async function seedVolunteers(db: pg.Client, workspace: Workspace, people: { name: string; status: string }[]) {
  for (const p of people) {
    await db.query('insert into public.volunteers (tenant_id, name, status) values ($1, $2, $3)', [
      workspace.id,
      p.name,
      p.status,
    ]);
  }
}

// The audit trigger cannot write while the workspace itself is being deleted (the fixture's
// cleanup), so each test removes its roster rows first, while the workspace still exists.
test.afterEach(async ({ db, workspace }) => {
  await db.query('delete from public.volunteers where tenant_id = $1', [workspace.id]);
  await db.query('delete from public.participants where tenant_id = $1', [workspace.id]);
});

async function secondBrowser(browser: Browser, user: User) {
  const context = await browser.newContext({ baseURL: E2E.baseUrl, locale: 'da-DK' });
  const page = await context.newPage();
  await signIn(page, user);
  return { context, page };
}

test('50 rows pasted from Excel are saved in one go and are there after a reload', async ({
  page,
  db,
  workspace,
  owner,
}) => {
  await signIn(page, owner);
  const grid = await openRoster(page, workspace);
  await expect(grid.getByText('0 rækker', { exact: true })).toBeVisible();

  // An empty roster has no cell to paste into, so the first row is added by hand.
  await grid.getByRole('button', { name: 'Tilføj række' }).click();
  const lines = Array.from({ length: 50 }, (_, i) => {
    const n = String(i + 1).padStart(2, '0');
    return [
      `Frivillig ${n}`,
      `Frivillig${n}@Example.dk`,
      `+45 2000 00${n}`,
      i % 2 ? 'Aktiv' : 'ansøger',
      '',
      `${(i % 28) + 1}-03-2024`,
    ].join('\t');
  });
  // Excel ends a copied block with a line break.
  await paste(page, `${lines.join('\r\n')}\r\n`);
  await expect(grid.getByText('50 rækker', { exact: true })).toBeVisible();
  await expect(grid.getByText('50 ændringer, der ikke er gemt')).toBeVisible();

  await grid.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(grid.getByText('50 ændringer er gemt.')).toBeVisible();
  const { rows } = await db.query<{ n: number; active: number; first: string; email: string }>(
    `select count(*)::int as n, count(*) filter (where status = 'active')::int as active, min(start_date)::text as first,
            min(email) as email
     from public.volunteers where tenant_id = $1`,
    [workspace.id],
  );
  expect(rows[0]).toEqual({ n: 50, active: 25, first: '2024-03-01', email: 'frivillig01@example.dk' });

  await page.reload();
  await expect(grid.getByText('50 rækker', { exact: true })).toBeVisible();
  await expect(grid.getByText('Ingen ændringer, der ikke er gemt')).toBeVisible();
  await expect(
    grid.getByRole('row', { name: /Frivillig 01/ }).getByRole('gridcell', { name: '01-03-2024' }),
  ).toBeVisible();
});

test('Ctrl+D fills down into the selected rows, and Ctrl+Z undoes it', async ({ page, db, workspace, owner }) => {
  await seedVolunteers(db, workspace, [
    { name: 'Anna Andersen', status: 'active' },
    { name: 'Bo Berg', status: 'applicant' },
    { name: 'Carl Clausen', status: 'paused' },
  ]);
  await signIn(page, owner);
  const grid = await openRoster(page, workspace);
  const row = (name: string) => grid.getByRole('row', { name: new RegExp(name) });

  for (const name of ['Anna Andersen', 'Bo Berg', 'Carl Clausen']) await row(name).getByRole('checkbox').click();
  await row('Anna Andersen').getByRole('gridcell', { name: 'Aktiv' }).click();
  await page.keyboard.press('Control+d');
  await expect(row('Bo Berg').getByRole('gridcell', { name: 'Aktiv', exact: true })).toBeVisible();
  await expect(row('Carl Clausen').getByRole('gridcell', { name: 'Aktiv', exact: true })).toBeVisible();
  await expect(grid.getByText('2 ændringer, der ikke er gemt')).toBeVisible();

  await page.keyboard.press('Control+z');
  await expect(row('Bo Berg').getByRole('gridcell', { name: 'Ansøger' })).toBeVisible();
  await expect(row('Carl Clausen').getByRole('gridcell', { name: 'På pause' })).toBeVisible();
  await expect(grid.getByText('Ingen ændringer, der ikke er gemt')).toBeVisible();

  // Redo, then save: the fill reaches the database.
  await page.keyboard.press('Control+y');
  await grid.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(grid.getByText('2 ændringer er gemt.')).toBeVisible();
  const { rows } = await db.query<{ status: string }>(
    'select status::text from public.volunteers where tenant_id = $1 order by name',
    [workspace.id],
  );
  expect(rows.map((r) => r.status)).toEqual(['active', 'active', 'active']);
});

test('deleting selected rows asks first, and is undoable until saved', async ({ page, db, workspace, owner }) => {
  await seedVolunteers(db, workspace, [
    { name: 'Dorte Dam', status: 'active' },
    { name: 'Erik Eriksen', status: 'active' },
  ]);
  await signIn(page, owner);
  const grid = await openRoster(page, workspace);
  await grid
    .getByRole('row', { name: /Erik Eriksen/ })
    .getByRole('checkbox')
    .click();

  page.once('dialog', (dialog) => {
    expect(dialog.message()).toBe('Slet 1 række? Den slettes, når du gemmer, og du kan fortryde indtil da.');
    void dialog.accept();
  });
  await grid.getByRole('button', { name: 'Slet valgt række' }).click();
  await expect(grid.getByText('1 række', { exact: true })).toBeVisible();
  await grid.getByRole('button', { name: 'Fortryd' }).click();
  // AG Grid draws a row with pinned columns twice (pinned and scrolling parts), both named by its cells.
  await expect(grid.getByRole('row', { name: /Erik Eriksen/ }).first()).toBeVisible();

  await grid.getByRole('button', { name: 'Gentag' }).click();
  await grid.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(grid.getByText('1 ændring er gemt.')).toBeVisible();
  const { rows } = await db.query<{ name: string }>('select name from public.volunteers where tenant_id = $1', [
    workspace.id,
  ]);
  expect(rows).toEqual([{ name: 'Dorte Dam' }]);
});

test('a volunteer is edited with the keyboard alone: typing, Delete, a select, a date, a checkbox, F2 and Escape', async ({
  page,
  db,
  workspace,
  owner,
}) => {
  await seedVolunteers(db, workspace, [{ name: 'Anna Andersen', status: 'active' }]);
  await db.query("update public.volunteers set phone = '11 11 11 11', note = 'Ringer tilbage' where tenant_id = $1", [
    workspace.id,
  ]);
  await signIn(page, owner);
  const grid = await openRoster(page, workspace);
  const anna = grid.getByRole('row', { name: /Anna Andersen/ });
  const cell = (colId: string) => anna.locator(`[col-id="${colId}"]`);

  // The one click: it puts the focus in the grid. Everything after is keys.
  await cell('email').click();
  await page.keyboard.type('anna@example.dk');
  await page.keyboard.press('Enter'); // commits; the focus stays on the cell
  await expect(cell('email')).toHaveText('anna@example.dk');
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('Delete'); // empties the phone cell
  await expect(cell('phone')).toHaveText('');
  await page.keyboard.press('ArrowRight'); // status: Aktiv
  await page.keyboard.press('Enter'); // opens the list of statuses
  await expect(page.getByRole('option', { name: 'På pause' })).toBeVisible();
  await page.keyboard.press('ArrowDown');
  await page.keyboard.press('Enter');
  await expect(cell('status')).toHaveText('På pause');

  await page.keyboard.press('ArrowRight'); // status changed on: typing starts the edit
  await page.keyboard.type('15-03-2026');
  await page.keyboard.press('Enter');
  await expect(cell('statusChangedOn')).toHaveText('15-03-2026');

  await page.keyboard.press('End'); // the note, the last column
  await page.keyboard.press('F2');
  await page.keyboard.type(' i morgen');
  await expect(cell('note').getByRole('textbox')).toHaveValue('Ringer tilbage i morgen');
  await page.keyboard.press('Escape'); // cancels the edit
  await expect(cell('note')).toHaveText('Ringer tilbage');

  for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft'); // meets children under 15
  await page.keyboard.press('Space');
  await expect(cell('meetsChildrenUnder15').getByRole('checkbox')).toBeChecked();

  await expect(grid.getByText('1 ændring, der ikke er gemt')).toBeVisible();
  await grid.getByRole('button', { name: 'Gem ændringer' }).focus();
  await page.keyboard.press('Enter');
  await expect(grid.getByText('1 ændring er gemt.')).toBeVisible();
  const { rows } = await db.query(
    `select email, phone, status::text, status_changed_on::text, note, meets_children_under_15
     from public.volunteers where tenant_id = $1`,
    [workspace.id],
  );
  expect(rows).toEqual([
    {
      email: 'anna@example.dk',
      phone: null,
      status: 'paused',
      status_changed_on: '2026-03-15',
      note: 'Ringer tilbage',
      meets_children_under_15: true,
    },
  ]);
});

test('an invalid e-mail keeps Save disabled and says why', async ({ page, db, workspace, owner }) => {
  await signIn(page, owner);
  const grid = await openRoster(page, workspace);
  await grid.getByRole('button', { name: 'Tilføj række' }).click();
  // The new row's first cell has focus: typing edits it, Tab moves on to the e-mail cell.
  await page.keyboard.type('Anna Andersen');
  await page.keyboard.press('Tab');
  await page.keyboard.type('ikke-en-mail');
  await page.keyboard.press('Enter');

  const save = grid.getByRole('button', { name: 'Gem ændringer' });
  await expect(save).toBeDisabled();
  await expect(save).toHaveAccessibleDescription('Du kan ikke gemme endnu: 1 celle har en fejl. Ret den først.');
  const problem = grid.getByRole('button', { name: 'Anna Andersen, E-mail: Skriv en gyldig e-mailadresse.' });
  await expect(problem).toBeVisible();

  // The message leads to the cell; correcting it enables Save.
  await problem.click();
  await page.keyboard.type('anna@example.dk');
  await page.keyboard.press('Enter');
  await expect(problem).toHaveCount(0);
  await save.click();
  await expect(grid.getByText('1 ændring er gemt.')).toBeVisible();
  const { rows } = await db.query('select name, email from public.volunteers where tenant_id = $1', [workspace.id]);
  expect(rows).toEqual([{ name: 'Anna Andersen', email: 'anna@example.dk' }]);
});

test('two people edit the same row: the second save shows both values and nothing is overwritten', async ({
  page,
  browser,
  db,
  workspace,
  owner,
}) => {
  await seedVolunteers(db, workspace, [{ name: 'Karin Kristensen', status: 'active' }]);
  await signIn(page, owner);
  const mine = await openRoster(page, workspace);
  const other = await secondBrowser(browser, owner);
  try {
    const theirs = await openRoster(other.page, workspace);
    await theirs
      .getByRole('row', { name: /Karin Kristensen/ })
      .locator('[col-id="phone"]')
      .click();
    await other.page.keyboard.type('22222222');
    await other.page.keyboard.press('Enter');
    await theirs.getByRole('button', { name: 'Gem ændringer' }).click();
    await expect(theirs.getByText('1 ændring er gemt.')).toBeVisible();
  } finally {
    await other.context.close();
  }

  await mine
    .getByRole('row', { name: /Karin Kristensen/ })
    .locator('[col-id="phone"]')
    .click();
  await page.keyboard.type('11111111');
  await page.keyboard.press('Enter');
  await mine.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    'Intet er gemt: en anden har ændret nogle af rækkerne i mellemtiden. Se dem nedenfor.',
  );
  const conflict = mine.getByRole('region', { name: 'Række: Karin Kristensen' });
  await expect(conflict.getByRole('columnheader')).toHaveText(['Felt', 'Din værdi', 'Gemt af en anden']);
  await expect(conflict.getByRole('row', { name: 'Telefon 11111111 22222222' })).toBeVisible();
  await expect(mine.getByRole('button', { name: 'Gem ændringer' })).toBeDisabled();
  expect((await db.query('select phone from public.volunteers where tenant_id = $1', [workspace.id])).rows).toEqual([
    { phone: '22222222' },
  ]);

  // Keeping mine rebases the edit onto their version, so the next save goes through.
  await conflict.getByRole('button', { name: 'Behold mine' }).click();
  await mine.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(mine.getByText('1 ændring er gemt.')).toBeVisible();
  const { rows } = await db.query('select phone, version from public.volunteers where tenant_id = $1', [workspace.id]);
  expect(rows).toEqual([{ phone: '11111111', version: 3 }]);
});

test('a save whose answer was lost is saved once when Save is pressed again, not shown as a conflict', async ({
  page,
  db,
  workspace,
  owner,
}) => {
  await seedVolunteers(db, workspace, [{ name: 'Karin Kristensen', status: 'active' }]);
  await signIn(page, owner);
  const grid = await openRoster(page, workspace);
  // The first save reaches the server and is committed, but its answer never reaches the page.
  let sends = 0;
  await page.route('**/api/trpc/volunteers.save', async (route) => {
    sends += 1;
    if (sends === 1) {
      await route.fetch();
      await route.abort('connectionreset');
    } else await route.continue();
  });
  await grid
    .getByRole('row', { name: /Karin Kristensen/ })
    .locator('[col-id="phone"]')
    .click();
  await page.keyboard.type('11111111');
  await page.keyboard.press('Enter');
  await grid.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(page.getByRole('alert')).toHaveText(/Forbindelsen til serveren svigtede/);
  const stored = () =>
    db.query('select phone, version from public.volunteers where tenant_id = $1', [workspace.id]).then((r) => r.rows);
  expect(await stored()).toEqual([{ phone: '11111111', version: 2 }]);

  await grid.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(grid.getByText('1 ændring er gemt.')).toBeVisible();
  expect(sends).toBe(2);
  expect(await stored()).toEqual([{ phone: '11111111', version: 2 }]);
  const audit = await db.query(
    "select count(*)::int as n from public.audit_log where tenant_id = $1 and table_name = 'volunteers' and action = 'update'",
    [workspace.id],
  );
  expect(audit.rows).toEqual([{ n: 1 }]);
});

test('the sort order is remembered for the user', async ({ page, db, workspace, owner }) => {
  await seedVolunteers(db, workspace, [
    { name: 'Anna Andersen', status: 'active' },
    { name: 'Bo Berg', status: 'active' },
  ]);
  await signIn(page, owner);
  const grid = await openRoster(page, workspace);
  const header = grid.getByRole('columnheader', { name: 'Navn', exact: true });
  await header.getByText('Navn').click();
  await header.getByText('Navn').click();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  await expect
    .poll(
      async () =>
        (await db.query('select count(*)::int as n from public.grid_preferences where tenant_id = $1', [workspace.id]))
          .rows[0]?.n,
    )
    .toBe(1);

  await page.reload();
  await expect(header).toHaveAttribute('aria-sort', 'descending');
  // The first row below the two header rows (titles and filters).
  await expect(grid.getByRole('row', { name: /Bo Berg/ })).toHaveAttribute('aria-rowindex', '3');
});

test('a CPR number in a participant’s note is refused before it is sent', async ({ page, workspace, owner }) => {
  await signIn(page, owner);
  const grid = await openRoster(page, workspace, 'participants');
  await grid.getByRole('button', { name: 'Tilføj række' }).click();
  await paste(page, 'Mo\t1980\t\t\t\tVenter\tCPR 010180-1234\n');
  await expect(grid.getByRole('button', { name: 'Mo, Note: Skriv ikke CPR-numre her.' })).toBeVisible();
  await expect(grid.getByRole('button', { name: 'Gem ændringer' })).toBeDisabled();
});

test('leaving the page with unsaved changes asks first', async ({ page, db, workspace, owner }) => {
  await seedVolunteers(db, workspace, [{ name: 'Anna Andersen', status: 'active' }]);
  await signIn(page, owner);
  const grid = await openRoster(page, workspace);
  await grid
    .getByRole('row', { name: /Anna Andersen/ })
    .locator('[col-id="phone"]')
    .click();
  await page.keyboard.type('12345678');
  await page.keyboard.press('Enter');

  page.once('dialog', (dialog) => {
    expect(dialog.message()).toBe('Du har ændringer, der ikke er gemt. Vil du forlade siden og miste dem?');
    void dialog.dismiss();
  });
  await (await openWorkspaceMenu(page)).getByRole('link', { name: 'Medlemmer' }).click();
  await expect(page).toHaveURL(`/w/${workspace.slug}/volunteers`);
  await expect(grid.getByText('1 ændring, der ikke er gemt')).toBeVisible();
});

test('CSV export gives the rows as shown, for Danish Excel', async ({ page, db, workspace, owner }) => {
  await seedVolunteers(db, workspace, [{ name: 'Anna Andersen', status: 'active' }]);
  await db.query(
    "update public.volunteers set start_date = '2024-03-01', short_courses = '{first_aid,recovery}' where tenant_id = $1",
    [workspace.id],
  );
  await signIn(page, owner);
  const grid = await openRoster(page, workspace);
  const [download] = await Promise.all([
    page.waitForEvent('download'),
    grid.getByRole('button', { name: 'Eksportér CSV' }).click(),
  ]);
  expect(download.suggestedFilename()).toBe('frivillige.csv');
  const lines = readFileSync(await download.path(), 'utf8')
    .replace(/^\uFEFF/, '')
    .split(/\r?\n/);
  expect(lines[0]).toMatch(/^"Navn";"E-mail";"Telefon";"Status";/);
  expect(lines[1]).toContain('"Anna Andersen";"";"";"Aktiv";"";"01-03-2024"');
  expect(lines[1]).toContain('"Førstehjælp, Recovery"');
});

test('a viewer sees the roster but cannot change it', async ({ page, db, workspace, makeUser }) => {
  await seedVolunteers(db, workspace, [{ name: 'Anna Andersen', status: 'active' }]);
  const viewer = await makeUser('Vera Viewer');
  await db.query(
    "insert into public.memberships (tenant_id, user_id, role, display_name, email) values ($1, $2, 'viewer', $3, $4)",
    [workspace.id, viewer.id, viewer.name, viewer.email],
  );
  await signIn(page, viewer);
  const grid = await openRoster(page, workspace);
  await expect(grid.getByText('Du kan se listen, men din rolle kan ikke ændre den.')).toBeVisible();
  await expect(grid.getByRole('button', { name: 'Tilføj række' })).toHaveCount(0);
  await expect(grid.getByRole('button', { name: 'Gem ændringer' })).toHaveCount(0);
  await expect(grid.getByRole('button', { name: 'Eksportér CSV' })).toBeEnabled();

  const cell = grid.getByRole('gridcell', { name: 'Anna Andersen' });
  await cell.click();
  await page.keyboard.type('X');
  await page.keyboard.press('Enter');
  await expect(cell).toHaveText('Anna Andersen');
});
