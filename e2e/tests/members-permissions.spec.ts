import { expect, signIn, test, type User, type Workspace } from '../fixtures.ts';
import type pg from 'pg';

/** What each role is offered on the members page follows the permissions the API sends. */
async function addMember(db: pg.Client, workspace: Workspace, user: User, role: string) {
  await db.query(
    'insert into public.memberships (tenant_id, user_id, role, display_name, email) values ($1, $2, $3, $4, $5)',
    [workspace.id, user.id, role, user.name, user.email],
  );
}

test('a viewer sees who is in the workspace, but no invitation form and no role controls', async ({
  page,
  db,
  workspace,
  owner,
  makeUser,
}) => {
  const viewer = await makeUser('Vera Viewer');
  await addMember(db, workspace, viewer, 'viewer');
  await signIn(page, viewer);
  await page.goto(`/w/${workspace.slug}/members`);

  await expect(page.getByRole('row', { name: new RegExp(owner.name) })).toContainText('Ejer');
  await expect(page.getByRole('button', { name: 'Send invitation' })).toHaveCount(0);
  await expect(page.getByRole('region', { name: 'Afventende invitationer' })).toHaveCount(0);
  await expect(page.getByLabel(`Skift rolle for ${owner.name}`)).toHaveCount(0);
  await expect(page.getByRole('button', { name: `Fjern ${owner.name}` })).toHaveCount(0);
  // Leaving is always one's own choice.
  await expect(
    page.getByRole('row', { name: /Vera Viewer/ }).getByRole('button', { name: 'Forlad arbejdsområdet' }),
  ).toBeVisible();
});

test('an admin may invite and change roles, but not offer or touch the owner role', async ({
  page,
  db,
  workspace,
  owner,
  makeUser,
}) => {
  const admin = await makeUser('Anna Admin');
  await addMember(db, workspace, admin, 'admin');
  await signIn(page, admin);
  await page.goto(`/w/${workspace.slug}/members`);

  const roles = page.getByLabel('Rolle', { exact: true }).getByRole('option');
  await expect(roles).toHaveText(['Administrator', 'Koordinator', 'Frivillig peer', 'Læser']);
  await expect(page.getByLabel(`Skift rolle for ${owner.name}`)).toHaveCount(0);
  await expect(page.getByRole('row', { name: new RegExp(owner.name) })).toContainText('Ejer');
});
