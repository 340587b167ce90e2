import { expect, signIn, test } from '../fixtures.ts';

test('after many wrong passwords, sign-in says how long to wait and that the sign-in link still works', async ({
  page,
  owner,
}) => {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(owner.email);
  for (let i = 0; i < 5; i++) {
    await page.getByLabel('Adgangskode').fill(`wrong password ${i}`);
    await page.getByRole('button', { name: 'Log ind' }).click();
    await expect(page.getByRole('alert')).toHaveText('Forkert e-mail eller adgangskode.');
  }
  // Even the right password now has to wait a moment; the message says how long and what else works.
  await page.getByLabel('Adgangskode').fill(owner.password);
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('alert')).toHaveText(
    /^For mange forsøg med denne e-mail\. Prøv igen om \d+ sekund(er)?, eller brug “Glemt adgangskoden\?” nedenfor/,
  );
  await page.getByRole('link', { name: /Glemt adgangskoden/ }).click();
  await expect(page.getByRole('heading', { name: 'Log ind med et link' })).toBeVisible();

  // After the wait, the right password works.
  await page.waitForTimeout(2_100);
  await signIn(page, owner);
  await expect(page).toHaveURL(/\/w\//);
});
