import { E2E } from '../env.ts';
import { expect, signIn, test } from '../fixtures.ts';
import { expectAccessible } from '../support/axe.ts';
import { inEachLanguage } from '../support/languages.ts';
import { openFromWorkspaceMenu, openWorkspaceMenu } from '../support/nav.ts';
import { screenshotsAtBothSizes } from '../support/screenshots.ts';

/**
 * The billing page on the e2e server, which has no Stripe keys: billing is off, the page says so
 * to owners, and the page is not offered to coordinators, who are refused if they go there.
 * (With Stripe keys, billing-on.spec.ts tests the page against its own server and the Stripe fake.)
 */
const UI = {
  da: {
    members: 'Medlemmer',
    link: 'Betaling',
    off: 'Betaling er slået fra på denne server. Alle arbejdsområder virker uden begrænsninger, og intet opkræves.',
    forbidden: 'Det har din rolle ikke adgang til.',
  },
  en: {
    members: 'Members',
    link: 'Billing',
    off: 'Billing is turned off on this server. Every workspace works without limits, and nothing is charged.',
    forbidden: 'Your role does not allow that.',
  },
} as const;

inEachLanguage(test, E2E.baseUrl, (lng) => {
  const ui = UI[lng];

  test('an owner opens the billing page from the Workspace menu; billing is off', async ({
    page,
    workspace,
    owner,
  }, testInfo) => {
    await signIn(page, owner);
    await openFromWorkspaceMenu(page, workspace.slug, ui.link);
    await expect(page).toHaveURL(new RegExp(`/w/${workspace.slug}/billing$`));
    await expect(page.getByRole('heading', { level: 1, name: ui.link })).toBeVisible();
    await expect(page.getByText(ui.off)).toBeVisible();
    await screenshotsAtBothSizes(page, testInfo, `billing-off-${lng}`);
    await expectAccessible(page, testInfo, 'the billing page with billing off');
  });

  test('a coordinator is not offered the page and is refused at its address', async ({
    page,
    db,
    workspace,
    makeUser,
  }) => {
    const coordinator = await makeUser('Karl Koordinator');
    await db.query(
      'insert into public.memberships (tenant_id, user_id, role, display_name, email) values ($1, $2, $3, $4, $5)',
      [workspace.id, coordinator.id, 'coordinator', coordinator.name, coordinator.email],
    );
    await signIn(page, coordinator);
    await page.goto(`/w/${workspace.slug}`);
    const nav = await openWorkspaceMenu(page);
    await expect(nav.getByRole('link', { name: ui.members, exact: true })).toBeVisible();
    await expect(nav.getByRole('link', { name: ui.link, exact: true })).toHaveCount(0);
    const response = await page.goto(`/w/${workspace.slug}/billing`);
    expect(response?.status()).toBe(403);
    await expect(page.getByText(ui.forbidden)).toBeVisible();
    await expect(page.getByText(ui.off)).toHaveCount(0);
  });
});
