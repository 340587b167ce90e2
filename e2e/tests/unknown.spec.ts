import { expect, test } from '../fixtures.ts';

test('an unknown invitation link shows a translated not-found page', async ({ page }) => {
  const response = await page.goto('/invite/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa');
  expect(response?.status()).toBe(404);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siden findes ikke');
});

test('a page behind sign-in sends an anonymous visitor to the sign-in page and back', async ({
  page,
  workspace,
  owner,
}) => {
  await page.goto(`/w/${workspace.slug}/members`);
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await page.getByLabel('E-mail').fill(owner.email);
  await page.getByLabel('Adgangskode').fill(owner.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page).toHaveURL(`/w/${workspace.slug}/members`);
});
