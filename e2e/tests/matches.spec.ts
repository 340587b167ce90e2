import type { Page } from '@playwright/test';
import { expect, signIn, test } from '../fixtures.ts';
import { E2E } from '../env.ts';
import { expectAccessible } from '../support/axe.ts';
import { addMembership, removeCourseData, seedParticipants } from '../support/courses.ts';
import { seedMatch, seedMatchableVolunteer } from '../support/matches.ts';

test.afterEach(async ({ db, workspace }) => {
  await removeCourseData(db, workspace);
});

/** What the user reads, in each language. */
const UI = {
  da: {
    nav: 'Følgeskab',
    propose: 'Foreslå et følgeskab',
    participant: 'Deltager',
    suggestions: 'Foreslåede frivillige',
    start: 'Start',
    submit: 'Foreslå følgeskab',
    title: 'Følgeskab med Signe',
    planned: ['Planlagt slut', '04-07-2027'],
    status: ['Status', 'Foreslået'],
    log: 'Mødelog',
    addRow: 'Tilføj række',
    save: 'Gem ændringer',
    saved: '1 ændring er gemt.',
    metOn: '11-01-2027',
    walk: 'Gåtur',
    required: 'Skal udfyldes.',
    matchCounts: [/^Anders\s*0 igangværende følgeskaber$/, /^Birgit\s*1 igangværende følgeskab$/],
  },
  en: {
    nav: 'Companionship',
    propose: 'Propose a match',
    participant: 'Participant',
    suggestions: 'Suggested volunteers',
    start: 'Start',
    submit: 'Propose match',
    title: 'Companionship with Signe',
    planned: ['Planned end', '04/07/2027'],
    status: ['Status', 'Proposed'],
    log: 'Meeting log',
    addRow: 'Add row',
    save: 'Save changes',
    saved: '1 change saved.',
    metOn: '11/01/2027',
    walk: 'Walk',
    required: 'Required.',
    matchCounts: [/^Anders\s*0 current matches$/, /^Birgit\s*1 current match$/],
  },
} as const;

/** The value shown next to a term of the match's record. */
const recordValue = (page: Page, term: string) =>
  page
    .locator('dl.record > div')
    .filter({ has: page.getByText(term, { exact: true }) })
    .locator('dd');

for (const lng of ['da', 'en'] as const) {
  const ui = UI[lng];

  test.describe(`in ${lng === 'da' ? 'Danish' : 'English'}`, () => {
    test.use({ locale: lng === 'da' ? 'da-DK' : 'en-GB' });
    test.beforeEach(async ({ context }) => {
      await context.addCookies([{ name: 'lng', value: lng, url: E2E.baseUrl }]);
    });

    test('a coordinator proposes a match from the suggestions and logs a meeting', async ({
      page,
      db,
      workspace,
      makeUser,
    }, testInfo) => {
      const [signe, omar] = await seedParticipants(db, workspace, ['Signe', 'Omar']);
      const anders = await seedMatchableVolunteer(db, workspace, { name: 'Anders' });
      const birgit = await seedMatchableVolunteer(db, workspace, { name: 'Birgit' });
      await seedMatchableVolunteer(db, workspace, { name: 'Paula', status: 'paused' });
      await seedMatch(db, workspace, { participantId: omar!, volunteerId: birgit });
      const coordinator = await makeUser('Camilla Koordinator');
      await addMembership(db, workspace, coordinator, 'coordinator');
      await signIn(page, coordinator);

      await page.getByRole('navigation').getByRole('link', { name: ui.nav }).click();
      await page.getByRole('link', { name: ui.propose }).click();
      await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.propose);
      // Fewest current matches first; a paused volunteer is not suggested.
      const suggestions = page.getByRole('group', { name: ui.suggestions });
      const choices = suggestions.getByRole('radio');
      await expect(choices).toHaveCount(2);
      await expect(suggestions.getByRole('listitem')).toHaveText(ui.matchCounts);
      await expectAccessible(page, testInfo, 'propose a match');

      // Nothing picked yet: the form says what is missing, and nothing is saved.
      await page.getByRole('button', { name: ui.submit }).click();
      await expect(page.getByLabel(ui.participant)).toHaveAccessibleDescription(ui.required);
      await expect(suggestions).toContainText(ui.required);

      await page.getByLabel(ui.participant).selectOption({ label: 'Signe' });
      await suggestions.getByRole('radio', { name: /Anders/ }).check();
      await page.getByLabel(ui.start, { exact: true }).fill('2027-01-04');
      await page.getByRole('button', { name: ui.submit }).click();

      await expect(page.getByRole('heading', { level: 1 })).toHaveText(ui.title);
      await expect(recordValue(page, ui.status[0])).toHaveText(ui.status[1]);
      // Six months after the start, filled in by default.
      await expect(recordValue(page, ui.planned[0])).toHaveText(ui.planned[1]);
      const { rows: stored } = await db.query(
        `select participant_id, volunteer_id, status::text, planned_end_on::text from public.matches
         where tenant_id = $1 and participant_id = $2`,
        [workspace.id, signe],
      );
      expect(stored).toEqual([
        { participant_id: signe, volunteer_id: anders, status: 'proposed', planned_end_on: '2027-07-04' },
      ]);

      const log = page.getByRole('region', { name: ui.log });
      await log.getByRole('button', { name: ui.addRow }).click();
      await page.keyboard.type(ui.metOn);
      await page.keyboard.press('Tab');
      await page.keyboard.type('75');
      await page.keyboard.press('Tab');
      await page.keyboard.press('Enter'); // opens the list of kinds
      await page.getByRole('option', { name: ui.walk }).click();
      await log.getByRole('button', { name: ui.save }).click();
      await expect(log.getByText(ui.saved)).toBeVisible();
      await expectAccessible(page, testInfo, 'a match and its meeting log');

      const { rows: meetings } = await db.query(
        `select m.met_on::text, m.minutes, m.kind::text from public.match_meetings m
         join public.matches x on x.tenant_id = m.tenant_id and x.id = m.match_id
         where m.tenant_id = $1 and x.participant_id = $2`,
        [workspace.id, signe],
      );
      expect(meetings).toEqual([{ met_on: '2027-01-11', minutes: 75, kind: 'walk' }]);
    });
  });
}

test('a peer sees only their own match, by first name, and logs its meetings', async ({
  page,
  db,
  workspace,
  makeUser,
}) => {
  const peer = await makeUser('Ali Peer');
  await addMembership(db, workspace, peer, 'peer');
  const ali = await seedMatchableVolunteer(db, workspace, { name: 'Ali Peer', userId: peer.id });
  const kim = await seedMatchableVolunteer(db, workspace, { name: 'Kim' });
  const [mette, jonas] = await seedParticipants(db, workspace, ['Mette', 'Jonas']);
  const own = await seedMatch(db, workspace, { participantId: mette!, volunteerId: ali });
  const others = await seedMatch(db, workspace, { participantId: jonas!, volunteerId: kim });
  await signIn(page, peer);

  await page.goto(`/w/${workspace.slug}/matches`);
  const grid = page.getByRole('region', { name: 'Følgeskab', exact: true });
  await expect(grid.getByText('1 række', { exact: true })).toBeVisible();
  await expect(grid.getByRole('row', { name: /Mette/ })).toBeVisible();
  await expect(grid.getByText('Jonas')).toHaveCount(0);
  // Matches are the coordinators' to propose and change.
  await expect(page.getByRole('link', { name: 'Foreslå et følgeskab' })).toHaveCount(0);
  await expect(grid.getByRole('button', { name: 'Tilføj række' })).toHaveCount(0);

  await grid.getByRole('row', { name: /Mette/ }).getByRole('link', { name: 'Åbn' }).click();
  await expect(page).toHaveURL(`/w/${workspace.slug}/matches/${own}`);
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Følgeskab med Mette');
  const log = page.getByRole('region', { name: 'Mødelog' });
  await log.getByRole('button', { name: 'Tilføj række' }).click();
  await page.keyboard.type('20-11-2026');
  await page.keyboard.press('Enter');
  await log.getByRole('button', { name: 'Gem ændringer' }).click();
  await expect(log.getByText('1 ændring er gemt.')).toBeVisible();

  const response = await page.goto(`/w/${workspace.slug}/matches/${others}`);
  expect(response?.status()).toBe(404);
  await expect(page.getByText('Jonas')).toHaveCount(0);
});
