import type { Page } from '@playwright/test';
import { expect, signIn, test } from '../fixtures.ts';
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
import { expectAccessible } from '../support/axe.ts';
import { pressInCell } from '../support/matrix.ts';

test.afterEach(async ({ db, workspace }) => {
  await removeCourseData(db, workspace);
});

/** The texts and keys each language shows; the figures are the same in both. */
const LANGUAGES = {
  da: {
    switchTo: null,
    last12: 'Seneste 12 måneder',
    reached: 'Deltagere nået',
    sessions: 'Gange afholdt',
    todo: '1 frivillig mangler tavshedserklæring',
    openTodo: 'Åbn i listen',
    matrix: 'Fremmøde: Recovery café',
    keys: 'mmm',
    save: 'Gem ændringer',
    saved: '3 celler er gemt.',
    chartTable: 'Diagrammets tal som tabel',
    dateLabel: (iso: string) => `${iso.slice(8, 10)}-${iso.slice(5, 7)}`,
  },
  en: {
    switchTo: 'English',
    last12: 'Last 12 months',
    reached: 'Participants reached',
    sessions: 'Sessions held',
    todo: '1 volunteer has not signed the confidentiality agreement',
    openTodo: 'Open in the list',
    matrix: 'Attendance: Recovery café',
    keys: 'ppp',
    save: 'Save changes',
    saved: '3 cells saved.',
    chartTable: "The chart's figures as a table",
    dateLabel: (iso: string) => `${iso.slice(8, 10)}/${iso.slice(5, 7)}`,
  },
} as const;

const isoDaysFromToday = (days: number) => {
  const d = new Date();
  d.setDate(d.getDate() + days);
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
};

/** A headline card's big number, found by the card's heading. */
const figure = (page: Page, heading: string) =>
  page
    .getByRole('listitem')
    .filter({ has: page.getByRole('heading', { name: heading, exact: true }) })
    .locator('.overview-figure');

for (const [language, text] of Object.entries(LANGUAGES)) {
  test(`the overview shows the new figures after attendance is recorded (${language})`, async ({
    page,
    db,
    workspace,
    makeUser,
  }, testInfo) => {
    await seedVolunteer(db, workspace, { name: 'Vera Frivillig' }); // active, no confidentiality agreement
    const courseId = await seedCourse(db, workspace, { name: 'Recovery café' });
    const [anna, bo, carl] = await seedParticipants(db, workspace, ['Anna', 'Bo', 'Carl']);
    await enrol(db, workspace, courseId, [anna!, bo!, carl!]);
    const lastWeek = isoDaysFromToday(-7);
    const today = isoDaysFromToday(0);
    const [first] = await seedSessions(db, workspace, courseId, [lastWeek, today]);
    await recordAttendance(db, workspace, courseId, first!, [
      { participantId: anna!, status: 'present' },
      { participantId: bo!, status: 'absent' },
      { participantId: carl!, status: 'no_show' },
    ]);
    const coordinator = await makeUser('Camilla Koordinator');
    await addMembership(db, workspace, coordinator, 'coordinator');
    await signIn(page, coordinator);
    if (text.switchTo) {
      await page.getByRole('button', { name: text.switchTo }).click();
      await expect(page.locator('html')).toHaveAttribute('lang', language);
    }

    await page.goto(`/w/${workspace.slug}`);
    await page.getByRole('link', { name: text.last12 }).click();
    await expect(page.getByRole('link', { name: text.last12 })).toHaveAttribute('aria-current', 'page');
    await expect(figure(page, text.reached)).toHaveText('1');
    await expect(figure(page, text.sessions)).toHaveText('2');
    await expect(page.getByRole('row', { name: /Recovery café/ }).getByRole('cell')).toHaveText([
      '2',
      /^33\s?%$/,
      /^33\s?%$/,
    ]);
    const todo = page.getByRole('listitem').filter({ hasText: text.todo });
    await expect(todo).toContainText('Vera Frivillig');
    await expect(todo.getByRole('link', { name: text.openTodo })).toHaveAttribute(
      'href',
      `/w/${workspace.slug}/volunteers`,
    );

    // Today's session, entered with the keyboard in the attendance sheet: everyone came.
    await page.getByRole('link', { name: /Recovery café/ }).click();
    const matrix = page.getByRole('region', { name: text.matrix });
    await pressInCell(page, matrix, 'Anna', text.dateLabel(today), text.keys);
    await matrix.getByRole('button', { name: text.save }).click();
    await expect(matrix.getByText(text.saved)).toBeVisible();

    await page.goto(`/w/${workspace.slug}?period=last12`);
    await expect(figure(page, text.reached)).toHaveText('3');
    // 4 present out of 6 counted; 1 no-show out of 6.
    await expect(page.getByRole('row', { name: /Recovery café/ }).getByRole('cell')).toHaveText([
      '2',
      /^67\s?%$/,
      /^17\s?%$/,
    ]);
    // The chart's text alternative: this month's row (last week may have been last month).
    await page.getByText(text.chartTable).click();
    const sameMonth = lastWeek.slice(0, 7) === today.slice(0, 7);
    const chartTable = page.getByRole('table').last();
    await expect(chartTable.getByRole('row')).toHaveCount(13); // a header and 12 months
    await expect(page.getByRole('img', { name: /Recovery café|All courses|Alle forløb/ })).toBeVisible();
    await expectAccessible(page, testInfo, `overview with its chart (${language})`);
    await expect(chartTable.getByRole('row').last().getByRole('cell')).toHaveText(
      sameMonth ? ['2', /^67\s?%$/, /^17\s?%$/] : ['1', /^100\s?%$/, /^0\s?%$/],
    );
  });
}
