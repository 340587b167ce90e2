import { randomBytes } from 'node:crypto';
import { expect, invitationLinkFor, signIn, test } from '../fixtures.ts';

test('an owner invites a coordinator, who accepts in another browser, once', async ({
  page,
  browser,
  workspace,
  owner,
}) => {
  const email = `invitee-${randomBytes(4).toString('hex')}@test.brobygger.dk`;
  await signIn(page, owner);
  await page.goto(`/w/${workspace.slug}/members`);
  await page.getByLabel('E-mail', { exact: true }).fill(email);
  await page.getByLabel('Rolle', { exact: true }).selectOption({ label: 'Koordinator' });
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByRole('status')).toHaveText(`Invitationen er sendt til ${email}.`);
  await expect(page.getByRole('region', { name: 'Afventende invitationer' }).getByText(email)).toBeVisible();

  const link = await invitationLinkFor(email);
  const invitee = await browser.newContext();
  try {
    const other = await invitee.newPage();
    await other.goto(link);
    await expect(other.getByRole('heading', { level: 1 })).toHaveText(`Invitation til ${workspace.name}`);
    await other.getByLabel('Dit navn').fill('Ida Inviteret');
    await other.getByLabel('Vælg en adgangskode').fill('en-god-adgangskode');
    await other.getByLabel('Gentag adgangskoden').fill('en-god-adgangskode');
    await other.getByRole('button', { name: 'Opret bruger og tag imod' }).click();
    await expect(other).toHaveURL(`/w/${workspace.slug}`);
    await expect(other.getByText('Din rolle: Koordinator')).toBeVisible();

    // The link is single-use.
    await other.goto(link);
    await expect(other.getByRole('alert')).toHaveText('Invitationen er allerede brugt.');
  } finally {
    await invitee.close();
  }

  await page.reload();
  await expect(page.getByRole('cell', { name: email })).toBeVisible();
  await expect(page.getByText('Ingen afventende invitationer.')).toBeVisible();
  await page.context().clearCookies();
  await page.goto('/');
});

test('an invalid e-mail is refused with a message and nothing is sent', async ({ page, workspace, owner }) => {
  await signIn(page, owner);
  await page.goto(`/w/${workspace.slug}/members`);
  await page.getByLabel('E-mail', { exact: true }).fill('ikke-en-email');
  await page.getByRole('button', { name: 'Send invitation' }).click();
  await expect(page.getByText('Skriv en gyldig e-mailadresse.')).toBeVisible();
  await expect(page.getByText('Ingen afventende invitationer.')).toBeVisible();
});

test('an owner changes a member’s role and removes a member', async ({ page, db, workspace, owner, makeUser }) => {
  const member = await makeUser('Peter Peer');
  await db.query(
    "insert into public.memberships (tenant_id, user_id, role, display_name, email) values ($1, $2, 'peer', $3, $4)",
    [workspace.id, member.id, member.name, member.email],
  );
  await signIn(page, owner);
  await page.goto(`/w/${workspace.slug}/members`);
  const row = page.getByRole('row', { name: /Peter Peer/ });
  await row.getByLabel('Skift rolle for Peter Peer').selectOption({ label: 'Læser' });
  await row.getByRole('button', { name: 'Gem rolle' }).click();
  await expect
    .poll(
      async () => (await db.query('select role from public.memberships where user_id = $1', [member.id])).rows[0]?.role,
    )
    .toBe('viewer');

  page.once('dialog', (dialog) => void dialog.accept());
  await row.getByRole('button', { name: 'Fjern Peter Peer' }).click();
  await expect(page.getByRole('row', { name: /Peter Peer/ })).toHaveCount(0);
});
