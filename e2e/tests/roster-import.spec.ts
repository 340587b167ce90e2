import writeXlsxFile from 'write-excel-file/node';
import { expect, signIn, test } from '../fixtures.ts';

const XLSX = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A spreadsheet as a coordinator would have it: a header row, then one volunteer per row. */
async function sheet(rows: [string, string][]) {
  const header = ['Navn', 'E-mail'].map((value) => ({ value }));
  const data = [header, ...rows.map((r) => r.map((value) => ({ value })))];
  return (await writeXlsxFile(data).toBuffer()) as Buffer;
}

test('an XLSX import reports the bad row and changes nothing until it is fixed and confirmed', async ({
  page,
  db,
  workspace,
  owner,
}) => {
  await signIn(page, owner);
  await page.goto(`/w/${workspace.slug}/volunteers`);
  await page.getByRole('button', { name: 'Importér …' }).click();
  const dialog = page.getByRole('dialog', { name: 'Importér fra regneark' });

  await dialog.getByLabel('Fil (CSV eller .xlsx)').setInputFiles({
    name: 'frivillige.xlsx',
    mimeType: XLSX,
    buffer: await sheet([
      ['Ida Import', 'ida@example.dk'],
      ['Bo Fejl', 'ikke-en-mail'],
      ['Carl Import', 'carl@example.dk'],
    ]),
  });
  await expect(dialog.getByText('1 med fejl')).toBeVisible();
  await expect(dialog.getByText(/Skriv en gyldig e-mailadresse/)).toBeVisible();
  await expect(dialog.getByRole('button', { name: /^Importér \d+ rækker?$/ })).toBeDisabled();

  await dialog.getByLabel('Fil (CSV eller .xlsx)').setInputFiles({
    name: 'frivillige-rettet.xlsx',
    mimeType: XLSX,
    buffer: await sheet([
      ['Ida Import', 'ida@example.dk'],
      ['Bo Rettet', 'bo@example.dk'],
    ]),
  });
  await dialog.getByRole('button', { name: 'Importér 2 rækker' }).click();
  await expect(dialog).toBeHidden();

  const count = async () =>
    Number(
      (await db.query('select count(*) from public.volunteers where tenant_id = $1', [workspace.id])).rows[0].count,
    );
  expect(await count()).toBe(0);
  await page.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect.poll(count).toBe(2);
  await db.query('delete from public.volunteers where tenant_id = $1', [workspace.id]);
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
  await expect(dialog.getByText('2 nye · 0 opdaterede · 0 uændrede · 0 med fejl')).toBeVisible();
  await key.selectOption({ label: 'E-mail' });
  await expect(dialog.getByText('1 ny · 1 opdateret · 0 uændrede · 0 med fejl')).toBeVisible();
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
  await db.query('delete from public.volunteers where tenant_id = $1', [workspace.id]);
});
