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

membersPageAs(
  'the page says what each role may do, and a role change that worked is confirmed',
  async ({ openAs, db, workspace, makeUser }) => {
    const colleague = await makeUser('Karl Koordinator');
    await db.query(
      'insert into public.memberships (tenant_id, user_id, role, display_name, email) values ($1, $2, $3, $4, $5)',
      [workspace.id, colleague.id, 'coordinator', colleague.name, colleague.email],
    );
    const page = await openAs('admin', 'Anna Admin');
    const guide = page.getByRole('region', { name: 'Hvad hver rolle må' });
    await expect(guide.locator('dt')).toHaveText(['Ejer', 'Administrator', 'Koordinator', 'Frivillig peer', 'Læser']);
    await expect(guide).toContainText('ser kun deltagernes fornavne');

    const row = page.getByRole('row', { name: /Karl Koordinator/ });
    await row.getByLabel('Skift rolle for Karl Koordinator').selectOption({ label: 'Læser' });
    await row.getByRole('button', { name: 'Gem rolle' }).click();
    await expect(row.getByRole('status')).toHaveText('Karl Koordinator er nu Læser.');
    const { rows } = await db.query('select role from public.memberships where tenant_id = $1 and user_id = $2', [
      workspace.id,
      colleague.id,
    ]);
    expect(rows[0].role).toBe('viewer');
  },
);

membersPageAs('an admin who demotes themself is asked first, in English', async ({ openAs, owner, db, workspace }) => {
  const page = await openAs('admin', 'Anna Admin');
  await page.getByRole('button', { name: 'English' }).click();
  const own = page.getByRole('row', { name: /Anna Admin/ });
  const roleOf = async () =>
    (
      await db.query("select role from public.memberships where tenant_id = $1 and display_name = 'Anna Admin'", [
        workspace.id,
      ])
    ).rows[0].role;

  // Saying no changes nothing.
  const asked: string[] = [];
  page.once('dialog', (d) => {
    asked.push(d.message());
    void d.dismiss();
  });
  await own.getByLabel('Change role for Anna Admin').selectOption({ label: 'Coordinator' });
  await own.getByRole('button', { name: 'Save role' }).click();
  await expect.poll(() => asked.length).toBe(1);
  expect(asked[0]).toContain('Change your own role to Coordinator?');
  expect(await roleOf()).toBe('admin');

  // Saying yes demotes, and the page no longer offers what an admin could do.
  page.once('dialog', (d) => void d.accept());
  await own.getByRole('button', { name: 'Save role' }).click();
  await expect(own.getByRole('status')).toHaveText('Anna Admin is now Coordinator.');
  expect(await roleOf()).toBe('coordinator');
  await expect(own.getByLabel('Change role for Anna Admin')).toHaveCount(0);
  await expect(page.getByRole('button', { name: 'Send invitation' })).toHaveCount(0);
  await expect(page.getByRole('row', { name: new RegExp(owner.name) })).toContainText('Owner');
});
