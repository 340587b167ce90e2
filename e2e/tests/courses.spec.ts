import type { Locator, Page } from '@playwright/test';
import type pg from 'pg';
import { addMember, createTenant, removeTenants } from '@brobygger/db/testing';
import { expect, signIn, test, type User, type Workspace } from '../fixtures.ts';
import { paste } from '../support/clipboard.ts';
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
import { matrixCell, readCell, readColumnTotal, readRowTotal } from '../support/matrix.ts';

test.afterEach(async ({ db, workspace }) => {
  await removeCourseData(db, workspace);
});

/** A member with the given role, signed in on `page`. */
async function signInAs(page: Page, db: pg.Client, workspace: Workspace, user: User, role: 'coordinator' | 'peer') {
  await addMembership(db, workspace, user, role);
  await signIn(page, user);
}

/** The courses roster, found as a screen reader finds it: the region named by the page heading. */
async function openCourses(page: Page, workspace: Workspace, title = 'Forløb') {
  await page.goto(`/w/${workspace.slug}/courses`);
  const grid = page.getByRole('region', { name: title, exact: true });
  await expect(grid.getByRole('columnheader', { name: /^(Facilitator)$/ })).toBeVisible();
  return grid;
}

const rowOf = (grid: Locator, label: string | RegExp) => grid.getByRole('row', { name: label });
const cellOf = (grid: Locator, label: string | RegExp, field: string) =>
  rowOf(grid, label).locator(`[col-id="${field}"]`);

/** Types into a cell and commits with Enter, as a coordinator would. */
async function typeInto(page: Page, cell: Locator, text: string) {
  await cell.click();
  await page.keyboard.type(text);
  await page.keyboard.press('Enter');
}

test('a coordinator creates a course with a facilitator by e-mail and a co-facilitator by name', async ({
  page,
  db,
  workspace,
  makeUser,
}) => {
  const anne = await seedVolunteer(db, workspace, { name: 'Anne-Mette Lund', email: 'anne-mette@example.dk' });
  const helle = await seedVolunteer(db, workspace, { name: 'Helle Kristoffersen', email: 'helle@example.dk' });
  await signInAs(page, db, workspace, await makeUser('Camilla Koordinator'), 'coordinator');
  const grid = await openCourses(page, workspace);
  await expect(grid.getByText('0 rækker', { exact: true })).toBeVisible();

  await grid.getByRole('button', { name: 'Tilføj række' }).click();
  // The new row's first cell has focus: typing edits it, Tab moves on to the kind.
  await page.keyboard.type('Gå-hold – 10 uger');
  await page.keyboard.press('Tab');
  await page.keyboard.press('Enter'); // opens the list of kinds
  await page.getByRole('option', { name: 'Træningshold' }).click();
  const course = /Gå-hold – 10 uger/;
  await expect(cellOf(grid, course, 'kind')).toHaveText('Træningshold');

  await typeInto(page, cellOf(grid, course, 'facilitatorId'), 'Anne-Mette@Example.dk');
  await expect(cellOf(grid, course, 'facilitatorId')).toHaveText('Anne-Mette Lund');
  await typeInto(page, cellOf(grid, course, 'coFacilitatorId'), 'helle kristoffersen');
  await expect(cellOf(grid, course, 'coFacilitatorId')).toHaveText('Helle Kristoffersen');

  await grid.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(grid.getByText('1 ændring er gemt.')).toBeVisible();
  const { rows } = await db.query(
    'select name, kind::text, facilitator_id, co_facilitator_id from public.courses where tenant_id = $1',
    [workspace.id],
  );
  expect(rows).toEqual([
    { name: 'Gå-hold – 10 uger', kind: 'training_team', facilitator_id: anne, co_facilitator_id: helle },
  ]);

  // After a reload the cells still show names, not ids, and the saved row has its link.
  await page.reload();
  await expect(cellOf(grid, course, 'facilitatorId')).toHaveText('Anne-Mette Lund');
  await expect(rowOf(grid, course).getByRole('link', { name: 'Åbn' })).toBeVisible();
});

test('a facilitator name two volunteers share, or nobody has, is a cell error that blocks Save', async ({
  page,
  db,
  workspace,
  makeUser,
}) => {
  await seedVolunteer(db, workspace, { name: 'Jens Hansen', email: 'jens.a@example.dk' });
  await seedVolunteer(db, workspace, { name: 'Jens Hansen', email: 'jens.b@example.dk' });
  await seedCourse(db, workspace, { name: 'Recovery-café' });
  await signInAs(page, db, workspace, await makeUser('Camilla Koordinator'), 'coordinator');
  const grid = await openCourses(page, workspace);
  const save = grid.getByRole('button', { name: 'Gem ændringer' });

  await typeInto(page, cellOf(grid, /Recovery-café/, 'facilitatorId'), 'Jens Hansen');
  await expect(save).toBeDisabled();
  await expect(save).toHaveAccessibleDescription('Du kan ikke gemme endnu: 1 celle har en fejl. Ret den først.');
  // Both candidates are named with their e-mails, in whichever order the list came.
  const ambiguous = grid.getByRole('button', { name: /^Recovery-café, Facilitator: Flere passer på “Jens Hansen”: / });
  await expect(ambiguous).toContainText('Jens Hansen (jens.a@example.dk)');
  await expect(ambiguous).toContainText('Jens Hansen (jens.b@example.dk)');
  await expect(ambiguous).toContainText(/\. Skriv e-mailen, eller vælg én\.$/);

  await typeInto(page, cellOf(grid, /Recovery-café/, 'coFacilitatorId'), 'Ukendt Person');
  await expect(
    grid.getByRole('button', {
      name: 'Recovery-café, Medfacilitator: Ingen med navnet “Ukendt Person” blev fundet. Skriv et navn eller en e-mail fra listen.',
    }),
  ).toBeVisible();
  await expect(save).toHaveAccessibleDescription('Du kan ikke gemme endnu: 2 celler har fejl. Ret dem først.');

  // The e-mail tells the two apart; the unknown name is cleared. Then Save is allowed again.
  await typeInto(page, cellOf(grid, /Recovery-café/, 'facilitatorId'), 'jens.b@example.dk');
  await cellOf(grid, /Recovery-café/, 'coFacilitatorId').click();
  await page.keyboard.press('Delete');
  await expect(save).toBeEnabled();
  await save.click();
  await expect(grid.getByText('1 ændring er gemt.')).toBeVisible();
  const { rows } = await db.query(
    `select v.email from public.courses c join public.volunteers v on v.tenant_id = c.tenant_id and v.id = c.facilitator_id
     where c.tenant_id = $1`,
    [workspace.id],
  );
  expect(rows).toEqual([{ email: 'jens.b@example.dk' }]);
});

const FIRST_NAMES = ['Signe', 'Nikolaj', 'Omar', 'Birthe', 'Ahmed', 'Lise', 'Mads', 'Rikke'];

test('opening a course shows its sessions and enrolments; 10 pasted dates and 8 first names are saved', async ({
  page,
  db,
  workspace,
  makeUser,
}) => {
  const courseId = await seedCourse(db, workspace, { name: 'Vejen til hverdagslivet' });
  await seedParticipants(db, workspace, [...FIRST_NAMES, 'Ikke tilmeldt']);
  await signInAs(page, db, workspace, await makeUser('Camilla Koordinator'), 'coordinator');
  const list = await openCourses(page, workspace);
  await rowOf(list, /Vejen til hverdagslivet/)
    .getByRole('link', { name: 'Åbn' })
    .click();
  await expect(page).toHaveURL(`/w/${workspace.slug}/courses/${courseId}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Vejen til hverdagslivet');
  const sessions = page.getByRole('region', { name: 'Mødegange' });
  const enrolled = page.getByRole('region', { name: 'Deltagere på forløbet' });
  await expect(sessions.getByRole('columnheader', { name: 'Dato', exact: true })).toBeVisible();
  await expect(enrolled.getByRole('columnheader', { name: 'Deltager', exact: true })).toBeVisible();
  await expect(page.getByRole('link', { name: 'Fremmøde' })).toBeVisible();

  // Ten Thursdays from a spreadsheet: date, time and minutes.
  await sessions.getByRole('button', { name: 'Tilføj række' }).click();
  const dates = Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2027, 0, 7 + 7 * i)).toISOString().slice(0, 10));
  const danish = (iso: string) => iso.split('-').reverse().join('-');
  await paste(page, `${dates.map((d) => `${danish(d)}\t17:00\t120`).join('\r\n')}\r\n`);
  await expect(sessions.getByText('10 rækker', { exact: true })).toBeVisible();
  await sessions.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(sessions.getByText('10 ændringer er gemt.')).toBeVisible();

  await enrolled.getByRole('button', { name: 'Tilføj række' }).click();
  await paste(page, `${FIRST_NAMES.join('\n')}\n`);
  await expect(enrolled.getByText('8 rækker', { exact: true })).toBeVisible();
  await enrolled.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(enrolled.getByText('8 ændringer er gemt.')).toBeVisible();

  const held = await db.query<{ held_on: string; starts_at: string; duration_minutes: number }>(
    `select held_on::text, starts_at::text, duration_minutes from public.course_sessions
     where tenant_id = $1 and course_id = $2 order by held_on`,
    [workspace.id, courseId],
  );
  expect(held.rows.map((r) => r.held_on)).toEqual(dates);
  expect(new Set(held.rows.map((r) => `${r.starts_at} ${r.duration_minutes}`))).toEqual(new Set(['17:00:00 120']));
  const onCourse = await db.query<{ first_name: string; status: string }>(
    `select p.first_name, e.status::text from public.enrolments e
     join public.participants p on p.tenant_id = e.tenant_id and p.id = e.participant_id
     where e.tenant_id = $1 and e.course_id = $2 order by p.first_name`,
    [workspace.id, courseId],
  );
  expect(onCourse.rows).toEqual([...FIRST_NAMES].sort().map((first_name) => ({ first_name, status: 'enrolled' })));

  // The computed columns show figures but take no typing.
  const presentCell = cellOf(sessions, /07-01-2027/, 'present');
  await expect(presentCell).toHaveText('0');
  await typeInto(page, presentCell, '5');
  await expect(presentCell).toHaveText('0');
  await expect(sessions.getByText('Ingen ændringer, der ikke er gemt')).toBeVisible();
  const rateCell = cellOf(enrolled, /Signe/, 'attendanceRate');
  await expect(rateCell).toHaveText('');
  await typeInto(page, rateCell, '80');
  await expect(rateCell).toHaveText('');
  await expect(enrolled.getByText('Ingen ændringer, der ikke er gemt')).toBeVisible();

  // Back on the list, the course's computed columns count what was saved.
  await page.getByRole('link', { name: 'Alle forløb' }).click();
  await expect(cellOf(list, /Vejen til hverdagslivet/, 'enrolled')).toHaveText('8');
  await expect(cellOf(list, /Vejen til hverdagslivet/, 'sessionsHeld')).toHaveText('0');
});

test('attendance is entered with the keyboard alone, in English, and the course list reflects it', async ({
  page,
  db,
  workspace,
  makeUser,
}) => {
  const courseId = await seedCourse(db, workspace, { name: 'Recovery café' });
  const [anna, bo, carl] = await seedParticipants(db, workspace, ['Anna', 'Bo', 'Carl']);
  await enrol(db, workspace, courseId, [anna!, bo!, carl!]);
  const [first] = await seedSessions(db, workspace, courseId, ['2027-03-04', '2027-03-11', '2027-03-18']);
  await recordAttendance(db, workspace, courseId, first!, [
    { participantId: anna!, status: 'present' },
    { participantId: bo!, status: 'present' },
    { participantId: carl!, status: 'present' },
  ]);
  await signInAs(page, db, workspace, await makeUser('Camilla Coordinator'), 'coordinator');
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');

  await page.goto(`/w/${workspace.slug}/courses/${courseId}/attendance`);
  const matrix = page.getByRole('region', { name: 'Attendance: Recovery café' });
  await expect(matrix.getByText('No unsaved changes')).toBeVisible();
  expect(await readRowTotal(matrix, 'Bo')).toBe('100% (1/1)');
  expect(await readColumnTotal(matrix, '11/03')).toBe('–');

  // One click puts the focus in the grid; the rest is keys. A code moves down one row.
  await (await matrixCell(matrix, 'Anna', '04/03')).click();
  await page.keyboard.press('ArrowRight');
  await page.keyboard.press('p'); // Anna: present
  await page.keyboard.press('a'); // Bo: absent
  await page.keyboard.press('n'); // Carl: no-show
  await expect(matrix.getByText('3 cells changed, not saved')).toBeVisible();
  await page.keyboard.press('Control+s');
  await expect(matrix.getByText('3 cells saved.')).toBeVisible();

  expect(await readRowTotal(matrix, 'Anna')).toBe('100% (2/2)');
  expect(await readRowTotal(matrix, 'Bo')).toBe('50% (1/2)');
  expect(await readColumnTotal(matrix, '11/03')).toBe('1 · 33%');
  expect(await readColumnTotal(matrix, null)).toBe('4 · 67%');

  await page.reload();
  await expect(matrix.getByText('No unsaved changes')).toBeVisible();
  expect(await Promise.all(['Anna', 'Bo', 'Carl'].map((name) => readCell(matrix, name, '11/03')))).toEqual([
    'p',
    'a',
    'n',
  ]);
  const { rows } = await db.query<{ status: string }>(
    `select a.status::text from public.attendance a join public.participants p on p.tenant_id = a.tenant_id and p.id = a.participant_id
     where a.tenant_id = $1 and a.session_id <> $2 order by p.first_name`,
    [workspace.id, first],
  );
  expect(rows.map((r) => r.status)).toEqual(['present', 'absent', 'no_show']);

  const list = await openCourses(page, workspace, 'Courses');
  await expect(cellOf(list, /Recovery café/, 'attendanceRate')).toHaveText('67');
  await expect(cellOf(list, /Recovery café/, 'enrolled')).toHaveText('3');
  await expect(cellOf(list, /Recovery café/, 'sessionsHeld')).toHaveText('3');
});

test.describe('a peer on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  test('records attendance for their own course and sees and edits only that course', async ({
    page,
    db,
    workspace,
    makeUser,
  }) => {
    const peer = await makeUser('Petra Peer');
    const petra = await seedVolunteer(db, workspace, { name: 'Petra Peer', email: peer.email, userId: peer.id });
    const other = await seedVolunteer(db, workspace, { name: 'Ole Anden' });
    const mine = await seedCourse(db, workspace, { name: 'Petras hold', facilitatorId: petra });
    await seedCourse(db, workspace, { name: 'Oles hold', facilitatorId: other });
    const [signe] = await seedParticipants(db, workspace, ['Signe']);
    await enrol(db, workspace, mine, [signe!]);
    await seedSessions(db, workspace, mine, ['2027-03-04']);
    await signInAs(page, db, workspace, peer, 'peer');

    await page.goto(`/w/${workspace.slug}/courses/${mine}/attendance`);
    const matrix = page.getByRole('region', { name: 'Fremmøde: Petras hold' });
    // On a phone: tap the cell, then the code's button above the grid.
    await (await matrixCell(matrix, 'Signe', '04-03')).click();
    await matrix.getByRole('button', { name: 'Mødt (m)' }).click();
    expect(await readCell(matrix, 'Signe', '04-03')).toBe('m');
    await matrix.getByRole('button', { name: 'Gem ændringer' }).click();
    await expect(matrix.getByText('1 celle er gemt.')).toBeVisible();
    const { rows } = await db.query('select status::text from public.attendance where tenant_id = $1', [workspace.id]);
    expect(rows).toEqual([{ status: 'present' }]);

    // Back at a laptop, the same peer on the course list: their own course only (decision 018).
    await page.setViewportSize({ width: 1280, height: 720 });
    const list = await openCourses(page, workspace);
    await expect(list.getByRole('button', { name: 'Tilføj række' })).toHaveCount(0);
    await expect(list.getByRole('button', { name: /^Slet/ })).toHaveCount(0);
    await expect(list.getByText('1 række', { exact: true })).toBeVisible();
    await expect(rowOf(list, /Oles hold/)).toHaveCount(0);

    // Their own course takes the edit and saves it.
    await typeInto(page, cellOf(list, /Petras hold/, 'startsOn'), '01-02-2027');
    await expect(cellOf(list, /Petras hold/, 'startsOn')).toHaveText('01-02-2027');
    await list.getByRole('button', { name: 'Gem ændringer' }).click();
    await expect(list.getByText('1 ændring er gemt.')).toBeVisible();
    const starts = await db.query(
      "select name, to_char(starts_on, 'YYYY-MM-DD') as starts_on from public.courses where tenant_id = $1 order by name",
      [workspace.id],
    );
    expect(starts.rows).toEqual([
      { name: 'Oles hold', starts_on: null },
      { name: 'Petras hold', starts_on: '2027-02-01' },
    ]);
  });
});

test('a member of another workspace gets the not-found page for a course', async ({
  page,
  db,
  workspace,
  makeUser,
}) => {
  const courseId = await seedCourse(db, workspace, { name: 'Hemmeligt hold' });
  const elsewhere = await createTenant('association', `Anden forening ${courseId.slice(0, 8)}`);
  try {
    const stranger = await makeUser('Sara Fremmed');
    await addMember(elsewhere, stranger, 'coordinator', stranger.name);
    await signIn(page, stranger);

    for (const path of [
      `/w/${workspace.slug}/courses/${courseId}`,
      `/w/${workspace.slug}/courses/${courseId}/attendance`,
      // The course's id under the stranger's own workspace names no course there either.
      `/w/${elsewhere.slug}/courses/${courseId}`,
    ]) {
      const response = await page.goto(path);
      expect(response?.status(), path).toBe(404);
      await expect(page.getByRole('heading', { level: 1 })).toHaveText('Siden findes ikke');
      await expect(page.getByText('Hemmeligt hold')).toHaveCount(0);
    }
  } finally {
    await removeTenants([elsewhere]);
  }
});
