import { E2E } from '../env.ts';
import { expect, signIn, signInLinkFor, test } from '../fixtures.ts';
import { openWorkspaceMenu } from '../support/nav.ts';

test('signing in lands in the own workspace', async ({ page, workspace, owner }) => {
  await signIn(page, owner);
  await expect(page).toHaveURL(`/w/${workspace.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Velkommen til ${workspace.name}`);
  await expect((await openWorkspaceMenu(page)).getByRole('link', { name: 'Medlemmer' })).toBeVisible();
});

test('a wrong password shows a translated message and no session', async ({ page, owner }) => {
  await page.goto('/login');
  await page.getByLabel('E-mail').fill(owner.email);
  await page.getByLabel('Adgangskode').fill('not-the-password');
  await page.getByRole('button', { name: 'Log ind' }).click();
  await expect(page.getByRole('alert')).toHaveText('Forkert e-mail eller adgangskode.');

  await page.getByRole('button', { name: 'English' }).click();
  await page.getByLabel('Password').fill('still-wrong');
  await page.getByRole('button', { name: 'Sign in' }).click();
  await expect(page.getByRole('alert')).toHaveText('Wrong e-mail or password.');

  await page.goto('/');
  await expect(page).toHaveURL(/\/login/);
});

test('after signing out, a copy of the old session cookie no longer opens the workspace', async ({
  page,
  context,
  workspace,
  owner,
}) => {
  await signIn(page, owner);
  await expect(page).toHaveURL(`/w/${workspace.slug}`);
  const copied = await context.cookies();
  expect(copied.map((c) => c.name)).toContain('bb_session');

  await page.getByRole('button', { name: 'Log ud' }).click();
  await expect(page).toHaveURL(/\/login/);
  await context.addCookies(copied);
  await page.goto(`/w/${workspace.slug}`);
  await expect(page).toHaveURL(/\/login\?redirectTo=/);
  await expect(page.getByRole('button', { name: 'Log ind' })).toBeVisible();
});

test('a user who forgot the password gets a sign-in link by mail, which works once', async ({
  page,
  browser,
  workspace,
  owner,
}) => {
  await page.goto('/login');
  await page.getByRole('link', { name: 'Glemt adgangskoden? Få et link til at logge ind' }).click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Log ind med et link');
  await page.getByLabel('E-mail').fill(owner.email);
  await page.getByRole('button', { name: 'Send link' }).click();
  const sent = 'Hvis der findes en bruger med den e-mail, er linket sendt nu. Tjek din indbakke (og evt. spam).';
  await expect(page.getByRole('status')).toHaveText(sent);

  // An address without an account gets the same answer.
  await page.getByLabel('E-mail').fill('ingen-konto@example.dk');
  await page.getByRole('button', { name: 'Send link' }).click();
  await expect(page.getByRole('status')).toHaveText(sent);

  // Opening the link (as a mail filter would) does not use it up; the button does.
  const link = await signInLinkFor(owner.email);
  await page.goto(link);
  await page.goto(link);
  await page.getByRole('button', { name: 'Log ind' }).click();
  // Signed in, on the account page that offers to set a new password.
  await expect(page).toHaveURL('/account#password');
  await page.goto('/');
  await expect(page).toHaveURL(`/w/${workspace.slug}`);

  const other = await browser.newContext({ baseURL: E2E.baseUrl, locale: 'da-DK' });
  const again = await other.newPage();
  await again.goto(link);
  await again.getByRole('button', { name: 'Log ind' }).click();
  await expect(again.getByRole('alert')).toHaveText(
    'Linket virker ikke: det er brugt, udløbet eller ufuldstændigt. Bed om et nyt.',
  );
  await other.close();
});

test("another workspace's address is not found, exactly like one that does not exist", async ({ page, owner }) => {
  await signIn(page, owner);
  await expect(page).toHaveURL(/\/w\//);
  for (const slug of ['frederiksberg', 'no-such-workspace']) {
    const response = await page.goto(`/w/${slug}`);
    expect(response?.status()).toBe(404);
    await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siden findes ikke');
    await expect(page.getByText('Frederiksberg Kommune')).toHaveCount(0);
  }
});

test('an owner of two workspaces switches between them', async ({ page, db, workspace, owner }) => {
  const second = await db.query<{ id: string }>(
    "insert into public.tenants (kind, name, slug) values ('association', 'Anden Forening', $1) returning id",
    [`${workspace.slug}-b`],
  );
  try {
    await db.query(
      "insert into public.memberships (tenant_id, user_id, role, display_name, email) values ($1, $2, 'coordinator', $3, $4)",
      [second.rows[0]!.id, owner.id, owner.name, owner.email],
    );
    await signIn(page, owner);
    await page.getByLabel('Arbejdsområde').selectOption({ label: 'Anden Forening' });
    await expect(page).toHaveURL(`/w/${workspace.slug}-b`);
    await expect(page.getByText('Din rolle: Koordinator')).toBeVisible();
  } finally {
    await db.query('delete from public.tenants where id = $1', [second.rows[0]!.id]);
  }
});
