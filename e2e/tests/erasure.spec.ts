import { readFile } from 'node:fs/promises';
import type { Locator, Page } from '@playwright/test';
import { E2E } from '../env.ts';
import { expectAccessible } from '../support/axe.ts';
import { expect, signIn, test, type Workspace } from '../fixtures.ts';
import {
  enrol,
  recordAttendance,
  removeCourseData,
  seedCourse,
  seedParticipants,
  seedSessions,
} from '../support/courses.ts';

/**
 * Export and erasure of a participant (decision 024), in both languages: an owner downloads the
 * file from the person's page and finds their course and attendance in it, then erases them by
 * typing the name; the page is then not found, and the course's attendance rate is unchanged.
 */
const UI = {
  da: {
    export: 'Hent data som fil (JSON)',
    erase: 'Slet alle steder …',
    confirm: (name: string) => `Skriv navnet for at bekræfte: ${name}`,
    eraseForGood: 'Slet for altid',
    erased: /Deltageren er slettet alle steder/,
    notFound: /findes ikke/i,
    courses: 'Forløb',
    section: 'Tilmeldinger til forløb',
  },
  en: {
    export: 'Download data as a file (JSON)',
    erase: 'Erase everywhere …',
    confirm: (name: string) => `Type the name to confirm: ${name}`,
    eraseForGood: 'Erase for good',
    erased: /The participant was erased everywhere/,
    notFound: /not found|does not exist/i,
    courses: 'Courses',
    section: 'Course enrolments',
  },
} as const;

test.afterEach(async ({ db, workspace }) => {
  await removeCourseData(db, workspace);
});

/** The course list's attendance rate of one course, as the grid shows it. */
async function attendanceRateOf(page: Page, workspace: Workspace, title: string, course: string): Promise<Locator> {
  await page.goto(`/w/${workspace.slug}/courses`);
  const grid = page.getByRole('region', { name: title, exact: true });
  return grid.getByRole('row', { name: new RegExp(course) }).locator('[col-id="attendanceRate"]');
}

for (const lng of ['da', 'en'] as const) {
  const ui = UI[lng];

  test.describe(`in ${lng === 'da' ? 'Danish' : 'English'}`, () => {
    test.use({ locale: lng === 'da' ? 'da-DK' : 'en-GB' });
    test.beforeEach(async ({ context }) => {
      await context.addCookies([{ name: 'lng', value: lng, url: E2E.baseUrl }]);
    });

    test('an owner exports a participant, then erases them; the course’s figures stay', async ({
      page,
      db,
      workspace,
      owner,
    }, testInfo) => {
      const course = await seedCourse(db, workspace, { name: 'Vejen til hverdagslivet' });
      const [zelda, bo] = await seedParticipants(db, workspace, ['Zelda', 'Bo']);
      await enrol(db, workspace, course, [zelda!, bo!]);
      const [first, second] = await seedSessions(db, workspace, course, ['2027-03-04', '2027-03-11']);
      await recordAttendance(db, workspace, course, first!, [
        { participantId: zelda!, status: 'present' },
        { participantId: bo!, status: 'absent' },
      ]);
      await recordAttendance(db, workspace, course, second!, [
        { participantId: zelda!, status: 'present' },
        { participantId: bo!, status: 'present' },
      ]);
      await signIn(page, owner);
      const rate = await attendanceRateOf(page, workspace, ui.courses, 'Vejen til hverdagslivet');
      await expect(rate).toHaveText('75');

      // The file.
      await page.goto(`/w/${workspace.slug}/participants/${zelda}`);
      const downloading = page.waitForEvent('download');
      await page.getByRole('link', { name: ui.export }).click();
      const download = await downloading;
      expect(download.suggestedFilename()).toMatch(/\.json$/);
      const file = JSON.parse(await readFile((await download.path())!, 'utf8'));
      expect(file).toMatchObject({
        kind: 'participant',
        person: { id: zelda, firstName: 'Zelda' },
        enrolments: [{ course: 'Vejen til hverdagslivet', status: 'enrolled' }],
        attendance: [
          { course: 'Vejen til hverdagslivet', sessionDate: '2027-03-04', status: 'present' },
          { course: 'Vejen til hverdagslivet', sessionDate: '2027-03-11', status: 'present' },
        ],
        labels: { sections: { enrolments: UI.da.section } },
      });

      // Erasure: the button waits for the name.
      await page.getByRole('button', { name: ui.erase }).click();
      const confirm = page.getByRole('textbox', { name: ui.confirm('Zelda') });
      const eraseForGood = page.getByRole('button', { name: ui.eraseForGood });
      await confirm.fill('Zeld');
      await expect(eraseForGood).toBeDisabled();
      await expectAccessible(page, testInfo, "a participant's page, erasure asked for");
      await confirm.fill('Zelda');
      await eraseForGood.click();
      await expect(page.getByRole('status').filter({ hasText: ui.erased })).toBeVisible();
      await expect(page).toHaveURL(new RegExp(`/w/${workspace.slug}/participants\\?erased=participant$`));

      // Gone: the page is not found, the database holds nothing with the id or the name.
      const response = await page.goto(`/w/${workspace.slug}/participants/${zelda}`);
      expect(response?.status()).toBe(404);
      const { rows } = await db.query<{ n: number }>(
        // The name only in this workspace: the other language's test has a Zelda of its own.
        `select (select count(*) from public.participants where id = $1 or (tenant_id = $2 and first_name = 'Zelda'))
              + (select count(*) from public.audit_log where row_id = $1 or changes::text like '%' || $1 || '%')
              + (select count(*) from public.access_log where $1 = any(row_ids)) as n`,
        [zelda, workspace.id],
      );
      expect(Number(rows[0]!.n)).toBe(0);
      await expect(await attendanceRateOf(page, workspace, ui.courses, 'Vejen til hverdagslivet')).toHaveText('75');
    });
  });
}
