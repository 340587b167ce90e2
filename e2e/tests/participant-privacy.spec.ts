import type { Page } from '@playwright/test';
import { E2E } from '../env.ts';
import { expect, signIn, test, type User } from '../fixtures.ts';
import { addMembership } from '../support/courses.ts';
import { openWorkspaceMenu } from '../support/nav.ts';

/**
 * Decision 015 in the browser: a viewer's participants grid has only the columns the decision
 * allows, and an owner finds on the access log who opened the participants page.
 */

const SECRET_CONTACT = 'ring-via-bostotten-22';

// The audit trigger cannot write while the workspace itself is being deleted (the fixture's
// cleanup), so the participants go first, while the workspace still exists.
test.afterEach(async ({ db, workspace }) => {
  await db.query('delete from public.participants where tenant_id = $1', [workspace.id]);
});

const participantsGrid = async (page: Page, slug: string) => {
  await page.goto(`/w/${slug}/participants`);
  const grid = page.getByRole('region', { name: 'Deltagere' });
  await expect(grid.getByRole('columnheader', { name: 'Fornavn eller initialer', exact: true })).toBeVisible();
  return grid;
};

test("a viewer's participants grid has no contact, birth year, consent date or note", async ({
  page,
  db,
  workspace,
  makeUser,
}) => {
  await db.query(
    `insert into public.participants (tenant_id, first_name, birth_year, contact, consent_on, referred_by, status, note)
     values ($1, 'Mette', 1961, $2, date '2024-03-05', 'psychiatry', 'active', 'fortrolig')`,
    [workspace.id, SECRET_CONTACT],
  );
  const viewer: User = await makeUser('Vera Viewer');
  await addMembership(db, workspace, viewer, 'viewer');
  await signIn(page, viewer);

  const grid = await participantsGrid(page, workspace.slug);
  for (const allowed of ['Henvist af', 'Samtykke registreret', 'Status']) {
    await expect(grid.getByRole('columnheader', { name: allowed, exact: true })).toBeVisible();
  }
  for (const hidden of ['Kontakt', 'Fødselsår', 'Samtykke givet', 'Note']) {
    await expect(grid.getByRole('columnheader', { name: hidden, exact: true })).toHaveCount(0);
  }
  await expect(grid.getByRole('gridcell', { name: 'Mette' })).toBeVisible();
  await expect(grid.getByRole('gridcell', { name: 'Psykiatrien' })).toBeVisible();
  await expect(page.getByText(SECRET_CONTACT)).toHaveCount(0);
  await expect(page.getByText('1961')).toHaveCount(0);
  // The access log is not a viewer's either: no link to it.
  const nav = await openWorkspaceMenu(page);
  await expect(nav.getByRole('link', { name: 'Medlemmer' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Adgangslog' })).toHaveCount(0);
});

test('an owner sees on the access log that a coordinator opened the participants page; the coordinator cannot open the log', async ({
  page,
  browser,
  db,
  workspace,
  owner,
  makeUser,
}) => {
  await db.query(
    "insert into public.participants (tenant_id, first_name) values ($1, 'Mette'), ($1, 'Jonas'), ($1, 'Sara')",
    [workspace.id],
  );
  const coordinator: User = await makeUser('Kasper Koordinator');
  await addMembership(db, workspace, coordinator, 'coordinator');
  await signIn(page, coordinator);
  const grid = await participantsGrid(page, workspace.slug);
  await expect(grid.getByRole('gridcell', { name: 'Sara' })).toBeVisible();
  const nav = await openWorkspaceMenu(page);
  await expect(nav.getByRole('link', { name: 'Medlemmer' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Adgangslog' })).toHaveCount(0);
  const refused = await page.goto(`/w/${workspace.slug}/access-log`);
  expect(refused?.status()).toBe(403);
  await expect(page.getByRole('heading', { name: 'Det har din rolle ikke adgang til.' })).toBeVisible();

  const ownerContext = await browser.newContext({ baseURL: E2E.baseUrl, locale: 'da-DK' });
  const ownerPage = await ownerContext.newPage();
  await signIn(ownerPage, owner);
  await ownerPage.goto(`/w/${workspace.slug}`);
  await (await openWorkspaceMenu(ownerPage)).getByRole('link', { name: 'Adgangslog' }).click();
  await expect(ownerPage.getByRole('heading', { name: 'Adgangslog', level: 1 })).toBeVisible();
  // Newest first: the coordinator's visit is the first entry (and the only one: no one else read).
  const entry = ownerPage.getByRole('row', { name: /Kasper Koordinator/ }).first();
  await expect(ownerPage.getByRole('row')).toHaveCount(2);
  await expect(entry.getByRole('cell')).toHaveText([/\d/, 'Kasper Koordinator', 'Deltagerlisten', '3']);
  await ownerContext.close();
});
