import type { Page, TestInfo } from '@playwright/test';

/** Full-page screenshots at 1280x720 and 390 px wide, to look at; the page is left at 1280x720. */
export async function screenshotsAtBothSizes(page: Page, testInfo: TestInfo, name: string) {
  for (const [size, viewport] of [
    ['desktop', { width: 1280, height: 720 }],
    ['phone', { width: 390, height: 844 }],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.screenshot({ path: testInfo.outputPath(`${name}-${size}.png`), fullPage: true });
  }
  await page.setViewportSize({ width: 1280, height: 720 });
}
