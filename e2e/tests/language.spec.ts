import { expect, signIn, test } from '../fixtures.ts';
import { openWorkspaceMenu } from '../support/nav.ts';

test('the language switch changes the UI and is remembered', async ({ page, workspace, owner }) => {
  await signIn(page, owner);
  await expect((await openWorkspaceMenu(page)).getByRole('link', { name: 'Medlemmer' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'da');

  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Welcome to ${workspace.name}`);
  await expect((await openWorkspaceMenu(page)).getByRole('link', { name: 'Members' })).toBeVisible();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect((await openWorkspaceMenu(page)).getByRole('link', { name: 'Members' })).toBeVisible();
  await page.goto(`/w/${workspace.slug}/members`);
  await expect(page.getByRole('heading', { name: 'Invite a person' })).toBeVisible();

  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.getByRole('heading', { name: 'Invitér en person' })).toBeVisible();
});
