import { expect, signIn, test } from '../fixtures.ts';
import { expectAccessible } from '../support/axe.ts';
import { addMembership, seedVolunteer } from '../support/courses.ts';

test('a peer who missed a meeting reads its minutes and sees who came', async ({
  page,
  db,
  workspace,
  makeUser,
}, testInfo) => {
  const anne = await seedVolunteer(db, workspace, { name: 'Anne-Mette Lund' });
  const { rows } = await db.query<{ id: string }>(
    `insert into public.volunteer_meetings (tenant_id, kind, held_on, topic, minutes)
     values ($1, 'supervision', '2026-10-13', 'Grænser i følgeskaber', 'Vi talte om at sige fra.') returning id`,
    [workspace.id],
  );
  await db.query(
    'insert into public.volunteer_meeting_attendees (tenant_id, meeting_id, volunteer_id) values ($1, $2, $3)',
    [workspace.id, rows[0]!.id, anne],
  );
  const peer = await makeUser('Ali Demir');
  await addMembership(db, workspace, peer, 'peer');
  await signIn(page, peer);

  await page.goto(`/w/${workspace.slug}/meetings`);
  const grid = page.getByRole('region', { name: 'Frivilligmøder', exact: true });
  await grid
    .getByRole('row', { name: /Grænser i følgeskaber/ })
    .getByRole('link', { name: 'Åbn' })
    .click();
  await expect(page.getByRole('heading', { level: 1 })).toHaveText('Supervision 13-10-2026');
  await expect(page.getByText('Vi talte om at sige fra.')).toBeVisible();
  const attendees = page.getByRole('region', { name: 'Deltagere', exact: true });
  await expect(attendees.getByRole('gridcell', { name: 'Anne-Mette Lund' })).toBeVisible();
  // A peer reads, and changes nothing.
  await expect(attendees.getByRole('button', { name: 'Tilføj række' })).toHaveCount(0);
  await expectAccessible(page, testInfo, 'a meeting, read by a peer');
});
