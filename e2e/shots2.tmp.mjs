import { chromium } from '@playwright/test';
const base = 'http://localhost:4416';
const browser = await chromium.launch({ executablePath: '/usr/bin/chromium', args: ['--no-sandbox'] });
async function as(email, lng) {
  const context = await browser.newContext({ viewport: { width: 1280, height: 720 }, locale: lng === 'da' ? 'da-DK' : 'en-GB' });
  await context.addCookies([{ name: 'lng', value: lng, url: base }]);
  const page = await context.newPage();
  await page.goto(`${base}/login`);
  await page.locator('input[type=email]').fill(email);
  await page.locator('input[type=password]').fill('brobygger-demo');
  await page.locator('form button[type=submit]').first().click();
  await page.waitForURL(/\/w\//);
  return page;
}
async function shots(page, name) {
  await page.setViewportSize({ width: 1280, height: 720 });
  await page.screenshot({ path: `/tmp/shots/${name}-desktop.png`, fullPage: true });
  await page.setViewportSize({ width: 390, height: 844 });
  await page.screenshot({ path: `/tmp/shots/${name}-phone.png`, fullPage: true });
  await page.setViewportSize({ width: 1280, height: 720 });
}
let p = await as('henrik@demo.brobygger.dk', 'da');
await p.goto(`${base}/w/hilleroed/billing`);
await p.getByLabel('EAN-lokationsnummer').fill('5798000001237');
await p.getByLabel('Ordrereference').fill('PO-2026-114');
await Promise.all([p.waitForResponse((r) => r.request().method() === 'POST'), p.getByRole('button', { name: 'Betal via faktura' }).click()]);
await p.getByText('Planen betales via faktura').waitFor();
await shots(p, 'muni-started-da');
p = await as('henrik@demo.brobygger.dk', 'en');
await p.goto(`${base}/w/hilleroed/billing`);
await shots(p, 'muni-after-en');
await browser.close();
