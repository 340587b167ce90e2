import { readFile } from 'node:fs/promises';
import type { Page } from '@playwright/test';
import readSheets from 'read-excel-file/node';
import { extractText } from 'unpdf';
import { expect, signIn, test } from '../fixtures.ts';
import { expectAccessible } from '../support/axe.ts';
import {
  addMembership,
  enrol,
  recordAttendance,
  removeCourseData,
  seedCourse,
  seedParticipants,
  seedSessions,
  seedVolunteer,
} from '../support/courses.ts';
import { linkCourse, removeProgrammes } from '../support/programmes.ts';

/** What each language calls the things the coordinator touches and reads. */
const TEXT = {
  da: {
    locale: 'da-DK',
    nav: 'Programmer',
    name: 'Navn',
    funder: 'Bevillingsgiver',
    grant: 'Bevilling (kr.)',
    budget: 'Samlet budget (kr.)',
    start: 'Start',
    end: 'Slut',
    create: 'Opret program',
    metric: 'Hvad der tælles',
    reached: 'Deltagere nået',
    target: 'Målsætning',
    due: 'Frist',
    addGoal: 'Tilføj mål',
    grantShown: '415.686 kr.',
    progressBefore: '0 af 40–50',
    progressAfter: '4 af 40–50',
    quarter: '1. kvt. 2026',
    narrative: 'Beretning',
    saveNarrative: 'Gem beretning',
    saved: 'Beretningen er gemt.',
    xlsx: 'Hent rapport som Excel (XLSX)',
    pdf: 'Hent rapport som PDF',
    reportLanguage: 'Rapportens sprog',
    show: 'Vis periode',
    story: 'Caféen har fundet sin form, og flere deltagere kommer igen.',
    fileTitle: 'Rapport til bevillingsgiver',
  },
  en: {
    locale: 'en-GB',
    nav: 'Programmes',
    name: 'Name',
    funder: 'Funder',
    grant: 'Grant (DKK)',
    budget: 'Total budget (DKK)',
    start: 'Start',
    end: 'End',
    create: 'Create programme',
    metric: 'What is counted',
    reached: 'Participants reached',
    target: 'Target',
    due: 'Due',
    addGoal: 'Add goal',
    grantShown: 'DKK 415,686',
    progressBefore: '0 of 40–50',
    progressAfter: '4 of 40–50',
    quarter: 'Q1 2026',
    narrative: 'Narrative',
    saveNarrative: 'Save narrative',
    saved: 'The narrative is saved.',
    xlsx: 'Download report as Excel (XLSX)',
    pdf: 'Download report as PDF',
    reportLanguage: 'Report language',
    show: 'Show period',
    story: 'The café has found its shape, and more participants come back.',
    fileTitle: 'Funder report',
  },
} as const;

/** The page's quarter row as text cells: what the files must say too. */
async function quarterRow(page: Page, label: string) {
  const row = page.getByRole('table', { name: /kvartal|quarter/i }).getByRole('row', { name: new RegExp(`^${label}`) });
  return (await row.getByRole('cell').allInnerTexts()).map((c) => c.trim());
}

async function download(page: Page, link: string) {
  const [file] = await Promise.all([page.waitForEvent('download'), page.getByRole('link', { name: link }).click()]);
  return { name: file.suggestedFilename(), bytes: await readFile(await file.path()) };
}

for (const lang of ['da', 'en'] as const) {
  const text = TEXT[lang];

  test.describe(`in ${lang}`, () => {
    test.use({ locale: text.locale });

    test('a coordinator creates a programme with a goal of 40-50, sees its progress, and downloads the funder report', async ({
      page,
      db,
      workspace,
      makeUser,
    }, testInfo) => {
      const facilitator = await seedVolunteer(db, workspace, { name: 'Helle Kristoffersen' });
      const course = await seedCourse(db, workspace, { name: 'Recovery-café', facilitatorId: facilitator });
      const [first] = await seedSessions(db, workspace, course, ['2026-02-03', '2026-02-17', '2026-03-03']);
      const people = await seedParticipants(db, workspace, ['Signe', 'Omar', 'Birthe', 'Nikolaj', 'Jonas', 'Maja']);
      await enrol(db, workspace, course, people);
      await recordAttendance(db, workspace, course, first!, [
        ...people.slice(0, 4).map((participantId) => ({ participantId, status: 'present' })),
        { participantId: people[4]!, status: 'absent' },
        { participantId: people[5]!, status: 'no_show' },
      ]);
      const coordinator = await makeUser('Line Koordinator');
      await addMembership(db, workspace, coordinator, 'coordinator');
      await signIn(page, coordinator);

      await page.goto(`/w/${workspace.slug}`);
      await page
        .getByRole('navigation', { name: /Hovedmenu|Main menu/ })
        .getByRole('link', { name: text.nav })
        .click();
      await page.getByLabel(text.name, { exact: true }).fill('Sammen om recovery');
      await page.getByLabel(text.funder, { exact: true }).fill('Region Hovedstaden');
      await page.getByLabel(text.grant).fill('415.686');
      await page.getByLabel(text.budget).fill('853986');
      await page.getByLabel(text.start, { exact: true }).fill('2026-01-01');
      await page.getByLabel(text.end, { exact: true }).fill('2027-12-31');
      await page.getByRole('button', { name: text.create }).click();
      await expect(page.getByRole('heading', { level: 1, name: 'Sammen om recovery' })).toBeVisible();
      await expect(page.getByText(text.grantShown, { exact: true })).toBeVisible();

      await page.getByLabel(text.metric).selectOption({ label: text.reached });
      await page.getByRole('textbox', { name: text.target, exact: true }).fill('40-50');
      await page.getByLabel(text.due, { exact: true }).fill('2027-12-31');
      await page.getByRole('button', { name: text.addGoal }).click();
      const goals = page.getByRole('table').first();
      await expect(goals.getByText(text.progressBefore)).toBeVisible();

      // The course joins the programme (the courses grid's Programme column); progress follows.
      const programmeId = page.url().split('/').at(-1)!.split('?')[0]!;
      await linkCourse(db, workspace, course, programmeId);
      await page.reload();
      await expect(goals.getByText(text.progressAfter)).toBeVisible();
      await expect(goals.getByRole('progressbar')).toHaveAttribute('value', '10');
      const shown = await quarterRow(page, text.quarter);
      // Sessions held, attendance rate, participants reached, active matches, volunteers active.
      expect(shown).toEqual(['3', '67', '4', '0', '1']);

      await page.getByLabel(text.narrative).fill(text.story);
      await page.getByRole('button', { name: text.saveNarrative }).click();
      await expect(page.getByRole('status').filter({ hasText: text.saved })).toBeVisible();
      await page.reload();
      await expect(page.getByLabel(text.narrative)).toHaveValue(text.story);

      await page.setViewportSize({ width: 1280, height: 720 });
      await page.screenshot({ path: testInfo.outputPath(`programme-${lang}-1280.png`), fullPage: true });
      await expectAccessible(page, testInfo, 'a programme with its goals, report form and narrative');

      const xlsx = await download(page, text.xlsx);
      expect(xlsx.name).toMatch(/\.xlsx$/);
      const [sheet] = await readSheets(xlsx.bytes);
      const rows = sheet!.data;
      const rowOf = (first: string) => rows.find((r) => r[0] === first);
      expect(String(rows[0]![0])).toBe(`${text.fileTitle}: Sammen om recovery`);
      expect(rows.some((r) => r[1] === text.grantShown)).toBe(true);
      expect(rowOf(text.reached)?.slice(1, 3)).toEqual(['40–50', 4]);
      expect(rowOf(text.quarter)?.slice(1).map(String)).toEqual(shown);
      expect(rows.some((r) => r[0] === text.story)).toBe(true);
      // Numbers only: no participant or volunteer is named anywhere in the file.
      const cells = rows.flat().map(String).join(' ');
      for (const name of ['Signe', 'Omar', 'Helle']) expect(cells).not.toContain(name);

      const pdf = await download(page, text.pdf);
      expect(pdf.name).toMatch(/\.pdf$/);
      const { text: pdfText } = await extractText(new Uint8Array(pdf.bytes), { mergePages: true });
      expect(pdfText).toContain(text.fileTitle);
      expect(pdfText).toContain(text.grantShown);
      expect(pdfText).toContain(text.story);
      expect(pdfText).toContain(`${text.quarter}`);
      expect(pdfText.replace(/\s+/g, ' ')).toContain(`${text.quarter} ${shown.join(' ')}`);
      for (const name of ['Signe', 'Omar', 'Helle']) expect(pdfText).not.toContain(name);

      await page.setViewportSize({ width: 390, height: 844 });
      await page.screenshot({ path: testInfo.outputPath(`programme-${lang}-390.png`), fullPage: true });
      await page.goto(`/w/${workspace.slug}/programmes`);
      await expect(page.getByText(text.progressAfter)).toBeVisible();
      await page.screenshot({ path: testInfo.outputPath(`programmes-${lang}-390.png`), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 720 });
      await page.screenshot({ path: testInfo.outputPath(`programmes-${lang}-1280.png`), fullPage: true });
      await expectAccessible(page, testInfo, 'the list of programmes');

      await removeProgrammes(db, workspace);
      await removeCourseData(db, workspace);
    });
  });
}

test('the report comes in the language chosen on its form, whatever the page is in', async ({
  page,
  db,
  workspace,
  makeUser,
}) => {
  const { rows } = await db.query<{ id: string }>(
    `insert into public.programmes (tenant_id, name, funder_kind, grant_amount, total_budget, starts_on, ends_on)
     values ($1, 'Sammen om recovery', 'foundation', 100000, 200000, date '2026-01-01', date '2026-12-31') returning id`,
    [workspace.id],
  );
  const coordinator = await makeUser('Line Koordinator');
  await addMembership(db, workspace, coordinator, 'coordinator');
  await signIn(page, coordinator);
  await page.goto(`/w/${workspace.slug}/programmes/${rows[0]!.id}`);
  await page.getByLabel(TEXT.da.reportLanguage).selectOption('en');
  await page.getByRole('button', { name: TEXT.da.show }).click();
  // The form reloads the page with ?lang=en; the download link is only English once it has.
  await expect(page).toHaveURL(/[?&]lang=en/);
  const pdf = await download(page, TEXT.da.pdf);
  const { text } = await extractText(new Uint8Array(pdf.bytes), { mergePages: true });
  expect(text).toContain('Funder report');
  expect(text).toContain('DKK 100,000');
  expect(text).toContain('Q4 2026');
  await removeProgrammes(db, workspace);
});
