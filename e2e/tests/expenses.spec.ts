import { readFileSync } from 'node:fs';
import type { Locator, Page } from '@playwright/test';
import readSheets from 'read-excel-file/node';
import { expect, signIn, test } from '../fixtures.ts';
import { expectAccessible } from '../support/axe.ts';
import { addMembership, seedVolunteer } from '../support/courses.ts';
import { seedExpense, seedKmRates } from '../support/expenses.ts';

/** What each language calls the things these tests touch. */
const TEXT = {
  da: {
    locale: 'da-DK',
    title: 'Udlæg',
    approved: 'Godkendt',
    save: 'Gem ændringer',
    saved: '1 ændring er gemt.',
    addRow: 'Tilføj række',
    exportTitle: 'Månedsudtræk til bogføring',
    month: 'Måned',
    csv: 'Hent CSV',
    xlsx: 'Hent Excel',
    file: 'udlaeg-2026-11',
    header: '"Frivillig";"Dato";"Formål";"Type";"Km";"Takst (kr./km)";"Beløb (kr.)"',
    line: '"Kim Holm";"05-11-2026";"Kørsel til recovery-café";"Kørsel";"24";"3,81";"91,44"',
    done: '1 godkendte udlæg i alt 91,44 kr. er hentet.',
    date: '12-11-2026',
    total: '38,1',
  },
  en: {
    locale: 'en-GB',
    title: 'Expenses',
    approved: 'Approved',
    save: 'Save changes',
    saved: '1 change saved.',
    addRow: 'Add row',
    exportTitle: 'Monthly export for bookkeeping',
    month: 'Month',
    csv: 'Download CSV',
    xlsx: 'Download Excel',
    file: 'expenses-2026-11',
    header: '"Volunteer","Date","Purpose","Kind","Km","Rate (DKK/km)","Amount (DKK)"',
    line: '"Kim Holm","05/11/2026","Kørsel til recovery-café","Transport","24","3.81","91.44"',
    done: '1 approved expenses totalling DKK 91.44 downloaded.',
    date: '12/11/2026',
    total: '38.1',
  },
} as const;

/** The expenses grid, as a screen reader finds it: the region named by the page heading. */
async function openExpenses(page: Page, slug: string, title: string) {
  await page.goto(`/w/${slug}/expenses`);
  const grid = page.getByRole('region', { name: title, exact: true });
  await expect(grid.getByRole('grid')).toBeVisible();
  return grid;
}

const cellOf = (grid: Locator, row: string | RegExp, field: string) =>
  grid.getByRole('row', { name: row }).locator(`[col-id="${field}"]`);

for (const lang of ['da', 'en'] as const) {
  const text = TEXT[lang];

  test.describe(`in ${lang}`, () => {
    test.use({ locale: text.locale });

    test('a coordinator approves an expense and exports the month for bookkeeping', async ({
      page,
      db,
      workspace,
      makeUser,
    }, testInfo) => {
      await seedKmRates(db, workspace);
      const kim = await seedVolunteer(db, workspace, { name: 'Kim Holm' });
      const expense = await seedExpense(db, workspace, {
        volunteerId: kim,
        spentOn: '2026-11-05',
        km: 24,
        purpose: 'Kørsel til recovery-café',
      });
      await seedExpense(db, workspace, { volunteerId: kim, spentOn: '2026-11-06', amount: 50, purpose: 'Venter' });
      const coordinator = await makeUser('Camilla Koordinator');
      await addMembership(db, workspace, coordinator, 'coordinator');
      await signIn(page, coordinator);

      const grid = await openExpenses(page, workspace.slug, text.title);
      const row = /Kørsel til recovery-café/;
      await expect(cellOf(grid, row, 'total')).toHaveText(lang === 'da' ? '91,44' : '91.44');
      await cellOf(grid, row, 'status').click();
      await page.keyboard.press('Enter'); // opens the list of statuses
      await page.getByRole('option', { name: text.approved }).click();
      await grid.getByRole('button', { name: text.save }).click();
      await expect(grid.getByText(text.saved)).toBeVisible();
      const stored = await db.query('select status::text from public.expenses where id = $1', [expense]);
      expect(stored.rows).toEqual([{ status: 'approved' }]);

      await page.getByText(text.exportTitle).click();
      await page.getByLabel(text.month).fill('2026-11');
      const [csv] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: text.csv }).click(),
      ]);
      expect(csv.suggestedFilename()).toBe(`${text.file}.csv`);
      // Only the approved expense; the one still waiting is not money to pay out yet.
      expect(
        readFileSync(await csv.path(), 'utf8')
          .replace(/^\uFEFF/, '')
          .split('\r\n'),
      ).toEqual([text.header, text.line]);
      await expect(page.getByRole('status').filter({ hasText: text.done })).toBeVisible();
      await expectAccessible(page, testInfo, 'expenses, with the monthly export open');

      const [xlsx] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: text.xlsx }).click(),
      ]);
      expect(xlsx.suggestedFilename()).toBe(`${text.file}.xlsx`);
      const [sheet] = await readSheets(await xlsx.path());
      expect(sheet!.data[1]).toEqual([
        'Kim Holm',
        new Date(Date.UTC(2026, 10, 5)),
        'Kørsel til recovery-café',
        lang === 'da' ? 'Kørsel' : 'Transport',
        24,
        3.81,
        91.44,
      ]);
    });

    test('a peer enters their own expense on a phone', async ({ page, db, workspace, makeUser }, testInfo) => {
      await page.setViewportSize({ width: 390, height: 844 });
      await seedKmRates(db, workspace);
      const peer = await makeUser('Ali Demir');
      await addMembership(db, workspace, peer, 'peer');
      const ali = await seedVolunteer(db, workspace, { name: 'Ali Demir', userId: peer.id });
      const kim = await seedVolunteer(db, workspace, { name: 'Kim Holm' });
      await seedExpense(db, workspace, { volunteerId: kim, spentOn: '2026-11-03', km: 5, purpose: 'Kims kørsel' });
      await signIn(page, peer);

      const grid = await openExpenses(page, workspace.slug, text.title);
      // Another volunteer's expense is not shown to a peer.
      await expect(grid.getByText('Kims kørsel')).toHaveCount(0);
      await grid.getByRole('button', { name: text.addRow }).click();
      // The new row's date has focus; the kind stays transport, and the volunteer (further right)
      // is left blank: it is the peer's own.
      await page.keyboard.type(text.date);
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.type('10');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Tab');
      await page.keyboard.type('Kørsel til frivilligmøde');
      await page.keyboard.press('Enter');
      await grid.getByRole('button', { name: text.save }).click();
      await expect(grid.getByText(text.saved)).toBeVisible();

      const row = /Kørsel til frivilligmøde/;
      // Priced at the rate of its date; the volunteer (scrolled out of view on a phone) is checked below.
      await expect(cellOf(grid, row, 'total')).toHaveText(text.total);
      await expectAccessible(page, testInfo, 'expenses of a peer, on a phone');
      const stored = await db.query(
        'select volunteer_id, spent_on::text, km::float8 as km, status::text from public.expenses where purpose = $1',
        ['Kørsel til frivilligmøde'],
      );
      expect(stored.rows).toEqual([{ volunteer_id: ali, spent_on: '2026-11-12', km: 10, status: 'submitted' }]);
    });
  });
}
