import { randomUUID } from 'node:crypto';
import type { Tx } from '@brobygger/db';
import { as, createWorld, privileged, type World } from '@brobygger/db/testing';
import { beforeEach, describe, expect, it } from 'vitest';
import { callerFor } from './helpers.ts';

/**
 * Erasure of one person everywhere (decision 024), through the API as an owner: nothing that
 * names them is left in any table (their id, their name, their contact), while every figure
 * counted from their participation is the same before and after.
 *
 * The cast, in the municipality: Zebulon (participant) and Ylva (participant) on the course
 * "Vejen" facilitated by Quintessa (volunteer); Zebulon and Quintessa in a companionship with two
 * logged meetings; Quintessa at a volunteer meeting, with an expense, and present as facilitator.
 * Names and contact details are unusual words, so a search of every table finds only them.
 */
let ZEBULON: { name: string; contact: string; note: string };
let QUINTESSA: { name: string; email: string; purpose: string };

let world: World;
let zebulon: string;
let ylva: string;
let quintessa: string;
let vejen: string;
const slug = () => world.tenant.slug;

async function seed() {
  // Unique per test: the search covers every workspace, and earlier tests' people remain there.
  const n = randomUUID().slice(0, 8);
  ZEBULON = { name: `Zebulonius${n}`, contact: `zebulon-${n}@example.org`, note: `Zebulon-note-${n}` };
  QUINTESSA = { name: `Quintessa Vale${n}`, email: `quintessa-${n}@example.org`, purpose: `Kørsel til Quintessa ${n}` };
  world = await createWorld();
  const t = world.tenant.id;
  await privileged(async (tx) => {
    const one = async (sql: string, params: unknown[]) => (await tx.one<{ id: string }>(sql, params))!.id;
    quintessa = await one(
      `insert into public.volunteers (tenant_id, name, email, phone, status) values ($1, $2, $3, '11 22 33 44', 'active') returning id`,
      [t, QUINTESSA.name, QUINTESSA.email],
    );
    zebulon = await one(
      `insert into public.participants (tenant_id, first_name, contact, note, birth_year, status, referred_by)
       values ($1, $2, $3, $4, 1981, 'active', 'psychiatry') returning id`,
      [t, ZEBULON.name, ZEBULON.contact, ZEBULON.note],
    );
    ylva = await one(
      `insert into public.participants (tenant_id, first_name, status) values ($1, 'Ylva', 'active') returning id`,
      [t],
    );
    vejen = await one(
      `insert into public.courses (tenant_id, name, facilitator_id) values ($1, 'Vejen', $2) returning id`,
      [t, quintessa],
    );
    const sessions: string[] = [];
    for (const day of ['02', '09', '16'])
      sessions.push(
        await one(
          `insert into public.course_sessions (tenant_id, course_id, held_on, status) values ($1, $2, $3, 'held') returning id`,
          [t, vejen, `2026-03-${day}`],
        ),
      );
    for (const p of [zebulon, ylva])
      await tx.query(
        `insert into public.enrolments (tenant_id, course_id, participant_id, started_on) values ($1, $2, $3, '2026-03-02')`,
        [t, vejen, p],
      );
    const marks: [string, number, string][] = [
      [zebulon, 0, 'present'],
      [zebulon, 1, 'no_show'],
      [zebulon, 2, 'present'],
      [ylva, 0, 'absent'],
      [ylva, 1, 'present'],
    ];
    for (const [p, s, status] of marks)
      await tx.query(
        `insert into public.attendance (tenant_id, course_id, session_id, participant_id, status) values ($1, $2, $3, $4, $5)`,
        [t, vejen, sessions[s], p, status],
      );
    for (const [i, s] of sessions.entries())
      await tx.query(
        `insert into public.facilitator_attendance (tenant_id, course_id, session_id, volunteer_id, status) values ($1, $2, $3, $4, $5)`,
        [t, vejen, s, quintessa, i === 1 ? 'absent' : 'present'],
      );
    const match = await one(
      `insert into public.matches (tenant_id, participant_id, volunteer_id, starts_on, status) values ($1, $2, $3, '2026-02-01', 'active') returning id`,
      [t, zebulon, quintessa],
    );
    for (const day of ['2026-02-10', '2026-02-24'])
      await tx.query(
        `insert into public.match_meetings (tenant_id, match_id, met_on, minutes) values ($1, $2, $3, 60)`,
        [t, match, day],
      );
    const meeting = await one(
      `insert into public.volunteer_meetings (tenant_id, held_on, topic) values ($1, '2026-03-05', 'Supervision') returning id`,
      [t],
    );
    await tx.query(
      `insert into public.volunteer_meeting_attendees (tenant_id, meeting_id, volunteer_id) values ($1, $2, $3)`,
      [t, meeting, quintessa],
    );
    await tx.query(
      `insert into public.expenses (tenant_id, volunteer_id, spent_on, kind, km, purpose, status) values ($1, $2, '2026-03-02', 'transport', 12.5, $3, 'approved')`,
      [t, quintessa, QUINTESSA.purpose],
    );
  });
  // A coordinator's everyday work: a change (audit trail), a grid save (a save receipt with the
  // row), reads (the access log).
  const coordinator = callerFor(world.users.coordinator).api;
  const { row } = await coordinator.participants.get({ tenant: slug(), id: zebulon });
  await coordinator.participants.save({
    tenant: slug(),
    batchId: randomUUID(),
    upserts: [{ ...row, note: `${ZEBULON.note} (ændret)` }],
    deletes: [],
  });
  await as(world.users.coordinator, (tx) =>
    tx.query(`update public.volunteers set phone = '55 66 77 88' where id = $1`, [quintessa]),
  );
  await coordinator.participants.list({ tenant: slug() });
  await callerFor(world.users.owner).api.people.participant({ tenant: slug(), id: zebulon });
}

/** The figures the overview and the course pages count, read as the owner and on the privileged path. */
async function figures() {
  const owner = callerFor(world.users.owner).api;
  const course = (await owner.courses.list({ tenant: slug() })).rows.find((r) => r.id === vejen)!;
  const enrolments = await owner.enrolments.list({ tenant: slug(), parent: vejen });
  const counted = await privileged((tx) =>
    tx.one(
      `select
         (select count(*)::int from public.matches where tenant_id = $1) as matches,
         (select count(*)::int from public.match_meetings where tenant_id = $1) as "matchMeetings",
         (select count(*)::int from (select participant_id from public.enrolments where tenant_id = $1
                                     union select participant_id from public.matches where tenant_id = $1) p) as "participantsReached",
         (select count(*)::int from public.facilitator_attendance where tenant_id = $1 and status = 'present') as "facilitatorsPresent",
         (select count(*)::int from public.volunteer_meeting_attendees where tenant_id = $1) as "meetingAttendees",
         (select sum(km)::float8 from public.expenses where tenant_id = $1 and status = 'approved') as "approvedKm",
         (select count(*)::int from public.participants where tenant_id = $1 and status = 'active') as "activeParticipants",
         (select count(*)::int from public.volunteers where tenant_id = $1 and status = 'active') as "activeVolunteers"`,
      [world.tenant.id],
    ),
  );
  return {
    sessionsHeld: course.sessionsHeld,
    enrolled: course.enrolled,
    attendanceRate: course.attendanceRate,
    enrolmentRows: enrolments.rows.length,
    ...counted,
  };
}

/** Every row of every table (public, app, auth, pgboss) whose text contains `needle`, as `schema.table`. */
async function tablesContaining(tx: Tx, needle: string): Promise<string[]> {
  const tables = await tx.query<{ name: string }>(
    `select format('%I.%I', n.nspname, c.relname) as name
     from pg_class c join pg_namespace n on n.oid = c.relnamespace
     where n.nspname in ('public', 'app', 'auth', 'pgboss') and c.relkind in ('r', 'p')`,
  );
  const found: string[] = [];
  for (const { name } of tables) {
    const hit = await tx.one<{ n: number }>(
      `select count(*)::int as n from ${name} t where strpos(lower(t::text), lower($1)) > 0`,
      [needle],
    );
    if (hit!.n > 0) found.push(name);
  }
  return found;
}

async function traces(needles: string[]): Promise<Record<string, string[]>> {
  const found: Record<string, string[]> = {};
  for (const needle of needles) found[needle] = await privileged((tx) => tablesContaining(tx, needle));
  return found;
}

beforeEach(seed);

describe('erasing a participant', () => {
  it('leaves no trace of them in any table, and every figure as it was', async () => {
    const needles = [zebulon, ZEBULON.name, ZEBULON.contact, ZEBULON.note];
    // The seed really put them in the rows, the audit trail, the access log and a save receipt.
    const before = await traces(needles);
    expect(before[zebulon]).toEqual(
      expect.arrayContaining(['public.participants', 'public.enrolments', 'public.attendance', 'public.matches']),
    );
    expect(before[zebulon]).toEqual(
      expect.arrayContaining(['public.audit_log', 'public.access_log', 'public.save_receipts']),
    );
    expect(before[ZEBULON.name]).toEqual(expect.arrayContaining(['public.audit_log', 'public.save_receipts']));
    const figuresBefore = await figures();
    expect(figuresBefore).toMatchObject({
      sessionsHeld: 3,
      enrolled: 2,
      attendanceRate: 60,
      matches: 1,
      participantsReached: 2,
    });

    await expect(
      callerFor(world.users.owner).api.privacy.eraseParticipant({ tenant: slug(), id: zebulon }),
    ).resolves.toEqual({
      erased: true,
    });

    expect(await traces(needles)).toEqual(Object.fromEntries(needles.map((n) => [n, []])));
    expect(await figures()).toEqual(figuresBefore);
  });

  it('keeps the other participant’s rows, history and reads', async () => {
    await callerFor(world.users.owner).api.privacy.eraseParticipant({ tenant: slug(), id: zebulon });
    const ylvaPage = await callerFor(world.users.owner).api.people.participant({ tenant: slug(), id: ylva });
    expect(ylvaPage.courses).toEqual([expect.objectContaining({ id: vejen, attended: 1 })]);
    const kept = await privileged((tx) =>
      tx.one<{ audit: number; reads: number }>(
        `select (select count(*)::int from public.audit_log where tenant_id = $1 and row_id = $2) as audit,
                (select count(*)::int from public.access_log where tenant_id = $1 and $2 = any(row_ids)) as reads`,
        [world.tenant.id, ylva],
      ),
    );
    expect(kept!.audit).toBeGreaterThan(0);
    expect(kept!.reads).toBeGreaterThan(0);
  });

  it('makes their page, their row in the roster and their name in lookups not found', async () => {
    const owner = callerFor(world.users.owner).api;
    await owner.privacy.eraseParticipant({ tenant: slug(), id: zebulon });
    await expect(owner.people.participant({ tenant: slug(), id: zebulon })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const roster = await owner.participants.list({ tenant: slug() });
    expect(roster.rows.map((r) => r.firstName)).toEqual(['Ylva']);
    const enrolments = await owner.enrolments.list({ tenant: slug(), parent: vejen });
    expect(enrolments.lookups.participantId!.map((o) => o.label)).toEqual(['Ylva']);
    // A viewer's summary skips the stand-in too.
    const viewed = await callerFor(world.users.viewer).api.participants.list({ tenant: slug() });
    expect(viewed.rows.map((r) => r.firstName)).toEqual(['Ylva']);
  });

  it('records who erased which kind of record and when, without the person', async () => {
    await callerFor(world.users.admin).api.privacy.eraseParticipant({ tenant: slug(), id: zebulon });
    const erasures = await as(world.users.owner, (tx) =>
      tx.query<{ kind: string; reason: string; erased_by: string }>(
        `select * from public.erasures where tenant_id = $1`,
        [world.tenant.id],
      ),
    );
    expect(erasures).toEqual([
      expect.objectContaining({ kind: 'participant', reason: 'request', erased_by: world.users.admin.id }),
    ]);
  });
});

describe('erasing a volunteer', () => {
  it('leaves no trace of them in any table, and every figure as it was', async () => {
    const needles = [quintessa, QUINTESSA.name, QUINTESSA.email, QUINTESSA.purpose];
    const before = await traces(needles);
    expect(before[quintessa]).toEqual(
      expect.arrayContaining([
        'public.volunteers',
        'public.matches',
        'public.expenses',
        'public.facilitator_attendance',
        'public.audit_log',
      ]),
    );
    const figuresBefore = await figures();
    expect(figuresBefore).toMatchObject({
      facilitatorsPresent: 2,
      meetingAttendees: 1,
      approvedKm: 12.5,
      activeVolunteers: 1,
    });

    await callerFor(world.users.owner).api.privacy.eraseVolunteer({ tenant: slug(), id: quintessa });

    expect(await traces(needles)).toEqual(Object.fromEntries(needles.map((n) => [n, []])));
    expect(await figures()).toEqual(figuresBefore);
    const owner = callerFor(world.users.owner).api;
    await expect(owner.people.volunteer({ tenant: slug(), id: quintessa })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await owner.volunteers.list({ tenant: slug() })).rows).toEqual([]);
  });
});

describe('who may erase', () => {
  it('coordinators, viewers and peers may not; nothing is erased', async () => {
    for (const role of ['coordinator', 'viewer', 'peer'] as const) {
      const api = callerFor(world.users[role]).api;
      await expect(api.privacy.eraseParticipant({ tenant: slug(), id: zebulon })).rejects.toMatchObject({
        code: 'FORBIDDEN',
        message: 'errors:forbidden',
      });
      await expect(api.privacy.eraseVolunteer({ tenant: slug(), id: quintessa })).rejects.toMatchObject({
        code: 'FORBIDDEN',
      });
    }
    expect((await traces([zebulon]))[zebulon]).toContain('public.participants');
  });

  it('an owner of another workspace finds neither the workspace nor, through their own, the person', async () => {
    const stranger = callerFor(world.users.stranger).api;
    await expect(stranger.privacy.eraseParticipant({ tenant: slug(), id: zebulon })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'errors:workspace_not_found',
    });
    await expect(stranger.privacy.eraseParticipant({ tenant: world.other.slug, id: zebulon })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'errors:row_not_found',
    });
    await expect(stranger.privacy.eraseVolunteer({ tenant: world.other.slug, id: quintessa })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    expect((await traces([zebulon, quintessa]))[zebulon]).toContain('public.participants');
  });

  it('the trace-removing function refuses a member of another workspace, and refuses while the person exists', async () => {
    await expect(
      as(world.users.stranger, (tx) =>
        tx.query('select app.erase_traces($1, $2, $3, $3)', [world.tenant.id, 'participant', zebulon]),
      ),
    ).rejects.toThrow(/forbidden/);
    await expect(
      as(world.users.owner, (tx) =>
        tx.query('select app.erase_traces($1, $2, $3, $3)', [world.tenant.id, 'participant', zebulon]),
      ),
    ).rejects.toThrow(/erasure_incomplete/);
    await expect(
      as(world.users.stranger, (tx) =>
        tx.query('select app.erasure_stand_in($1, $2, $3)', [world.other.id, 'participant', zebulon]),
      ),
    ).rejects.toThrow(/row_not_found/);
  });
});
