import type { Page } from '@playwright/test';
import { expect, signIn, test, type User } from '../fixtures.ts';

/** What each role is offered on the members page follows the permissions the API sends. */
const membersPageAs = test.extend<{ openAs: (role: string, name: string) => Promise<Page> }>({
  openAs: async ({ page, db, workspace, makeUser }, use) => {
    await use(async (role, name) => {
      const user: User = await makeUser(name);
      await db.query(
        'insert into public.memberships (tenant_id, user_id, role, display_name, email) values ($1, $2, $3, $4, $5)',
        [workspace.id, user.id, role, user.name, user.email],
      );
      await signIn(page, user);
      await page.goto(`/w/${workspace.slug}/members`);
      return page;
    });
  },
});

membersPageAs(
  'a viewer sees who is in the workspace, but no invitation form and no role controls',
  async ({ openAs, owner }) => {
    const page = await openAs('viewer', 'Vera Viewer');
    await expect(page.getByRole('row', { name: new RegExp(owner.name) })).toContainText('Ejer');
    await expect(page.getByRole('button', { name: 'Send invitation' })).toHaveCount(0);
    await expect(page.getByRole('region', { name: 'Afventende invitationer' })).toHaveCount(0);
    await expect(page.getByLabel(`Skift rolle for ${owner.name}`)).toHaveCount(0);
    await expect(page.getByRole('button', { name: `Fjern ${owner.name}` })).toHaveCount(0);
    // Leaving is always one's own choice.
    await expect(
      page.getByRole('row', { name: /Vera Viewer/ }).getByRole('button', { name: 'Forlad arbejdsområdet' }),
    ).toBeVisible();
  },
);

membersPageAs(
  'an admin may invite and change roles, but not offer or touch the owner role',
  async ({ openAs, owner }) => {
    const page = await openAs('admin', 'Anna Admin');
    const roles = page.getByLabel('Rolle', { exact: true }).getByRole('option');
    await expect(roles).toHaveText(['Administrator', 'Koordinator', 'Frivillig peer', 'Læser']);
    await expect(page.getByLabel(`Skift rolle for ${owner.name}`)).toHaveCount(0);
    await expect(page.getByRole('row', { name: new RegExp(owner.name) })).toContainText('Ejer');
  },
);
