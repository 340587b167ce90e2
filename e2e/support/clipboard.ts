import type { Page } from '@playwright/test';

/**
 * What a spreadsheet puts on the clipboard, delivered to the focused cell as the browser would.
 * Headless Chromium's clipboard permissions are unreliable, so the event is dispatched directly.
 */
export async function paste(page: Page, text: string) {
  await page.evaluate((data) => {
    const transfer = new DataTransfer();
    transfer.setData('text/plain', data);
    document.activeElement?.dispatchEvent(
      new ClipboardEvent('paste', { clipboardData: transfer, bubbles: true, cancelable: true }),
    );
  }, text);
}
