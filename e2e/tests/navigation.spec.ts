import { expect, signIn, test } from '../fixtures.ts';
import { openWorkspaceMenu } from '../support/nav.ts';

test('the header offers the daily work on one line, and the administration behind one menu that the keyboard opens', async ({
  page,
  workspace,
  owner,
}) => {
  await page.setViewportSize({ width: 1280, height: 720 });
  await signIn(page, owner);
  await page.getByRole('button', { name: 'English' }).click();
  const nav = page.getByRole('navigation', { name: 'Main menu' });
  await expect(nav.getByRole('link')).toHaveText([
    'Overview',
    'Volunteers',
    'Participants',
    'Courses',
    'Companionship',
    'Volunteer meetings',
    'Expenses',
    'Programmes',
  ]);
  // One line: every section sits at the height of the first.
  const tops = await nav
    .locator(':scope > a, :scope > details')
    .evaluateAll((els) => els.map((el) => Math.round(el.getBoundingClientRect().top)));
  expect(new Set(tops).size).toBe(1);

  const menu = nav.getByText('Workspace', { exact: true });
  await menu.focus();
  await page.keyboard.press('Enter');
  await expect(nav.getByRole('link', { name: 'Members' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Settings' })).toBeVisible();
  await expect(nav.getByRole('link', { name: 'Access log' })).toBeVisible();
  await nav.getByRole('link', { name: 'Members' }).click();
  await expect(page).toHaveURL(`/w/${workspace.slug}/members`);
  // Followed, the menu closes, and says it holds the page you are on.
  await expect(nav.getByRole('link', { name: 'Members' })).toBeHidden();
  await expect(menu).toHaveClass(/active/);
});

test('a peer is not offered the volunteers and participants rosters, nor settings or the access log', async ({
  page,
  db,
  workspace,
  makeUser,
}) => {
  const peer = await makeUser('Pia Peer');
  await db.query(
    "insert into public.memberships (tenant_id, user_id, role, display_name, email) values ($1, $2, 'peer', $3, $4)",
    [workspace.id, peer.id, peer.name, peer.email],
  );
  await signIn(page, peer);
  const nav = await openWorkspaceMenu(page);
  await expect(nav.getByRole('link')).toHaveText([
    'Overblik',
    'Forløb',
    'Følgeskab',
    'Frivilligmøder',
    'Udlæg',
    'Medlemmer',
    // Every member reads the workspace's offer description (decision 027).
    'Tilbudsbeskrivelse',
  ]);
});
