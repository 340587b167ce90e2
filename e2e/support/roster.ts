import type { Page } from '@playwright/test';
import { expect } from '../fixtures.ts';

/**
 * Opens a roster page and waits until its grid has taken over: the region named by the page
 * heading, as a screen reader finds it, no longer busy.
 *
 * The server's first-rows preview (docs/decisions/017) has the same region and the same column
 * headers as the grid, so waiting for a header alone can let a click land on the preview just
 * before the grid replaces it, and the click is lost.
 */
export async function openRoster(page: Page, slug: string, path: 'volunteers' | 'participants', heading: string) {
  await page.goto(`/w/${slug}/${path}`);
  const region = page.getByRole('region', { name: heading });
  await expect(region.getByRole('grid')).toBeVisible();
  await expect(region).toHaveAttribute('aria-busy', 'false');
  return region;
}
