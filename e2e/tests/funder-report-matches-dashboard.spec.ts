import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import readSheets from 'read-excel-file/node';
import { extractText } from 'unpdf';
import { expect, signIn, test } from '../fixtures.ts';

/*
 * Issue 9: the funder report a partner's coordinator downloads says what the funding region's
 * dashboard says, goal by goal. The demo data: Frederiksberg's programme, funded by Region
 * Hovedstaden, with which Frederiksberg has an active partnership. Both sides count each goal over
 * the programme's own period (the report's default period, and `programmes.fundedGoals` without
 * dates). The dashboard shows 1 to 4 as "<5"; the report, the partner's own, shows the number.
 */
const DEMO_PASSWORD = 'brobygger-demo';
const COORDINATOR = { email: 'sara@demo.brobygger.dk', password: DEMO_PASSWORD };
const REGION_OWNER = { email: 'karen@demo.brobygger.dk', password: DEMO_PASSWORD };
const PROGRAMME = 'Sammen om recovery og peer-støtte på Frederiksberg';
const GOALS = [
  'Frivillige klædt på fra projektets start',
  'Borgere/patienter, der får gavn af peer-støtten',
  'Tager en peer-uddannelse gennem projektet',
];

type Goal = { target: string; value: number };

async function download(page: Page, link: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  return readFile((await file.path())!);
}

/** What the region's dashboard shows for a count: the number, or "<5" from 1 to 4. */
const asTheRegionSeesIt = (value: number) => (value >= 1 && value <= 4 ? '<5' : String(value));

test('the funder report (XLSX and PDF) shows the progress per goal that the funding region’s dashboard shows', async ({
  page,
  browser,
}) => {
  await signIn(page, COORDINATOR);
  await page.goto('/w/frederiksberg/programmes');
  await page.getByRole('link', { name: PROGRAMME }).click();
  await expect(page.getByRole('heading', { level: 1, name: PROGRAMME })).toBeVisible();

  // The XLSX: each goal's row is "<metric>: <label>", target, progress, due date.
  const [sheet] = await readSheets(await download(page, 'Hent rapport som Excel (XLSX)'));
  const fromXlsx = new Map<string, Goal>();
  for (const label of GOALS) {
    const row = sheet!.data.find((r) => String(r[0]).endsWith(`: ${label}`));
    expect(row, `the XLSX has the goal "${label}"`).toBeDefined();
    fromXlsx.set(label, { target: String(row![1]), value: Number(row![2]) });
  }
  // The demo data must give the comparison something above the suppression threshold.
  expect([...fromXlsx.values()].some((g) => g.value >= 5)).toBe(true);

  // The PDF says the same: label, target and progress in that order.
  const { text } = await extractText(new Uint8Array(await download(page, 'Hent rapport som PDF')), {
    mergePages: true,
  });
  const pdf = text.replace(/\s+/g, ' ');
  for (const [label, goal] of fromXlsx) expect(pdf).toContain(`${label} ${goal.target} ${goal.value}`);

  // The region's dashboard, in another browser: the same progress per goal.
  const region = await browser.newContext({ locale: 'da-DK' });
  try {
    const dashboard = await region.newPage();
    await signIn(dashboard, REGION_OWNER);
    await dashboard.goto('/w/region-hovedstaden/dashboard');
    const funded = dashboard.getByRole('region', { name: 'Mål i programmer, regionen finansierer' });
    for (const [label, goal] of fromXlsx) {
      const row = funded.getByRole('row').filter({ hasText: PROGRAMME }).filter({ hasText: label });
      await expect(row).toHaveCount(1);
      await expect(row.getByRole('cell', { name: 'Frederiksberg Kommune' })).toBeVisible();
      await expect(row).toContainText(`${asTheRegionSeesIt(goal.value)} af ${goal.target}`);
    }
  } finally {
    await region.close();
  }
});
