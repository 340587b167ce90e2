import writeXlsxFile from 'write-excel-file/node';
import { expect, signIn, test } from '../fixtures.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** Spreadsheet rows as write-excel-file takes them: every cell as text, as a coordinator typed it. */
const cells = (rows: string[][]) => rows.map((row) => row.map((value) => ({ value })));

test.afterEach(async ({ db, workspace }) => {
  // The audit trigger cannot write while the fixture deletes the workspace, so rows go first.
  await db.query('delete from public.volunteers where tenant_id = $1', [workspace.id]);
});

test('two bad rows in a file come into the grid with their cells marked, and Save waits until they are fixed', async ({
  page,
  db,
  workspace,
  owner,
}) => {
  await db.query(
    "insert into public.volunteers (tenant_id, name, email, status) values ($1, 'Anna Andersen', 'anna@example.dk', 'active')",
    [workspace.id],
  );
  await signIn(page, owner);
  await page.goto(`/w/${workspace.slug}/volunteers`);
  const grid = page.getByRole('region', { name: 'Frivillige' });
  await page.getByRole('button', { name: 'Importér …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Importér fra regneark' });

  await dialog.getByLabel('Fil (CSV eller .xlsx)').setInputFiles({
    name: 'frivillige.xlsx',
    mimeType: XLSX,
    // The roster comes after an instructions sheet, as in many municipalities' templates.
    buffer: (await writeXlsxFile([
      { sheet: 'Vejledning', data: cells([['Udfyld arket Frivillige, og importér filen.']]) },
      {
        sheet: 'Frivillige',
        data: cells([
          ['Navn', 'E-mail', 'Startdato'],
          ['Ida Import', 'ida@example.dk', '01-03-2024'],
          ['Bo Fejl', 'ikke-en-mail', '02-03-2024'],
          // An update of Anna (matched by e-mail) with text where a date belongs.
          ['Anna Andersen', 'anna@example.dk', 'næste tirsdag'],
          ['Carl Import', 'carl@example.dk', '04-03-2024'],
        ]),
      },
    ]).toBuffer()) as Buffer,
  });
  await expect(dialog.getByLabel('Ark')).toHaveValue('1');
  await expect(dialog.getByLabel('Ark').locator('option:checked')).toHaveText('Frivillige (4 rækker)');
  await expect(dialog.getByText('2 rækker er klar, 2 skal rettes')).toBeVisible();
  await expect(dialog.getByText('E-mail: Skriv en gyldig e-mailadresse.')).toBeVisible();
  await expect(dialog.getByText('Startdato: Skriv en gyldig dato, fx 31-12-2024.')).toBeVisible();
  await dialog.getByRole('button', { name: 'Importér 4 rækker' }).click();
  await expect(dialog).toBeHidden();

  // Every row arrived; what could not be read shows as the file had it, its cell marked.
  // (A saved row's name cell also holds the link to the person's page, which is part of its name.)
  for (const name of ['Ida Import', 'Bo Fejl', 'Carl Import', 'Anna Andersen'])
    await expect(grid.getByRole('gridcell', { name: new RegExp(`^${name}( |$)`) })).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: 'ikke-en-mail' })).toHaveClass(/cell-invalid/);
  await expect(grid.getByRole('gridcell', { name: 'næste tirsdag' })).toHaveClass(/cell-invalid/);
  await expect(grid.getByRole('gridcell', { name: 'ida@example.dk' })).not.toHaveClass(/cell-invalid/);

  const save = grid.getByRole('button', { name: 'Gem ændringer' });
  await expect(save).toBeDisabled();
  await expect(save).toHaveAccessibleDescription('Du kan ikke gemme endnu: 2 celler har fejl. Ret dem først.');

  // Each problem leads to its cell; typing there fixes it.
  const badMail = grid.getByRole('button', { name: 'Bo Fejl, E-mail: Skriv en gyldig e-mailadresse.' });
  await badMail.click();
  await page.keyboard.type('bo@example.dk');
  await page.keyboard.press('Enter');
  await expect(badMail).toHaveCount(0);
  await expect(save).toBeDisabled();

  const badDate = grid.getByRole('button', { name: 'Anna Andersen, Startdato: Skriv en gyldig dato, fx 31-12-2024.' });
  await badDate.click();
  await page.keyboard.type('09-03-2024');
  await page.keyboard.press('Enter');
  await expect(badDate).toHaveCount(0);

  await save.click();
  await expect(grid.getByText('4 ændringer er gemt.')).toBeVisible();
  const { rows } = await db.query(
    "select name, email, to_char(start_date, 'YYYY-MM-DD') as start from public.volunteers where tenant_id = $1 order by name",
    [workspace.id],
  );
  expect(rows).toEqual([
    { name: 'Anna Andersen', email: 'anna@example.dk', start: '2024-03-09' },
    { name: 'Bo Fejl', email: 'bo@example.dk', start: '2024-03-02' },
    { name: 'Carl Import', email: 'carl@example.dk', start: '2024-03-04' },
    { name: 'Ida Import', email: 'ida@example.dk', start: '2024-03-01' },
  ]);
});

test('a CSV import recognises an existing volunteer by e-mail and updates her instead of adding a twin', async ({
  page,
  db,
  workspace,
  owner,
}) => {
  await db.query(
    "insert into public.volunteers (tenant_id, name, email, status) values ($1, 'Anna Andersen', 'anna@example.dk', 'active')",
    [workspace.id],
  );
  await signIn(page, owner);
  await page.goto(`/w/${workspace.slug}/volunteers`);
  await page.getByRole('button', { name: 'Importér …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Importér fra regneark' });
  await dialog.getByLabel('Fil (CSV eller .xlsx)').setInputFiles({
    name: 'frivillige.csv',
    mimeType: 'text/csv',
    buffer: Buffer.from(
      'Navn;E-mail;Telefon\r\nAnna Andersen;ANNA@example.dk;+45 11 22 33 44\r\nBo Berg;bo@example.dk;\r\n',
    ),
  });

  // Without a key both rows would be new; the e-mail column is picked by default.
  const key = dialog.getByLabel('Genkend eksisterende rækker på');
  await key.selectOption({ label: 'Ingen – alle rækker bliver nye' });
  await expect(dialog.getByText('2 rækker er klar')).toBeVisible();
  await expect(dialog.getByText('2 nye · 0 opdaterede · 0 uændrede')).toBeVisible();
  await key.selectOption({ label: 'E-mail' });
  await expect(dialog.getByText('1 ny · 1 opdateret · 0 uændrede')).toBeVisible();
  await expect(
    dialog.getByRole('row', { name: /Anna Andersen/ }).getByRole('cell', { name: 'Opdateres' }),
  ).toBeVisible();

  await dialog.getByRole('button', { name: 'Importér 2 rækker' }).click();
  await expect(dialog).toBeHidden();
  await page.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(page.getByText('2 ændringer er gemt.')).toBeVisible();

  const { rows } = await db.query(
    'select name, email, phone, status::text from public.volunteers where tenant_id = $1 order by name',
    [workspace.id],
  );
  // Only the file's columns change: Anna keeps her status, and her e-mail as it was written.
  expect(rows).toEqual([
    { name: 'Anna Andersen', email: 'anna@example.dk', phone: '+45 11 22 33 44', status: 'active' },
    { name: 'Bo Berg', email: 'bo@example.dk', phone: null, status: 'applicant' },
  ]);
});
