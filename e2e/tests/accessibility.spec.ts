import type { Locator, Page } from '@playwright/test';
import { randomBytes } from 'node:crypto';
import { E2E } from '../env.ts';
import { expect, invitationLinkFor, signIn, test } from '../fixtures.ts';
import { expectAccessible } from '../support/axe.ts';
import { paste } from '../support/clipboard.ts';
import {
  addMembership,
  enrol,
  removeCourseData,
  seedCourse,
  seedParticipants,
  seedSessions,
  seedVolunteer,
} from '../support/courses.ts';
import { matrixCell, pasteIntoMatrix } from '../support/matrix.ts';

/**
 * axe-core on every page, in Danish and in English, with the grids in edit mode and showing
 * errors: what a screen reader or keyboard user meets while doing real work, not only at rest.
 */

/** The few labels the tests find things by, as each language shows them. */
const UI = {
  da: {
    forgot: /Glemt adgangskoden/,
    signIn: 'Log ind',
    volunteers: 'Frivillige',
    participants: 'Deltagere',
    courses: 'Forløb',
    sessions: 'Mødegange',
    attendance: (course: string) => `Fremmøde: ${course}`,
    addRow: 'Tilføj række',
    email: 'E-mail',
    sendInvitation: 'Send invitation',
    invitationTo: (name: string) => `Invitation til ${name}`,
    sessionLabel: '04-03',
    notFound: 'Siden findes ikke',
  },
  en: {
    forgot: /Forgot your password/,
    signIn: 'Sign in',
    volunteers: 'Volunteers',
    participants: 'Participants',
    courses: 'Courses',
    sessions: 'Sessions',
    attendance: (course: string) => `Attendance: ${course}`,
    addRow: 'Add row',
    email: 'E-mail',
    sendInvitation: 'Send invitation',
    invitationTo: (name: string) => `Invitation to ${name}`,
    sessionLabel: '04/03',
    notFound: 'Page not found',
  },
} as const;

test.afterEach(async ({ db, workspace }) => {
  await removeCourseData(db, workspace);
});

/** A grid whose first cell error is on screen, then whose editor is open. */
async function expectCellError(grid: Locator) {
  await expect(grid.locator('.cell-invalid').first()).toBeVisible();
}

async function addRow(grid: Locator, lng: keyof typeof UI) {
  await grid.getByRole('button', { name: UI[lng].addRow }).click();
}

for (const lng of ['da', 'en'] as const) {
  const ui = UI[lng];

  test.describe(`in ${lng === 'da' ? 'Danish' : 'English'}`, () => {
    test.use({ locale: lng === 'da' ? 'da-DK' : 'en-GB' });
    test.beforeEach(async ({ context }) => {
      await context.addCookies([{ name: 'lng', value: lng, url: E2E.baseUrl }]);
    });

    test('sign-in, its error, the sign-in link page and the not-found page', async ({ page }, testInfo) => {
      await page.goto('/login');
      await expect(page.locator('html')).toHaveAttribute('lang', lng);
      await expectAccessible(page, testInfo, 'sign-in');

      await page.getByRole('button', { name: ui.signIn }).click();
      await expect(page.getByRole('alert')).toBeVisible();
      await expectAccessible(page, testInfo, 'sign-in with an error');

      await page.getByRole('link', { name: ui.forgot }).click();
      await expect(page).toHaveURL('/login/link');
      await expectAccessible(page, testInfo, 'sign-in link');

      const response = await page.goto('/no-such-page');
      expect(response?.status()).toBe(404);
      // The tab names the error, as the heading does: the page that was asked for is not there.
      await expect(page).toHaveTitle(`${ui.notFound} · Brobygger`);
      await expectAccessible(page, testInfo, 'not found');

      // Where deleting one's account ends (decision 040): a signed-out page like these.
      await page.goto('/account/deleted');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page, testInfo, 'account deleted');
    });

    test('overview, members with an invitation sent, and the invitation page', async ({
      page,
      browser,
      workspace,
      owner,
    }, testInfo) => {
      // Seven pages checked by axe: ~20 s on an idle machine.
      test.slow();
      await signIn(page, owner);
      await expect(page).toHaveURL(`/w/${workspace.slug}`);
      await expectAccessible(page, testInfo, 'workspace overview');

      await page.goto(`/w/${workspace.slug}/members`);
      await expectAccessible(page, testInfo, 'members');

      // Pages added late in the same change: the owner's account and the access log.
      await page.goto('/account');
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page, testInfo, 'account');
      await page.goto(`/w/${workspace.slug}/access-log`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await expectAccessible(page, testInfo, 'access log');
      // Pages added in the session after: settings (three sections, one a grid), and the
      // header's workspace menu open.
      await page.goto(`/w/${workspace.slug}/settings`);
      await expect(page.getByRole('heading', { level: 1 })).toBeVisible();
      await page.locator('details.nav-menu > summary').click();
      await expectAccessible(page, testInfo, 'settings, with the workspace menu open');
      await page.goto(`/w/${workspace.slug}/members`);
      const email = `a11y-${randomBytes(4).toString('hex')}@test.brobygger.dk`;
      await page.getByLabel(ui.email, { exact: true }).fill(email);
      await page.getByRole('button', { name: ui.sendInvitation }).click();
      await expect(page.getByRole('status')).toContainText(email);
      await expectAccessible(page, testInfo, 'members after an invitation');

      const invitee = await browser.newContext({ baseURL: E2E.baseUrl });
      try {
        await invitee.addCookies([{ name: 'lng', value: lng, url: E2E.baseUrl }]);
        const other = await invitee.newPage();
        await other.goto(await invitationLinkFor(email));
        await expect(other.getByRole('heading', { level: 1 })).toHaveText(ui.invitationTo(workspace.name));
        await expect(other).toHaveTitle(`${ui.invitationTo(workspace.name)} · Brobygger`);
        await expectAccessible(other, testInfo, 'invitation');
      } finally {
        await invitee.close();
      }
    });

    test('volunteers: an invalid e-mail, then an editor open', async ({ page, workspace, owner }, testInfo) => {
      await signIn(page, owner);
      await page.goto(`/w/${workspace.slug}/volunteers`);
      const grid = page.getByRole('region', { name: ui.volunteers });
      await addRow(grid, lng);
      await page.keyboard.type('Anna Andersen');
      await page.keyboard.press('Tab');
      await page.keyboard.type('ikke-en-mail');
      await page.keyboard.press('Enter');
      await expectCellError(grid);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.type('12');
      await expect(grid.locator('.ag-cell-inline-editing')).toBeVisible();
      await expectAccessible(page, testInfo, 'volunteers, editing, with an error');

      // The list of statuses, a popup editor.
      await page.keyboard.press('Escape');
      await page.keyboard.press('ArrowRight');
      await page.keyboard.press('Enter');
      await expect(page.getByRole('listbox')).toBeVisible();
      await expect(grid.getByRole('combobox', { name: 'Status' })).toBeFocused();
      await expectAccessible(page, testInfo, 'volunteers, choosing a status');
    });

    test('participants: a CPR number in a note, then an editor open', async ({ page, workspace, owner }, testInfo) => {
      await signIn(page, owner);
      await page.goto(`/w/${workspace.slug}/participants`);
      const grid = page.getByRole('region', { name: ui.participants });
      await addRow(grid, lng);
      await paste(page, 'Mo\t1980\t\t\t\tVenter\tCPR 010180-1234\n');
      await expectCellError(grid);
      await page.keyboard.press('F2');
      await expect(grid.locator('.ag-cell-inline-editing')).toBeVisible();
      await expectAccessible(page, testInfo, 'participants, editing, with an error');
    });

    test('courses, a course and its attendance, each editing with an error', async ({
      page,
      db,
      workspace,
      owner,
    }, testInfo) => {
      // Three pages, each checked twice by axe: ~25 s on an idle machine, close to the 60 s limit on a busy one.
      test.slow();
      const courseId = await seedCourse(db, workspace, { name: 'Recovery-café' });
      const [signe] = await seedParticipants(db, workspace, ['Signe', 'Bo']);
      await enrol(db, workspace, courseId, [signe!]);
      await seedSessions(db, workspace, courseId, ['2027-03-04']);
      await signIn(page, owner);

      await page.goto(`/w/${workspace.slug}/courses`);
      const courses = page.getByRole('region', { name: ui.courses, exact: true });
      await courses
        .getByRole('row', { name: /Recovery-café/ })
        .locator('[col-id="facilitatorId"]')
        .click();
      await page.keyboard.type('Ukendt Person');
      await page.keyboard.press('Enter');
      await expectCellError(courses);
      await page.keyboard.press('ArrowLeft'); // the kind: a list
      await page.keyboard.press('Enter');
      await expect(page.getByRole('listbox')).toBeVisible();
      await expectAccessible(page, testInfo, 'courses, editing, with an error');
      await page.keyboard.press('Escape');

      await page.goto(`/w/${workspace.slug}/courses/${courseId}`);
      const sessions = page.getByRole('region', { name: ui.sessions });
      await addRow(sessions, lng);
      await page.keyboard.type('ikke en dato');
      await page.keyboard.press('Enter');
      await expectCellError(sessions);
      await page.keyboard.press('ArrowRight');
      await page.keyboard.type('17');
      await expect(sessions.locator('.ag-cell-inline-editing')).toBeVisible();
      await expectAccessible(page, testInfo, 'a course, editing a session, with an error');
      await page.keyboard.press('Escape');

      page.once('dialog', (dialog) => void dialog.accept());
      await page.goto(`/w/${workspace.slug}/courses/${courseId}/attendance`);
      const matrix = page.getByRole('region', { name: ui.attendance('Recovery-café') });
      await (await matrixCell(matrix, 'Signe', ui.sessionLabel)).click();
      await pasteIntoMatrix(page, 'zz\n');
      await expectCellError(matrix);
      await expectAccessible(page, testInfo, 'attendance, with an unknown code');

      // The header's button that marks a whole column opens a row of code buttons.
      await matrix.locator('.matrix-mark').first().click();
      await expect(matrix.getByRole('group').getByRole('button').first()).toBeVisible();
      await expectAccessible(page, testInfo, 'attendance, marking a column');
    });

    test('a volunteer’s page and a participant’s page', async ({ page, db, workspace, owner }, testInfo) => {
      const anna = await seedVolunteer(db, workspace, { name: 'Anna Andersen' });
      const courseId = await seedCourse(db, workspace, { name: 'Recovery-café', facilitatorId: anna });
      const [signe] = await seedParticipants(db, workspace, ['Signe']);
      await enrol(db, workspace, courseId, [signe!]);
      await seedSessions(db, workspace, courseId, ['2027-03-04']);
      await db.query("update public.volunteers set phone = '12345678' where id = $1", [anna]);
      await signIn(page, owner);

      await page.goto(`/w/${workspace.slug}/volunteers/${anna}`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Anna Andersen');
      await expectAccessible(page, testInfo, 'a volunteer’s page');
      await page.goto(`/w/${workspace.slug}/participants/${signe}`);
      await expect(page.getByRole('heading', { level: 1 })).toContainText('Signe');
      await expectAccessible(page, testInfo, 'a participant’s page');
    });

    test('a peer’s volunteer directory', async ({ page, db, workspace, makeUser }, testInfo) => {
      const peer = await makeUser('Petra Peer');
      await seedVolunteer(db, workspace, { name: 'Petra Peer', email: peer.email, userId: peer.id });
      await seedVolunteer(db, workspace, { name: 'Ole Anden', email: 'ole@example.dk' });
      await addMembership(db, workspace, peer, 'peer');
      await signIn(page, peer);
      await page.goto(`/w/${workspace.slug}/volunteers`);
      await expect(page.getByRole('cell', { name: 'Ole Anden' })).toBeVisible();
      await expectAccessible(page, testInfo, 'volunteer directory');
    });
  });
}

/** Presses `key` until `target` has the focus, as a keyboard user moves through a page. */
async function pressUntilFocused(page: Page, key: string, target: Locator, most = 40) {
  for (let i = 0; i < most; i++) {
    if (await target.evaluate((el) => el === document.activeElement).catch(() => false)) return;
    await page.keyboard.press(key);
  }
  await expect(target, `${key} never reached it`).toBeFocused();
}

test('keyboard only: sign in, open the volunteers, change a phone number and save with Ctrl+S', async ({
  page,
  db,
  workspace,
  owner,
}) => {
  await seedVolunteer(db, workspace, { name: 'Anna Andersen' });
  await page.goto('/login');
  await expect(page.getByLabel('E-mail')).toBeFocused();
  await page.keyboard.type(owner.email);
  await pressUntilFocused(page, 'Tab', page.getByLabel('Adgangskode'));
  await page.keyboard.type(owner.password);
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/w/${workspace.slug}`);

  await pressUntilFocused(page, 'Tab', page.getByRole('link', { name: 'Frivillige' }));
  await page.keyboard.press('Enter');
  await expect(page).toHaveURL(`/w/${workspace.slug}/volunteers`);
  const grid = page.getByRole('region', { name: 'Frivillige' });
  await expect(grid.getByRole('gridcell', { name: 'Anna Andersen' })).toBeVisible();

  // Into the grid (its first header cell), down past the titles and filters, right to the phone.
  await pressUntilFocused(page, 'Tab', grid.getByRole('columnheader').first());
  const anna = grid.getByRole('row', { name: /Anna Andersen/ });
  await pressUntilFocused(page, 'ArrowDown', anna.getByRole('gridcell').first(), 5);
  await pressUntilFocused(page, 'ArrowRight', anna.locator('[col-id="phone"]'), 10);
  await page.keyboard.type('12345678');
  await page.keyboard.press('Enter');
  await expect(grid.getByText('1 ændring, der ikke er gemt')).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(grid.getByText('1 ændring er gemt.')).toBeVisible();

  const { rows } = await db.query('select name, phone from public.volunteers where tenant_id = $1', [workspace.id]);
  expect(rows).toEqual([{ name: 'Anna Andersen', phone: '12345678' }]);
});
