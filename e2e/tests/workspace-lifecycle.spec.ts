import { readFileSync } from 'node:fs';
import { expect, signIn, test } from '../fixtures.ts';
import { expectAccessible } from '../support/axe.ts';

/*
 * Decision 028: an owner closes a workspace (after being offered the exports), which makes it
 * read-only with a banner on every page, grids that edit nothing and exports that still work; the
 * owner reopens it. An operator suspends and restores one; nobody else reaches the console.
 */

test('an owner closes the workspace: read-only grids, export still works, then reopens it', async ({
  page,
  db,
  workspace,
  owner,
}, testInfo) => {
  await db.query("insert into public.volunteers (tenant_id, name, status) values ($1, 'Vera Frivillig', 'active')", [
    workspace.id,
  ]);
  await signIn(page, owner);
  await page.goto(`/w/${workspace.slug}/settings`);
  const closing = page.getByRole('region', { name: 'Luk arbejdsområdet' });
  await expect(closing.getByRole('link', { name: 'Frivillige' })).toBeVisible();

  const confirm = closing.getByLabel(`Skriv arbejdsområdets adresse (${workspace.slug}) for at bekræfte`);
  await confirm.fill('forkert');
  await closing.getByRole('button', { name: 'Luk arbejdsområdet' }).click();
  await expect(page.getByText('Skriv arbejdsområdets adresse præcist for at bekræfte.')).toBeVisible();

  await confirm.fill(workspace.slug);
  await closing.getByRole('button', { name: 'Luk arbejdsområdet' }).click();
  await expect(page.getByText(/Arbejdsområdet er lukket og skrivebeskyttet\. Det slettes endeligt den/)).toBeVisible();
  await expectAccessible(page, testInfo, 'settings of a closed workspace');

  await page.goto(`/w/${workspace.slug}/volunteers`);
  await expect(page.getByText(/Arbejdsområdet er lukket og skrivebeskyttet/)).toBeVisible();
  await expect(page.getByRole('gridcell', { name: 'Vera Frivillig' })).toBeVisible();
  await expect(page.getByRole('button', { name: 'Tilføj række' })).toHaveCount(0);
  // The grid says why it cannot be edited: the workspace, not the owner's role.
  await expect(
    page.getByText('Arbejdsområdet er lukket, så listen er skrivebeskyttet. Du kan stadig eksportere den.'),
  ).toBeVisible();
  await expect(page.getByText(/din rolle kan ikke ændre/)).toHaveCount(0);
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Eksportér CSV' }).click();
  const csv = readFileSync((await (await download).path())!, 'utf8');
  expect(csv).toContain('Vera Frivillig');

  await page.goto(`/w/${workspace.slug}/settings`);
  await page.getByRole('button', { name: 'Genåbn arbejdsområdet' }).click();
  await expect(page.getByText('Arbejdsområdet er åbent igen.')).toBeVisible();
  await expect(page.getByText(/Arbejdsområdet er lukket og skrivebeskyttet/)).toHaveCount(0);
  await page.goto(`/w/${workspace.slug}/volunteers`);
  await expect(page.getByRole('button', { name: 'Tilføj række' })).toBeVisible();
});

test('an operator suspends and restores a workspace, and never sees a participant', async ({
  page,
  browser,
  db,
  workspace,
  owner,
  makeUser,
}, testInfo) => {
  await db.query(
    "insert into public.participants (tenant_id, first_name, status) values ($1, 'Pernille Deltager', 'active')",
    [workspace.id],
  );
  const operator = await makeUser('Otto Operatør');
  await db.query('insert into app.operators (user_id) values ($1)', [operator.id]);
  await signIn(page, operator);
  await page.goto('/operator');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Driftskonsol');
  const row = page.getByRole('row', { name: new RegExp(workspace.name) });
  await expect(row.getByRole('cell', { name: 'Aktiv', exact: true })).toBeVisible();
  await expect(row.getByRole('cell', { name: '1', exact: true })).toBeVisible();
  // No billing row: the free tier.
  await expect(row.getByRole('cell', { name: 'Gratis', exact: true })).toBeVisible();
  await expect(page.getByText('Pernille')).toHaveCount(0);
  await expectAccessible(page, testInfo, "operator's console");

  await row.getByLabel(`Begrundelse for at suspendere ${workspace.name}`).fill('Ubetalt faktura');
  await row.getByRole('button', { name: 'Suspendér' }).click();
  await expect(row.getByText(`${workspace.name} er suspenderet.`)).toBeVisible();
  await expect(row.getByText(/Suspenderet/)).toBeVisible();

  const member = await browser.newContext({ locale: 'da-DK' });
  try {
    const memberPage = await member.newPage();
    await signIn(memberPage, owner);
    await memberPage.goto(`/w/${workspace.slug}/participants`);
    await expect(
      memberPage.getByText(/Arbejdsområdet er suspenderet og skrivebeskyttet: Ubetalt faktura/),
    ).toBeVisible();
    await expect(memberPage.getByRole('button', { name: 'Tilføj række' })).toHaveCount(0);
    await expect(
      memberPage.getByText('Arbejdsområdet er suspenderet, så listen er skrivebeskyttet.', { exact: false }),
    ).toBeVisible();
  } finally {
    await member.close();
  }

  await row.getByRole('button', { name: `Genåbn ${workspace.name}` }).click();
  await expect(row.getByText(`${workspace.name} er genåbnet.`)).toBeVisible();
  await expect(row.getByRole('cell', { name: 'Aktiv', exact: true })).toBeVisible();
  const logged = await db.query(
    "select changed_by from public.audit_log where tenant_id = $1 and table_name = 'tenants' order by id",
    [workspace.id],
  );
  expect(logged.rows).toEqual([{ changed_by: operator.id }, { changed_by: operator.id }]);
});

test('someone who is not an operator gets "page not found" at /operator', async ({ page, owner }) => {
  await signIn(page, owner);
  const response = await page.goto('/operator');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siden findes ikke');
});
