import { expect, signIn, test } from '../fixtures.ts';

test('an owner sets how old a record check may be, and the overview follows it', async ({
  page,
  db,
  workspace,
  owner,
}) => {
  // A volunteer whose record check is 30 months old: due with the default 24 months, not with 36.
  await db.query(
    `insert into public.volunteers (tenant_id, name, status, confidentiality_signed_on, record_check_on)
     values ($1, 'Bodil Attest', 'active', current_date - 100, current_date - interval '30 months')`,
    [workspace.id],
  );
  await signIn(page, owner);
  const todos = page.getByRole('region', { name: 'Det skal gøres nu' });
  await expect(todos).toContainText('Bodil Attest');

  await page.goto(`/w/${workspace.slug}/settings`);
  const section = page.getByRole('region', { name: 'Børne- og straffeattester' });
  await expect(section.getByLabel('Forny efter (måneder)')).toHaveValue('24');
  await section.getByLabel('Forny efter (måneder)').fill('36');
  await section.getByRole('button', { name: 'Gem' }).click();
  await expect(section.getByText('Gemt: en attest skal fornyes efter 36 måneder.')).toBeVisible();
  // The other section on the page says nothing about a save it did not have.
  await expect(page.getByRole('region', { name: 'Opbevaring af personoplysninger' }).getByText(/^Gemt/)).toHaveCount(0);

  await page.goto(`/w/${workspace.slug}`);
  await expect(page.getByRole('main')).not.toContainText('Bodil Attest');
});
