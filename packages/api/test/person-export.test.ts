import { as, createWorld, privileged, type World } from '@brobygger/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { callerFor } from './helpers.ts';

/**
 * The export of one person as a file (data portability, decision 024): what it holds, in which
 * language its labels are, that it is an access to a participant's record, and who may take it.
 */
let world: World;
let mette: string;
let anna: string;
let vejen: string;
const slug = () => world.tenant.slug;

beforeAll(async () => {
  world = await createWorld();
  const t = world.tenant.id;
  await privileged(async (tx) => {
    const one = async (sql: string, params: unknown[]) => (await tx.one<{ id: string }>(sql, params))!.id;
    anna = await one(
      `insert into public.volunteers (tenant_id, name, email, status) values ($1, 'Anna Holm', 'anna@example.org', 'active') returning id`,
      [t],
    );
    mette = await one(
      `insert into public.participants (tenant_id, first_name, contact, birth_year, status) values ($1, 'Mette', 'mette@example.org', 1980, 'active') returning id`,
      [t],
    );
    vejen = await one(
      `insert into public.courses (tenant_id, name, facilitator_id) values ($1, 'Vejen', $2) returning id`,
      [t, anna],
    );
    const session = await one(
      `insert into public.course_sessions (tenant_id, course_id, held_on, status) values ($1, $2, '2026-03-02', 'held') returning id`,
      [t, vejen],
    );
    await tx.query(
      `insert into public.enrolments (tenant_id, course_id, participant_id, started_on) values ($1, $2, $3, '2026-03-02')`,
      [t, vejen, mette],
    );
    await tx.query(
      `insert into public.attendance (tenant_id, course_id, session_id, participant_id, status) values ($1, $2, $3, $4, 'present')`,
      [t, vejen, session, mette],
    );
    await tx.query(
      `insert into public.facilitator_attendance (tenant_id, course_id, session_id, volunteer_id, status) values ($1, $2, $3, $4, 'present')`,
      [t, vejen, session, anna],
    );
    const match = await one(
      `insert into public.matches (tenant_id, participant_id, volunteer_id, starts_on, status) values ($1, $2, $3, '2026-02-01', 'active') returning id`,
      [t, mette, anna],
    );
    await tx.query(
      `insert into public.match_meetings (tenant_id, match_id, met_on, minutes, kind) values ($1, $2, '2026-02-10', 45, 'walk')`,
      [t, match],
    );
    await tx.query(
      `insert into public.expenses (tenant_id, volunteer_id, spent_on, kind, km, purpose) values ($1, $2, '2026-03-02', 'transport', 8, 'Kørsel til Vejen')`,
      [t, anna],
    );
  });
  await as(world.users.coordinator, (tx) =>
    tx.query(`update public.participants set contact = 'ny@example.org' where id = $1`, [mette]),
  );
  await callerFor(world.users.coordinator).api.people.participant({ tenant: slug(), id: mette });
});

describe('exporting a participant', () => {
  it('holds their row, enrolments, attendance with dates, matches with meetings, history and reads', async () => {
    const file = await callerFor(world.users.owner).api.privacy.exportParticipant({ tenant: slug(), id: mette });
    expect(file).toMatchObject({
      format: 'brobygger.person-export',
      kind: 'participant',
      workspace: world.tenant.name,
      person: { id: mette, firstName: 'Mette', contact: 'ny@example.org', birthYear: 1980 },
      enrolments: [{ course: 'Vejen', startedOn: '2026-03-02', status: 'enrolled' }],
      attendance: [{ course: 'Vejen', sessionDate: '2026-03-02', status: 'present' }],
      matches: [
        { startsOn: '2026-02-01', status: 'active', meetings: [{ metOn: '2026-02-10', minutes: 45, kind: 'walk' }] },
      ],
    });
    expect(file.changeHistory).toContainEqual(
      expect.objectContaining({
        table: 'participants',
        action: 'update',
        changes: { contact: { from: 'mette@example.org', to: 'ny@example.org' } },
      }),
    );
    expect(file.changeHistory).toContainEqual(expect.objectContaining({ table: 'enrolments', action: 'insert' }));
    expect(file.accessLog).toContainEqual(expect.objectContaining({ procedure: 'people.participant' }));
  });

  it('labels its sections and fields in the workspace’s language', async () => {
    const da = await callerFor(world.users.owner).api.privacy.exportParticipant({ tenant: slug(), id: mette });
    expect(da.language).toBe('da');
    expect(da.labels.sections).toMatchObject({ enrolments: 'Tilmeldinger til forløb', attendance: 'Fremmøde' });
    expect(da.labels.fields).toMatchObject({ firstName: 'Fornavn eller initialer', birthYear: 'Fødselsår' });
    await privileged((tx) => tx.query(`update public.tenants set locale = 'en' where id = $1`, [world.tenant.id]));
    try {
      const en = await callerFor(world.users.owner).api.privacy.exportParticipant({ tenant: slug(), id: mette });
      expect(en.labels.sections).toMatchObject({ enrolments: 'Course enrolments' });
      expect(en.labels.fields).toMatchObject({ birthYear: 'Birth year' });
    } finally {
      await privileged((tx) => tx.query(`update public.tenants set locale = 'da' where id = $1`, [world.tenant.id]));
    }
  });

  it('is itself an access to the record, in the access log', async () => {
    await callerFor(world.users.admin).api.privacy.exportParticipant({ tenant: slug(), id: mette });
    const entries = await privileged((tx) =>
      tx.query<{ user_id: string; row_ids: string[] }>(
        `select user_id, row_ids from public.access_log where tenant_id = $1 and procedure = 'privacy.exportParticipant'`,
        [world.tenant.id],
      ),
    );
    expect(entries).toContainEqual({ user_id: world.users.admin.id, row_ids: [mette] });
  });
});

describe('exporting a volunteer', () => {
  it('holds their row, facilitated courses, presence, matches, expenses and history', async () => {
    const file = await callerFor(world.users.admin).api.privacy.exportVolunteer({ tenant: slug(), id: anna });
    expect(file).toMatchObject({
      kind: 'volunteer',
      person: { id: anna, name: 'Anna Holm', email: 'anna@example.org' },
      facilitatedCourses: [{ course: 'Vejen', role: 'facilitator' }],
      facilitatorPresence: [{ course: 'Vejen', sessionDate: '2026-03-02', status: 'present' }],
      matches: [{ role: 'volunteer', meetings: [{ metOn: '2026-02-10' }] }],
      meetingsAttended: [],
      expenses: [{ spentOn: '2026-03-02', kind: 'transport', km: 8, purpose: 'Kørsel til Vejen', status: 'submitted' }],
      accessLog: [],
    });
    expect(file.changeHistory).toContainEqual(expect.objectContaining({ table: 'expenses', action: 'insert' }));
  });
});

describe('who may export', () => {
  it('owners and admins; coordinators, viewers and peers are refused', async () => {
    for (const role of ['owner', 'admin'] as const)
      await expect(
        callerFor(world.users[role]).api.privacy.exportVolunteer({ tenant: slug(), id: anna }),
      ).resolves.toBeTruthy();
    for (const role of ['coordinator', 'viewer', 'peer'] as const) {
      const api = callerFor(world.users[role]).api;
      await expect(api.privacy.exportParticipant({ tenant: slug(), id: mette })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
      await expect(api.privacy.exportVolunteer({ tenant: slug(), id: anna })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
  });

  it('a member of another workspace gets nothing of this one’s people', async () => {
    const stranger = callerFor(world.users.stranger).api;
    await expect(stranger.privacy.exportParticipant({ tenant: slug(), id: mette })).rejects.toMatchObject({
      message: 'errors:workspace_not_found',
    });
    await expect(stranger.privacy.exportParticipant({ tenant: world.other.slug, id: mette })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'errors:row_not_found',
    });
    await expect(stranger.privacy.exportVolunteer({ tenant: world.other.slug, id: anna })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    // Nor through the access-log function, with their own rights in their own workspace.
    const read = await as(world.users.stranger, (tx) =>
      tx.query('select * from app.person_access_log($1, $2)', [world.tenant.id, mette]),
    );
    expect(read).toEqual([]);
  });
});
