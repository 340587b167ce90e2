import type { Browser, Page } from '@playwright/test';
import { E2E } from '../env.ts';
import { expect, signIn, signInLinkFor, test, type User } from '../fixtures.ts';

/** Another browser (its own cookies), as a second device of the same person would be. */
async function otherDevice(browser: Browser) {
  const context = await browser.newContext({ baseURL: E2E.baseUrl, locale: 'da-DK' });
  return { context, page: await context.newPage() };
}

async function openAccount(page: Page, user: User) {
  await page.getByRole('link', { name: `Logget ind som ${user.email}` }).click();
  await expect(page).toHaveURL('/account');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Din konto');
}

test('changing name and language: kept on the account, shown to colleagues, used at the next sign-in elsewhere', async ({
  page,
  browser,
  workspace,
  owner,
}) => {
  await signIn(page, owner);
  await openAccount(page, owner);
  const name = page.getByLabel('Navn', { exact: true });
  await expect(name).toHaveValue(owner.name);

  await name.fill('');
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByText('Skriv dit navn.')).toBeVisible();

  await name.fill('Olivia Nyholm');
  await page.getByLabel('Sprog', { exact: true }).selectOption({ label: 'English' });
  await page.getByRole('button', { name: 'Gem' }).click();
  await expect(page.getByRole('status')).toHaveText('Saved.');
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Your account');
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.reload();
  await expect(page.getByLabel('Name', { exact: true })).toHaveValue('Olivia Nyholm');
  await expect(page.getByLabel('Language', { exact: true })).toHaveValue('en');

  await page.goto(`/w/${workspace.slug}/members`);
  await expect(page.getByText('Olivia Nyholm')).toBeVisible();
  await page.goto('/account');

  // The header's language buttons change the account's language too.
  await page.getByRole('button', { name: 'Dansk' }).click();
  await expect(page.getByLabel('Sprog', { exact: true })).toHaveValue('da');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.getByLabel('Language', { exact: true })).toHaveValue('en');

  // A browser that asks for Danish: the account's English wins once its owner signs in.
  const other = await otherDevice(browser);
  await other.page.goto('/login');
  await expect(other.page.getByRole('heading', { level: 1 })).toHaveText('Log ind');
  await signIn(other.page, owner);
  await expect(other.page.getByRole('link', { name: `Signed in as ${owner.email}` })).toBeVisible();
  await other.context.close();
});

test('a new password signs the other device out; the new password signs in, the old does not', async ({
  page,
  browser,
  workspace,
  owner,
}) => {
  const other = await otherDevice(browser);
  await signIn(other.page, owner);
  await signIn(page, owner);
  await openAccount(page, owner);

  const sessions = page.getByRole('region', { name: 'Hvor du er logget ind' }).getByRole('listitem');
  await expect(sessions).toHaveCount(2);
  await expect(sessions.filter({ hasText: 'Denne enhed' })).toHaveCount(1);

  const newPassword = `${owner.password}-new`;
  await page.getByLabel('Nuværende adgangskode').fill('not-my-password');
  await page.getByLabel('Ny adgangskode', { exact: true }).fill(newPassword);
  await page.getByLabel('Ny adgangskode igen').fill(newPassword);
  await page.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect(page.getByText('Det er ikke din nuværende adgangskode.')).toBeVisible();

  await page.getByLabel('Nuværende adgangskode').fill(owner.password);
  await page.getByLabel('Ny adgangskode', { exact: true }).fill(newPassword);
  await page.getByLabel('Ny adgangskode igen').fill(newPassword);
  await page.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Din adgangskode er skiftet. Du er blevet logget ud på dine andre enheder.',
  );
  await expect(sessions).toHaveCount(1);

  // The other device is signed out at its next request.
  await other.page.goto(`/w/${workspace.slug}`);
  await expect(other.page).toHaveURL(/\/login\?redirectTo=/);
  await other.page.getByLabel('E-mail').fill(owner.email);
  await other.page.getByLabel('Adgangskode').fill(owner.password);
  await other.page.getByRole('button', { name: 'Log ind' }).click();
  await expect(other.page.getByRole('alert')).toHaveText('Forkert e-mail eller adgangskode.');
  await signIn(other.page, { email: owner.email, password: newPassword });
  await expect(other.page).toHaveURL(`/w/${workspace.slug}`);

  // This device stayed signed in.
  await page.goto(`/w/${workspace.slug}`);
  await expect(page).toHaveURL(`/w/${workspace.slug}`);
  await other.context.close();
});

test('forgot the password: the sign-in link leads to setting a new one without the old', async ({
  page,
  workspace,
  owner,
}) => {
  await page.goto('/login/link');
  await page.getByLabel('E-mail').fill(owner.email);
  await page.getByRole('button', { name: 'Send link' }).click();
  await page.goto(await signInLinkFor(owner.email));
  await page.getByRole('button', { name: 'Log ind' }).click();

  await expect(page).toHaveURL('/account#password');
  await expect(page.getByRole('heading', { name: 'Vælg en ny adgangskode' })).toBeVisible();
  await expect(page.getByLabel('Nuværende adgangskode')).toHaveCount(0);
  const newPassword = 'mit nye og lange kodeord';
  await page.getByLabel('Ny adgangskode', { exact: true }).fill(newPassword);
  await page.getByLabel('Ny adgangskode igen').fill('noget helt andet');
  await page.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect(page.getByText('De to adgangskoder er ikke ens.')).toBeVisible();

  await page.getByLabel('Ny adgangskode', { exact: true }).fill(newPassword);
  await page.getByLabel('Ny adgangskode igen').fill(newPassword);
  await page.getByRole('button', { name: 'Skift adgangskode' }).click();
  await expect(page.getByRole('status')).toHaveText(
    'Din adgangskode er skiftet. Du er blevet logget ud på dine andre enheder.',
  );
  // Once used, the next change asks for the current password again.
  await expect(page.getByLabel('Nuværende adgangskode')).toBeVisible();

  await page.getByRole('button', { name: 'Log ud', exact: true }).click();
  // Signed out first: going to /login while the sign-out is still on its way lands a signed-in
  // browser back in the workspace (a race seen once in CI).
  await expect(page).toHaveURL(/\/login/);
  await signIn(page, { email: owner.email, password: newPassword });
  await expect(page).toHaveURL(`/w/${workspace.slug}`);
});

test('signing out everywhere ends this session and the other device’s', async ({ page, browser, workspace, owner }) => {
  const other = await otherDevice(browser);
  await signIn(other.page, owner);
  await signIn(page, owner);
  await openAccount(page, owner);

  await page.getByRole('button', { name: 'Log ud overalt' }).click();
  await expect(page).toHaveURL('/login');
  await page.goto('/account');
  await expect(page).toHaveURL(/\/login\?redirectTo=%2Faccount/);
  await other.page.goto(`/w/${workspace.slug}`);
  await expect(other.page).toHaveURL(/\/login\?redirectTo=/);
  await other.context.close();
});
