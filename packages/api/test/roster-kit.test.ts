import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, privileged, type World } from '@brobygger/db/testing';
import { courses, courseSessions, enrolments } from '../src/rosters/index.ts';
import { callerFor } from './helpers.ts';

/**
 * The roster kit through the API, on the first child rosters (a course's sessions and
 * enrolments): scoping to the parent from the URL, lookups into other rosters, computed columns
 * and per-row edit rights.
 */
let world: World;
let api: ReturnType<typeof callerFor>['api'];
let tenant: string;

const newRow = (roster: { newRow: () => Record<string, unknown> }, fields: Record<string, unknown>) => ({
  ...roster.newRow(),
  id: randomUUID(),
  version: null,
  ...fields,
});

async function addCourse(name: string, fields: Record<string, unknown> = {}) {
  const row = newRow(courses, { name, ...fields });
  const result = await api.courses.save({ tenant, upserts: [row], deletes: [] });
  if (!result.ok) throw new Error(`setup failed: ${JSON.stringify(result)}`);
  return result.rows[0]!;
}

async function addVolunteer(name: string, email: string | null, extra = '') {
  const row = await privileged((tx) =>
    tx.one<{ id: string }>(
      `insert into public.volunteers (tenant_id, name, email, status${extra ? ', user_id' : ''}) values ($1, $2, $3, 'active'${extra ? ', $4' : ''}) returning id`,
      extra ? [world.tenant.id, name, email, extra] : [world.tenant.id, name, email],
    ),
  );
  return row!.id;
}

async function addParticipant(firstName: string, birthYear: number | null = null, tenantId = world.tenant.id) {
  const row = await privileged((tx) =>
    tx.one<{ id: string }>(
      'insert into public.participants (tenant_id, first_name, birth_year) values ($1, $2, $3) returning id',
      [tenantId, firstName, birthYear],
    ),
  );
  return row!.id;
}

beforeEach(async () => {
  world = await createWorld();
  api = callerFor(world.users.coordinator).api;
  tenant = world.tenant.slug;
});

describe('child rosters', () => {
  it('lists and saves the sessions of the course in the URL only', async () => {
    const a = await addCourse('Vejen til hverdagslivet');
    const b = await addCourse('Recovery-café');
    const session = newRow(courseSessions, { heldOn: '2026-01-08', startsAt: '18.00', durationMinutes: 120 });
    const saved = await api.courseSessions.save({ tenant, parent: a.id, upserts: [session], deletes: [] });
    expect(saved).toMatchObject({
      ok: true,
      rows: [{ id: session.id, heldOn: '2026-01-08', startsAt: '18:00', durationMinutes: 120, version: 1 }],
    });

    expect((await api.courseSessions.list({ tenant, parent: a.id })).rows.map((r) => r.id)).toEqual([session.id]);
    expect((await api.courseSessions.list({ tenant, parent: b.id })).rows).toEqual([]);

    // Changing it through the other course's roster matches nothing: a conflict, and no change.
    const moved = await api.courseSessions.save({
      tenant,
      parent: b.id,
      upserts: [{ ...session, version: 1, note: 'flyttet' }],
      deletes: [],
    });
    expect(moved).toMatchObject({ ok: false, conflicts: [{ id: session.id, server: null }] });
    const stored = await privileged((tx) =>
      tx.one<{ course_id: string; note: string | null }>(
        'select course_id, note from public.course_sessions where id = $1',
        [session.id],
      ),
    );
    expect(stored).toEqual({ course_id: a.id, note: null });
  });

  it('takes the parent from the scope, never from the row', async () => {
    const a = await addCourse('A');
    const b = await addCourse('B');
    const session = { ...newRow(courseSessions, { heldOn: '2026-02-01' }), courseId: b.id, course_id: b.id };
    expect((await api.courseSessions.save({ tenant, parent: a.id, upserts: [session], deletes: [] })).ok).toBe(true);
    const stored = await privileged((tx) =>
      tx.one<{ course_id: string }>('select course_id from public.course_sessions where id = $1', [session.id]),
    );
    expect(stored!.course_id).toBe(a.id);
  });

  it('a parent in another workspace, or none, is not found', async () => {
    const theirs = await callerFor(world.users.stranger).api.courses.save({
      tenant: world.other.slug,
      upserts: [newRow(courses, { name: 'Deres hold' })],
      deletes: [],
    });
    if (!theirs.ok) throw new Error('setup failed');
    const parent = theirs.rows[0]!.id;
    await expect(api.courseSessions.list({ tenant, parent })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'errors:parent_not_found',
    });
    await expect(
      api.courseSessions.save({
        tenant,
        parent,
        upserts: [newRow(courseSessions, { heldOn: '2026-03-01' })],
        deletes: [],
      }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
    await expect(api.courseSessions.list({ tenant, parent: randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    const count = await privileged((tx) =>
      tx.one<{ n: number }>('select count(*)::int as n from public.course_sessions where tenant_id = any($1::uuid[])', [
        [world.tenant.id, world.other.id],
      ]),
    );
    expect(count!.n).toBe(0);
  });

  it('a child roster needs its parent: calling it without one is invalid input', async () => {
    await expect(api.courseSessions.list({ tenant } as never)).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});

describe('lookup columns', () => {
  it('offers the rows of the target roster, and stores the chosen id', async () => {
    const anne = await addVolunteer('Anne-Mette Lund', 'anne@example.dk');
    await addVolunteer('Stoppet Frivillig', null);
    await privileged((tx) =>
      tx.query("update public.volunteers set status = 'stopped' where name = 'Stoppet Frivillig'"),
    );
    const course = await addCourse('Gåhold', { facilitatorId: anne });
    const listed = await api.courses.list({ tenant });
    expect(listed.lookups.facilitatorId).toEqual([{ id: anne, label: 'Anne-Mette Lund', detail: 'anne@example.dk' }]);
    expect(listed.rows.find((r) => r.id === course.id)?.facilitatorId).toBe(anne);
  });

  it('refuses text that did not resolve to a row, naming the cell', async () => {
    const row = newRow(courses, { name: 'Hold', facilitatorId: 'Anne' });
    expect(await api.courses.save({ tenant, upserts: [row], deletes: [] })).toEqual({
      ok: false,
      conflicts: [],
      errors: [{ id: row.id, field: 'facilitatorId', message: 'errors:lookup_unknown' }],
    });
  });

  it('cannot point into another workspace: the composite key refuses it and nothing is saved', async () => {
    const strangers = await privileged((tx) =>
      tx.one<{ id: string }>("insert into public.volunteers (tenant_id, name) values ($1, 'Fremmed') returning id", [
        world.other.id,
      ]),
    );
    const good = newRow(courses, { name: 'God' });
    const bad = newRow(courses, { name: 'Dårlig', facilitatorId: strangers!.id });
    await expect(api.courses.save({ tenant, upserts: [good, bad], deletes: [] })).rejects.toMatchObject({
      message: 'errors:lookup_not_found',
    });
    expect((await api.courses.list({ tenant })).rows).toEqual([]);
  });

  it('enrols a participant once per course', async () => {
    const course = await addCourse('Vejen til hverdagslivet');
    const signe = await addParticipant('Signe', 1994);
    const first = newRow(enrolments, { participantId: signe, startedOn: '2026-01-08' });
    expect((await api.enrolments.save({ tenant, parent: course.id, upserts: [first], deletes: [] })).ok).toBe(true);
    const twice = newRow(enrolments, { participantId: signe });
    await expect(
      api.enrolments.save({ tenant, parent: course.id, upserts: [twice], deletes: [] }),
    ).rejects.toMatchObject({ code: 'CONFLICT' });
    const listed = await api.enrolments.list({ tenant, parent: course.id });
    expect(listed.rows).toEqual([expect.objectContaining({ participantId: signe, status: 'enrolled' })]);
    expect(listed.lookups.participantId).toEqual([{ id: signe, label: 'Signe', detail: '1994' }]);
  });
});

describe('computed columns', () => {
  it('are read from the database, never written', async () => {
    const course = await addCourse('Vejen til hverdagslivet');
    const [signe, omar] = [await addParticipant('Signe'), await addParticipant('Omar')];
    const held = newRow(courseSessions, { heldOn: '2026-01-08', status: 'held' });
    const planned = newRow(courseSessions, { heldOn: '2026-01-15' });
    await api.courseSessions.save({ tenant, parent: course.id, upserts: [held, planned], deletes: [] });
    await api.enrolments.save({
      tenant,
      parent: course.id,
      upserts: [newRow(enrolments, { participantId: signe }), newRow(enrolments, { participantId: omar })],
      deletes: [],
    });
    await api.attendance.save({
      tenant,
      parent: course.id,
      upserts: [
        { id: randomUUID(), version: null, sessionId: held.id, participantId: signe, status: 'present' },
        { id: randomUUID(), version: null, sessionId: held.id, participantId: omar, status: 'no_show' },
      ],
      deletes: [],
    });

    const [listed] = (await api.courses.list({ tenant })).rows;
    expect(listed).toMatchObject({ sessionsHeld: 1, enrolled: 2, attendanceRate: 50 });
    const sessions = (await api.courseSessions.list({ tenant, parent: course.id })).rows;
    expect(sessions.map((s) => [s.heldOn, s.present])).toEqual([
      ['2026-01-08', 1],
      ['2026-01-15', 0],
    ]);

    // A computed value sent back is ignored, not stored over.
    const result = await api.courses.save({
      tenant,
      upserts: [{ ...listed!, sessionsHeld: 99, name: 'Omdøbt' }],
      deletes: [],
    });
    expect(result).toMatchObject({ ok: true, rows: [{ name: 'Omdøbt', sessionsHeld: 1 }] });
  });
});

describe('per-row edit rights', () => {
  it('a peer sees and may change only the courses they facilitate, and adds none', async () => {
    const ali = await addVolunteer('Ali Peer', 'ali@example.dk', world.users.peer.id);
    const mine = await addCourse('Mit hold', { facilitatorId: ali });
    const theirs = await addCourse('Andres hold');
    const peer = callerFor(world.users.peer).api;

    const listed = await peer.courses.list({ tenant });
    expect(Object.fromEntries(listed.rows.map((r) => [r.name, r.editable]))).toEqual({ 'Mit hold': true });
    // A peer edits their course, but not which programme it belongs to (decision 025).
    expect(listed.access).toEqual({ add: false, edit: true, delete: false, readOnly: ['programmeId'] });
    // Peers may not read the volunteers roster, but they see who facilitates.
    expect(listed.lookups.facilitatorId).toEqual([{ id: ali, label: 'Ali Peer', detail: 'ali@example.dk' }]);

    expect(
      await peer.courses.save({ tenant, upserts: [{ ...mine, location: 'Biblioteket' }], deletes: [] }),
    ).toMatchObject({ ok: true });
    // A course they cannot see is, to them, one that does not exist.
    expect(await peer.courses.save({ tenant, upserts: [{ ...theirs, location: 'Hos mig' }], deletes: [] })).toEqual({
      ok: false,
      conflicts: [{ id: theirs.id, server: null }],
      errors: [],
    });
    const stored = await privileged((tx) =>
      tx.query<{ name: string; location: string | null }>(
        'select name, location from public.courses where tenant_id = $1 order by name',
        [world.tenant.id],
      ),
    );
    expect(stored).toEqual([
      { name: 'Andres hold', location: null },
      { name: 'Mit hold', location: 'Biblioteket' },
    ]);

    // Their own course, but not theirs to hand over: only coordinators assign facilitators.
    await expect(
      peer.courses.save({ tenant, upserts: [{ ...mine, version: 2, facilitatorId: null }], deletes: [] }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
      message: 'errors:facilitators_by_coordinators',
    });

    // Adding a course is for editors only; RLS refuses it whatever the API lets through.
    await expect(
      peer.courses.save({ tenant, upserts: [newRow(courses, { name: 'Nyt' })], deletes: [] }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN' });
  });

  it('viewers see every row as not theirs to change', async () => {
    await addCourse('Hold');
    const listed = await callerFor(world.users.viewer).api.courses.list({ tenant });
    expect(listed.rows.map((r) => r.editable)).toEqual([false]);
    expect(listed.access).toEqual({ add: false, edit: false, delete: false, readOnly: ['programmeId'] });
  });
});

describe('get', () => {
  it('returns one row the caller may see, and not found otherwise', async () => {
    const course = await addCourse('Hold');
    expect((await api.courses.get({ tenant, id: course.id })).row).toMatchObject({ id: course.id, name: 'Hold' });
    await expect(callerFor(world.users.stranger).api.courses.get({ tenant, id: course.id })).rejects.toMatchObject({
      code: 'NOT_FOUND',
    });
    await expect(api.courses.get({ tenant, id: randomUUID() })).rejects.toMatchObject({
      code: 'NOT_FOUND',
      message: 'errors:row_not_found',
    });
  });
});
