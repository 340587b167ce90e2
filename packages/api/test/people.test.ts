import { beforeAll, describe, expect, it } from 'vitest';
import { as, createWorld, privileged, type World } from '@brobygger/db/testing';
import { callerFor } from './helpers.ts';

/**
 * A page per person (decision 022) through the API: the record, the courses with attendance
 * figures, the change history, and who may see how much of it.
 *
 * The cast: Anna is a volunteer linked to the peer's account and facilitates "Vejen"; Mette and
 * Jonas are participants on Vejen; Karl is a participant on another course. Vejen has three held
 * sessions and one planned; Mette was present twice and absent once.
 */
let world: World;
let anna: string;
let mette: string;
let jonas: string;
let karl: string;
let lise: string;
let match: string;
let vejen: string;
let cafe: string;
let foreignVolunteer: string;

const SECRET = { contact: 'ring-kun-tirsdag', note: 'fortrolig-bemærkning', birthYear: 1974 };

beforeAll(async () => {
  world = await createWorld();
  const t = world.tenant.id;
  await privileged(async (tx) => {
    const one = async (sql: string, params: unknown[]) => (await tx.one<{ id: string }>(sql, params))!.id;
    anna = await one(
      `insert into public.volunteers (tenant_id, name, email, status, start_date, short_courses, user_id)
       values ($1, 'Anna Holm', 'anna@example.org', 'active', '2026-02-03', '{first_aid,recovery}', $2) returning id`,
      [t, world.users.peer.id],
    );
    const participant = (name: string) =>
      one(
        `insert into public.participants (tenant_id, first_name, contact, note, birth_year, consent_on, referred_by, status)
         values ($1, $2, $3, $4, $5, '2026-01-15', 'psychiatry', 'active') returning id`,
        [t, name, SECRET.contact, SECRET.note, SECRET.birthYear],
      );
    mette = await participant('Mette');
    jonas = await participant('Jonas');
    karl = await participant('Karl');
    vejen = await one(
      `insert into public.courses (tenant_id, name, kind, facilitator_id, starts_on, ends_on)
       values ($1, 'Vejen til hverdagslivet', 'group_course', $2, '2026-03-02', '2026-05-04') returning id`,
      [t, anna],
    );
    cafe = await one(
      `insert into public.courses (tenant_id, name, kind) values ($1, 'Recovery-café', 'recovery_cafe') returning id`,
      [t],
    );
    const sessions: string[] = [];
    for (const [day, status] of [
      ['02', 'held'],
      ['09', 'held'],
      ['16', 'held'],
      ['23', 'planned'],
    ] as const)
      sessions.push(
        await one(
          `insert into public.course_sessions (tenant_id, course_id, held_on, status) values ($1, $2, $3, $4) returning id`,
          [t, vejen, `2026-03-${day}`, status],
        ),
      );
    for (const p of [mette, jonas])
      await tx.query(
        `insert into public.enrolments (tenant_id, course_id, participant_id, started_on) values ($1, $2, $3, '2026-03-02')`,
        [t, vejen, p],
      );
    await tx.query(`insert into public.enrolments (tenant_id, course_id, participant_id) values ($1, $2, $3)`, [
      t,
      cafe,
      karl,
    ]);
    const attendance = [
      [mette, sessions[0], 'present'],
      [mette, sessions[1], 'absent'],
      [mette, sessions[2], 'present'],
      [jonas, sessions[0], 'no_show'],
    ];
    for (const [p, s, status] of attendance)
      await tx.query(
        `insert into public.attendance (tenant_id, course_id, session_id, participant_id, status) values ($1, $2, $3, $4, $5)`,
        [t, vejen, s, p, status],
      );
    // Anna's own presence: at the first session, not at the second.
    for (const [session, status] of [
      [sessions[0], 'present'],
      [sessions[1], 'absent'],
    ])
      await tx.query(
        `insert into public.facilitator_attendance (tenant_id, course_id, session_id, volunteer_id, status)
         values ($1, $2, $3, $4, $5)`,
        [t, vejen, session, anna, status],
      );
    // Lise is on no course, only in companionship with Anna, since 2025 and so past six months.
    lise = await participant('Lise');
    match = await one(
      `insert into public.matches (tenant_id, participant_id, volunteer_id, status, starts_on)
       values ($1, $2, $3, 'active', '2025-01-06') returning id`,
      [t, lise, anna],
    );
    await tx.query(
      `insert into public.match_meetings (tenant_id, match_id, met_on, minutes, kind) values ($1, $2, '2025-02-03', 60, 'walk')`,
      [t, match],
    );
    foreignVolunteer = await one(
      `insert into public.volunteers (tenant_id, name, status) values ($1, 'Fremmed Frivillig', 'active') returning id`,
      [world.other.id],
    );
  });
  // Changes made by the coordinator, as the grid's save would: the audit trail names her.
  await as(world.users.coordinator, async (tx) => {
    await tx.query(`update public.volunteers set phone = '20 30 40 50', status = 'paused' where id = $1`, [anna]);
    await tx.query(`update public.participants set contact = 'ny-kontakt' where id = $1`, [mette]);
  });
});

const slug = () => world.tenant.slug;
const accessLog = () =>
  privileged((tx) =>
    tx.query<{ user_id: string; procedure: string; row_ids: string[] }>(
      // In the order they were written: the tests compare the entries after a point.
      `select user_id, procedure, row_ids from public.access_log where tenant_id = $1 and procedure like 'people.%'
       order by read_at, id`,
      [world.tenant.id],
    ),
  );

describe('a volunteer’s page', () => {
  it('has the fields of the roster, the courses they facilitate and the group’s attendance', async () => {
    const page = await callerFor(world.users.coordinator).api.people.volunteer({ tenant: slug(), id: anna });
    expect(page.fields).toContain('shortCourses');
    expect(page.row).toMatchObject({
      id: anna,
      name: 'Anna Holm',
      email: 'anna@example.org',
      phone: '20 30 40 50',
      status: 'paused',
      startDate: '2026-02-03',
      shortCourses: ['first_aid', 'recovery'],
    });
    expect(page.courses).toEqual([
      {
        id: vejen,
        name: 'Vejen til hverdagslivet',
        kind: 'group_course',
        role: 'facilitator',
        status: null,
        from: '2026-03-02',
        to: '2026-05-04',
        sessionsHeld: 3,
        // Her own presence: at one of the two sessions where it was recorded.
        attended: 1,
        attendanceRate: 50,
      },
    ]);
  });

  it('has their matches, with the participant, past the planned end six months after the start', async () => {
    const page = await callerFor(world.users.coordinator).api.people.volunteer({ tenant: slug(), id: anna });
    expect(page.matches).toEqual([
      {
        id: match,
        status: 'active',
        startsOn: '2025-01-06',
        plannedEndOn: '2025-07-06',
        overdue: true,
        meetings: 1,
        participant: 'Lise',
        // Anna is the page's own person: only fellow volunteers are listed, and she has none.
        volunteers: [],
      },
    ]);
  });

  it('has the change history: who changed which field from what to what, newest first', async () => {
    const { history } = await callerFor(world.users.owner).api.people.volunteer({ tenant: slug(), id: anna });
    expect(history).toHaveLength(2);
    const [update, insert] = history!;
    expect(update).toMatchObject({
      action: 'update',
      changedBy: world.users.coordinator.email.split('@')[0],
      // In the definition's order: phone before status.
      changes: [
        { field: 'phone', from: null, to: '20 30 40 50' },
        { field: 'status', from: 'active', to: 'paused' },
      ],
    });
    expect(new Date(update!.changedAt).getTime()).toBeGreaterThan(Date.now() - 60_000);
    // Created on the privileged path: no member made it.
    expect(insert).toMatchObject({ action: 'insert', changedBy: null, changes: [] });
  });

  it('a viewer sees the record and courses but no history', async () => {
    const page = await callerFor(world.users.viewer).api.people.volunteer({ tenant: slug(), id: anna });
    expect(page.row).toMatchObject({ name: 'Anna Holm' });
    expect(page.courses).toHaveLength(1);
    expect(page.history).toBeNull();
  });

  it('is not found for a peer, for another workspace’s volunteer, for a stranger and for a bad id', async () => {
    const notFound = { code: 'NOT_FOUND', message: 'errors:row_not_found' };
    await expect(callerFor(world.users.peer).api.people.volunteer({ tenant: slug(), id: anna })).rejects.toMatchObject(
      notFound,
    );
    await expect(
      callerFor(world.users.owner).api.people.volunteer({ tenant: slug(), id: foreignVolunteer }),
    ).rejects.toMatchObject(notFound);
    await expect(
      callerFor(world.users.owner).api.people.volunteer({ tenant: slug(), id: 'not-an-id' }),
    ).rejects.toMatchObject(notFound);
    await expect(
      callerFor(world.users.stranger).api.people.volunteer({ tenant: slug(), id: anna }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'errors:workspace_not_found' });
  });
});

describe('a participant’s page', () => {
  it('in full for a coordinator: every field, enrolments with attendance, and the history', async () => {
    const page = await callerFor(world.users.coordinator).api.people.participant({ tenant: slug(), id: mette });
    expect(page.fields).toEqual(['firstName', 'birthYear', 'contact', 'referredBy', 'consentOn', 'status', 'note']);
    expect(page.row).toMatchObject({ firstName: 'Mette', contact: 'ny-kontakt', birthYear: SECRET.birthYear });
    expect(page.courses).toEqual([
      expect.objectContaining({
        id: vejen,
        role: 'participant',
        status: 'enrolled',
        from: '2026-03-02',
        sessionsHeld: 3,
        attended: 2,
        attendanceRate: 67,
      }),
    ]);
    expect(page.history![0]).toMatchObject({
      action: 'update',
      changedBy: world.users.coordinator.email.split('@')[0],
      changes: [{ field: 'contact', from: SECRET.contact, to: 'ny-kontakt' }],
    });
  });

  it('a viewer gets the summary of decision 016: no contact, note, birth year or consent date, no history', async () => {
    const page = await callerFor(world.users.viewer).api.people.participant({ tenant: slug(), id: mette });
    expect(page.fields).toEqual(['firstName', 'referredBy', 'consentGiven', 'status']);
    expect(Object.keys(page.row).sort()).toEqual([
      'consentGiven',
      'firstName',
      'id',
      'referredBy',
      'status',
      'version',
    ]);
    expect(page.history).toBeNull();
    const text = JSON.stringify(page);
    for (const secret of [...Object.values(SECRET), 'ny-kontakt', '2026-01-15'])
      expect(text).not.toContain(String(secret));
    expect(page.courses.map((c) => c.name)).toEqual(['Vejen til hverdagslivet']);
  });

  it('a peer sees the first name of a participant on their own course, that course only, no history', async () => {
    const page = await callerFor(world.users.peer).api.people.participant({ tenant: slug(), id: jonas });
    expect(page.fields).toEqual(['firstName']);
    expect(page.row).toEqual({ id: jonas, version: null, firstName: 'Jonas' });
    expect(page.courses).toEqual([expect.objectContaining({ id: vejen, attended: 0, attendanceRate: 0 })]);
    expect(page.history).toBeNull();
  });

  it('a peer sees a participant of their own match by first name, with the match', async () => {
    const page = await callerFor(world.users.peer).api.people.participant({ tenant: slug(), id: lise });
    expect(page.row).toEqual({ id: lise, version: null, firstName: 'Lise' });
    expect(page.courses).toEqual([]);
    expect(page.matches).toEqual([
      expect.objectContaining({ id: match, volunteers: ['Anna Holm'], participant: 'Lise' }),
    ]);
  });

  it('is not found for a peer outside their courses and matches, a stranger, and another workspace', async () => {
    await expect(
      callerFor(world.users.peer).api.people.participant({ tenant: slug(), id: karl }),
    ).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(
      callerFor(world.users.stranger).api.people.participant({ tenant: world.other.slug, id: mette }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND', message: 'errors:row_not_found' });
    await expect(
      callerFor(world.users.stranger).api.people.participant({ tenant: slug(), id: mette }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });

  it('every read is in the access log, with the participant read; a refused read writes nothing', async () => {
    const before = (await accessLog()).length;
    await callerFor(world.users.viewer).api.people.participant({ tenant: slug(), id: karl });
    await callerFor(world.users.peer)
      .api.people.participant({ tenant: slug(), id: karl })
      .catch(() => undefined);
    const entries = (await accessLog()).slice(before);
    expect(entries).toEqual([{ user_id: world.users.viewer.id, procedure: 'people.participant', row_ids: [karl] }]);
  });
});
