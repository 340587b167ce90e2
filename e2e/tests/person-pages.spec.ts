import { E2E } from '../env.ts';
import { expect, signIn, test, type User } from '../fixtures.ts';
import { addMembership, removeCourseData, seedCourse, seedSessions, seedVolunteer } from '../support/courses.ts';

/**
 * A page per person (decision 022), in both languages: opened from the grids, with the course a
 * volunteer facilitates and a change just made in the grid in the history, and back; a viewer
 * opening a participant sees the summary, without the contact details.
 */

const UI = {
  da: {
    volunteers: 'Frivillige',
    participants: 'Deltagere',
    courses: 'Forløb',
    open: (name: string) => `Gå til siden om ${name}`,
    saved: '1 ændring er gemt.',
    record: 'Oplysninger',
    coursesTitle: 'Forløb og fremmøde',
    history: 'Ændringer',
    phoneChange: 'Telefon: – → 12 34 56 78',
    created: 'Oprettet',
    backToVolunteers: 'Alle frivillige',
    back: 'Tilbage',
    facilitator: 'Facilitator',
    viewerNote: /Du ser et sammendrag/,
    historyHidden: /Ændringerne ses kun af/,
    status: 'Status',
    active: 'Aktiv',
  },
  en: {
    volunteers: 'Volunteers',
    participants: 'Participants',
    courses: 'Courses',
    open: (name: string) => `Go to the page about ${name}`,
    saved: '1 change saved.',
    record: 'Details',
    coursesTitle: 'Courses and attendance',
    history: 'Change history',
    phoneChange: 'Phone: – → 12 34 56 78',
    created: 'Created',
    backToVolunteers: 'All volunteers',
    back: 'Back',
    facilitator: 'Facilitator',
    viewerNote: /You see a summary/,
    historyHidden: /change history is shown to owners/,
    status: 'Status',
    active: 'Active',
  },
} as const;

const SECRET_CONTACT = 'ring-kun-om-tirsdagen';

test.afterEach(async ({ db, workspace }) => {
  await removeCourseData(db, workspace);
});

for (const lng of ['da', 'en'] as const) {
  const ui = UI[lng];

  test.describe(`in ${lng === 'da' ? 'Danish' : 'English'}`, () => {
    test.use({ locale: lng === 'da' ? 'da-DK' : 'en-GB' });
    test.beforeEach(async ({ context }) => {
      await context.addCookies([{ name: 'lng', value: lng, url: E2E.baseUrl }]);
    });

    test('open a volunteer from the grid: their course, a change just made in the history, and back', async ({
      page,
      db,
      workspace,
      owner,
    }) => {
      const anna = await seedVolunteer(db, workspace, { name: 'Anna Holm' });
      const course = await seedCourse(db, workspace, { name: 'Vejen til hverdagslivet', facilitatorId: anna });
      await seedSessions(db, workspace, course, ['2027-03-04', '2027-03-11']);
      await signIn(page, owner);

      // A change in the grid, saved.
      await page.goto(`/w/${workspace.slug}/volunteers`);
      const grid = page.getByRole('region', { name: ui.volunteers });
      await grid
        .getByRole('row', { name: /Anna Holm/ })
        .locator('[col-id="phone"]')
        .click();
      await page.keyboard.type('12 34 56 78');
      await page.keyboard.press('Enter');
      await page.keyboard.press('Control+s');
      await expect(grid.getByText(ui.saved)).toBeVisible();

      // Her page, from the link on her name.
      await grid.getByRole('link', { name: ui.open('Anna Holm') }).click();
      await expect(page).toHaveURL(`/w/${workspace.slug}/volunteers/${anna}`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Anna Holm');
      const record = page.getByRole('region', { name: ui.record });
      await expect(record.getByRole('definition').filter({ hasText: '12 34 56 78' })).toBeVisible();
      await expect(record.getByText(ui.active, { exact: true })).toBeVisible();

      const courses = page.getByRole('region', { name: ui.coursesTitle });
      const row = courses.getByRole('row', { name: /Vejen til hverdagslivet/ });
      await expect(row.getByRole('link', { name: 'Vejen til hverdagslivet' })).toHaveAttribute(
        'href',
        `/w/${workspace.slug}/courses/${course}`,
      );
      await expect(row.getByRole('cell', { name: ui.facilitator, exact: true })).toBeVisible();
      // Two sessions held.
      await expect(row.getByRole('cell', { name: '2', exact: true })).toBeVisible();

      const history = page.getByRole('region', { name: ui.history });
      const change = history.getByRole('row', { name: new RegExp(ui.phoneChange) });
      await expect(change).toBeVisible();
      await expect(change.getByRole('cell', { name: owner.name })).toBeVisible();
      await expect(history.getByRole('cell', { name: ui.created, exact: true })).toBeVisible();

      await page.getByRole('link', { name: ui.backToVolunteers }).click();
      await expect(page).toHaveURL(`/w/${workspace.slug}/volunteers`);
      await expect(
        page.getByRole('region', { name: ui.volunteers }).getByRole('gridcell', { name: 'Anna Holm' }),
      ).toBeVisible();

      // From a lookup: the course's facilitator, whose page leads back to the courses.
      await page.goto(`/w/${workspace.slug}/courses`);
      const coursesGrid = page.getByRole('region', { name: ui.courses, exact: true });
      await coursesGrid.getByRole('link', { name: ui.open('Anna Holm') }).click();
      await expect(page).toHaveURL(new RegExp(`/w/${workspace.slug}/volunteers/${anna}\\?from=`));
      await page.getByRole('link', { name: ui.back, exact: true }).click();
      await expect(page).toHaveURL(`/w/${workspace.slug}/courses`);
    });

    test('a viewer opening a participant sees no contact, and no history', async ({
      page,
      db,
      workspace,
      makeUser,
    }) => {
      const { rows } = await db.query<{ id: string }>(
        `insert into public.participants (tenant_id, first_name, birth_year, contact, consent_on, referred_by, status, note)
         values ($1, 'Mette', 1961, $2, date '2024-03-05', 'psychiatry', 'active', 'fortrolig') returning id`,
        [workspace.id, SECRET_CONTACT],
      );
      const viewer: User = await makeUser('Vera Viewer');
      await addMembership(db, workspace, viewer, 'viewer');
      await signIn(page, viewer);

      await page.goto(`/w/${workspace.slug}/participants`);
      const grid = page.getByRole('region', { name: ui.participants });
      // By keyboard: on the name's cell, Ctrl+Enter follows its link.
      await grid.getByRole('gridcell', { name: 'Mette' }).click();
      await page.keyboard.press('Control+Enter');
      await expect(page).toHaveURL(`/w/${workspace.slug}/participants/${rows[0]!.id}`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Mette');
      await expect(page.getByText(ui.viewerNote)).toBeVisible();
      const record = page.getByRole('region', { name: ui.record });
      await expect(record.getByRole('term').filter({ hasText: ui.status })).toBeVisible();
      await expect(page.getByText(SECRET_CONTACT)).toHaveCount(0);
      await expect(page.getByText('1961')).toHaveCount(0);
      await expect(page.getByText('fortrolig', { exact: true })).toHaveCount(0);
      await expect(page.getByText(ui.historyHidden)).toBeVisible();

      // Another id, or another workspace's: the not-found page, not an error.
      const response = await page.goto(`/w/${workspace.slug}/participants/00000000-0000-4000-8000-000000000000`);
      expect(response?.status()).toBe(404);
    });
  });
}
