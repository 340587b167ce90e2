import { expect, signIn, test } from '../fixtures.ts';

test('signing in lands in the own workspace', async ({ page, workspace, owner }) => {
  await signIn(page, owner);
  await expect(page).toHaveURL(`/w/${workspace.slug}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText(`Velkommen til ${workspace.name}`);
  await expect(page.getByRole('navigation', { name: 'Hovedmenu' }).getByRole('link', { name: 'Medlemmer' })).toBeVisible();
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
