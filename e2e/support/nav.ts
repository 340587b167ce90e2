import type { Page } from '@playwright/test';

/**
 * Opens the header's "Workspace" menu (members, settings, access log) and returns the main
 * navigation. Its links are hidden while the menu is closed, so tests open it before they look.
 */
export async function openWorkspaceMenu(page: Page) {
  const nav = page.getByRole('navigation', { name: /Hovedmenu|Main menu/ });
  const menu = nav.locator('details.nav-menu');
  if (!(await menu.evaluate((d) => (d as HTMLDetailsElement).open)))
    await nav.getByText(/^(Arbejdsområde|Workspace)$/).click();
  return nav;
}

/** Goes to a workspace page the way a person does: from the "Workspace" menu, by the link's name. */
export async function openFromWorkspaceMenu(page: Page, slug: string, link: string) {
  await page.goto(`/w/${slug}`);
  await (await openWorkspaceMenu(page)).getByRole('link', { name: link, exact: true }).click();
}
