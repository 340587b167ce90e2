import type { Page } from '@playwright/test';
import { expect, signIn, test } from '../fixtures.ts';
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
import {
  matrixCell,
  readCell,
  readColumnShare,
  readColumnTotal,
  readRowShare,
  readRowTotal,
} from '../support/matrix.ts';

test.afterEach(async ({ db, workspace }) => {
  await removeCourseData(db, workspace);
});

/** The texts a user reads and the keys they press, per language. */
const UI = {
  da: {
    courses: 'Forløb',
    addRow: 'Tilføj række',
    save: 'Gem ændringer',
    open: 'Åbn',
    oneSaved: '1 ændring er gemt.',
    eightSaved: '8 ændringer er gemt.',
    rows: (n: number) => `${n} rækker`,
    firstDate: 'Første mødegang',
    time: 'Klokken',
    length: 'Varighed i minutter',
    count: 'Antal mødegange',
    preview: 'Vis hvad der sker',
    generate: 'Opdatér mødegangene',
    planDates: 'Planen giver 10 mødegange fra 07-01-2027 til 11-03-2027.',
    planAdd: '10 nye mødegange oprettes.',
    done: 'Mødegangene er opdateret',
    sessions: 'Mødegange',
    enrolled: 'Deltagere på forløbet',
    attendance: 'Fremmøde',
    matrix: (course: string) => `Fremmøde: ${course}`,
    firstColumn: '07-01',
    // Ahmed, Birthe, Lise, Mads, Nikolaj: present; Omar: absent; Rikke, Signe: no-show.
    keys: ['m', 'm', 'm', 'm', 'm', 'f', 'u', 'u'],
    cellsSaved: '8 celler er gemt.',
    columnTotal: '5 · 63 %',
    columnShare: '2 · 25 %',
    signeTotal: '0 % (0/1)',
    signeShare: '100 % (1/1)',
    ahmedShare: '0 % (0/1)',
  },
  en: {
    courses: 'Courses',
    addRow: 'Add row',
    save: 'Save changes',
    open: 'Open',
    oneSaved: '1 change saved.',
    eightSaved: '8 changes saved.',
    rows: (n: number) => `${n} rows`,
    firstDate: 'First session',
    time: 'Time',
    length: 'Length in minutes',
    count: 'Number of sessions',
    preview: 'Show what happens',
    generate: 'Update the sessions',
    planDates: 'The schedule gives 10 sessions from 07/01/2027 to 11/03/2027.',
    planAdd: '10 new sessions are created.',
    done: 'The sessions are updated',
    sessions: 'Sessions',
    enrolled: 'Participants on the course',
    attendance: 'Attendance',
    matrix: (course: string) => `Attendance: ${course}`,
    firstColumn: '07/01',
    keys: ['p', 'p', 'p', 'p', 'p', 'a', 'n', 'n'],
    cellsSaved: '8 cells saved.',
    columnTotal: '5 · 63%',
    columnShare: '2 · 25%',
    signeTotal: '0% (0/1)',
    signeShare: '100% (1/1)',
    ahmedShare: '0% (0/1)',
  },
} as const;

const FIRST_NAMES = ['Signe', 'Nikolaj', 'Omar', 'Birthe', 'Ahmed', 'Lise', 'Mads', 'Rikke'];

async function useLanguage(page: Page, language: 'da' | 'en') {
  if (language === 'da') return;
  await page.getByRole('button', { name: 'English' }).click();
  await expect(page.locator('html')).toHaveAttribute('lang', 'en');
}

for (const language of ['da', 'en'] as const) {
  const ui = UI[language];

  test(`${language}: the 10-week course from its schedule, 8 enrolled, one session recorded with the keyboard`, async ({
    page,
    db,
    workspace,
    makeUser,
  }) => {
    await seedParticipants(db, workspace, FIRST_NAMES);
    const coordinator = await makeUser('Camilla Koordinator');
    await addMembership(db, workspace, coordinator, 'coordinator');
    await signIn(page, coordinator);
    await useLanguage(page, language);

    // The course, in the courses grid.
    await page.goto(`/w/${workspace.slug}/courses`);
    const list = page.getByRole('region', { name: ui.courses, exact: true });
    await list.getByRole('button', { name: ui.addRow }).click();
    await page.keyboard.type('Vejen til hverdagslivet');
    await page.keyboard.press('Enter');
    await list.getByRole('button', { name: ui.save }).click();
    await expect(list.getByText(ui.oneSaved)).toBeVisible();
    await list
      .getByRole('row', { name: /Vejen til hverdagslivet/ })
      .getByRole('link', { name: ui.open })
      .click();

    // Its schedule: ten Thursdays at 17:00 for two hours. First what will happen, then do it.
    await page.getByLabel(ui.firstDate, { exact: true }).fill('2027-01-07');
    await page.getByLabel(ui.time, { exact: true }).fill('17:00');
    await page.getByLabel(ui.length, { exact: true }).fill('120');
    await page.getByLabel(ui.count, { exact: true }).fill('10');
    await page.getByRole('button', { name: ui.preview }).click();
    await expect(page.getByText(ui.planDates)).toBeVisible();
    await expect(page.getByText(ui.planAdd)).toBeVisible();
    const sessions = page.getByRole('region', { name: ui.sessions, exact: true });
    await expect(sessions.getByText(ui.rows(0), { exact: true })).toBeVisible();
    await page.getByRole('button', { name: ui.generate }).click();
    await expect(page.getByRole('heading', { name: ui.done })).toBeVisible();
    await expect(sessions.getByText(ui.rows(10), { exact: true })).toBeVisible();
    const held = await db.query<{ held_on: string; starts_at: string }>(
      `select to_char(held_on, 'YYYY-MM-DD') as held_on, to_char(starts_at, 'HH24:MI') as starts_at
       from public.course_sessions where tenant_id = $1 order by held_on`,
      [workspace.id],
    );
    expect(held.rows.map((r) => r.held_on)).toEqual(
      Array.from({ length: 10 }, (_, i) => new Date(Date.UTC(2027, 0, 7 + 7 * i)).toISOString().slice(0, 10)),
    );
    expect(new Set(held.rows.map((r) => r.starts_at))).toEqual(new Set(['17:00']));

    // Eight participants, pasted as first names.
    const enrolled = page.getByRole('region', { name: ui.enrolled });
    await enrolled.getByRole('button', { name: ui.addRow }).click();
    await paste(page, `${FIRST_NAMES.join('\n')}\n`);
    await enrolled.getByRole('button', { name: ui.save }).click();
    await expect(enrolled.getByText(ui.eightSaved)).toBeVisible();

    // The first session's attendance: one click into the grid, then keys only.
    await page.getByRole('link', { name: ui.attendance, exact: true }).click();
    const matrix = page.getByRole('region', { name: ui.matrix('Vejen til hverdagslivet') });
    expect(await readColumnTotal(matrix, ui.firstColumn)).toBe('–');
    expect(await readColumnShare(matrix, ui.firstColumn)).toBe('–');
    await (await matrixCell(matrix, 'Ahmed', ui.firstColumn)).click();
    for (const key of ui.keys) await page.keyboard.press(key);
    await page.keyboard.press('Control+s');
    await expect(matrix.getByText(ui.cellsSaved)).toBeVisible();

    expect(await readColumnTotal(matrix, ui.firstColumn)).toBe(ui.columnTotal);
    expect(await readColumnShare(matrix, ui.firstColumn)).toBe(ui.columnShare);
    expect(await readRowTotal(matrix, 'Signe')).toBe(ui.signeTotal);
    expect(await readRowShare(matrix, 'Signe')).toBe(ui.signeShare);
    expect(await readRowShare(matrix, 'Ahmed')).toBe(ui.ahmedShare);

    const { rows } = await db.query<{ status: string; n: number }>(
      'select status::text, count(*)::int as n from public.attendance where tenant_id = $1 group by 1 order by 1',
      [workspace.id],
    );
    expect(rows).toEqual([
      { status: 'absent', n: 1 },
      { status: 'no_show', n: 2 },
      { status: 'present', n: 5 },
    ]);
  });
}

const PEER_UI = {
  da: {
    matrix: 'Fremmøde: Petras hold',
    column: '04-03',
    present: 'Mødt (m)',
    save: 'Gem ændringer',
    facilitators: 'Facilitatorernes fremmøde',
    saved: '1 celle er gemt.',
  },
  en: {
    matrix: 'Attendance: Petras hold',
    column: '04/03',
    present: 'Present (p)',
    save: 'Save changes',
    facilitators: 'Facilitators present',
    saved: '1 cell saved.',
  },
} as const;

test.describe('a peer on a phone', () => {
  test.use({ viewport: { width: 390, height: 844 } });

  for (const language of ['da', 'en'] as const) {
    const ui = PEER_UI[language];

    test(`${language}: records participants' and their own attendance, seeing first names only`, async ({
      page,
      db,
      workspace,
      makeUser,
    }) => {
      const peer = await makeUser('Petra Peer');
      const petra = await seedVolunteer(db, workspace, { name: 'Petra Peer', email: peer.email, userId: peer.id });
      const course = await seedCourse(db, workspace, { name: 'Petras hold', facilitatorId: petra });
      const [signe] = await seedParticipants(db, workspace, ['Signe']);
      await db.query("update public.participants set contact = 'signe@example.dk', birth_year = 1990 where id = $1", [
        signe,
      ]);
      await enrol(db, workspace, course, [signe!]);
      await seedSessions(db, workspace, course, ['2027-03-04']);
      await addMembership(db, workspace, peer, 'peer');
      await signIn(page, peer);
      await useLanguage(page, language);

      await page.goto(`/w/${workspace.slug}/courses/${course}/attendance`);
      const matrix = page.getByRole('region', { name: ui.matrix });
      await (await matrixCell(matrix, 'Signe', ui.column)).click();
      await matrix.getByRole('button', { name: ui.present }).click();
      expect(await readCell(matrix, 'Signe', ui.column)).toBe(language === 'da' ? 'm' : 'p');
      await matrix.getByRole('button', { name: ui.save }).click();
      await expect(matrix.getByText(ui.saved)).toBeVisible();
      // A first name, nothing else of the participant.
      await expect(page.getByText('signe@example.dk')).toHaveCount(0);
      await expect(page.getByText('1990')).toHaveCount(0);

      const own = page.getByRole('region', { name: ui.facilitators });
      await (await matrixCell(own, 'Petra Peer', ui.column)).click();
      await own.getByRole('button', { name: ui.present }).click();
      await own.getByRole('button', { name: ui.save }).click();
      await expect(own.getByText(ui.saved)).toBeVisible();

      const recorded = await db.query(
        `select (select status::text from public.attendance where tenant_id = $1) as participant,
                (select status from public.facilitator_attendance where tenant_id = $1 and volunteer_id = $2) as facilitator`,
        [workspace.id, petra],
      );
      expect(recorded.rows).toEqual([{ participant: 'present', facilitator: 'present' }]);
    });
  }
});
