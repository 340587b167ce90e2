import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, privileged, type World } from '@brobygger/db/testing';
import { callerFor } from './helpers.ts';

/**
 * Decision 015 through the API: a viewer's participants roster has only the fields the decision
 * allows, and every procedure that returns participants writes one access-log entry with their ids,
 * which owners, and only owners, can list.
 */

const SECRET = { contact: 'kun-via-bostotten', note: 'fortrolig-note', birthYear: 1961, consentOn: '2024-03-05' };
const FULL_FIELDS = ['firstName', 'birthYear', 'contact', 'referredBy', 'consentOn', 'status', 'note'];
const VIEWER_FIELDS = ['firstName', 'referredBy', 'consentGiven', 'status'];

let world: World;
/** Mette has every hidden column filled in; Jonas has no consent recorded. */
let mette: string;
let jonas: string;
let course: string;

beforeEach(async () => {
  world = await createWorld();
  await privileged(async (tx) => {
    const insert = (firstName: string, extra: unknown[]) =>
      tx.one<{ id: string }>(
        `insert into public.participants (tenant_id, first_name, contact, note, birth_year, consent_on, referred_by, status)
         values ($1, $2, $3, $4, $5, $6, 'psychiatry', 'active') returning id`,
        [world.tenant.id, firstName, ...extra],
      );
    mette = (await insert('Mette', [SECRET.contact, SECRET.note, SECRET.birthYear, SECRET.consentOn]))!.id;
    jonas = (await insert('Jonas', [null, null, null, null]))!.id;
    course = (await tx.one<{ id: string }>(
      "insert into public.courses (tenant_id, name) values ($1, 'Recoverykursus') returning id",
      [world.tenant.id],
    ))!.id;
    await tx.query('insert into public.enrolments (tenant_id, course_id, participant_id) values ($1, $2, $3)', [
      world.tenant.id,
      course,
      mette,
    ]);
  });
});

const logEntries = () =>
  privileged((tx) =>
    tx.query<{ user_id: string; procedure: string; row_ids: string[] }>(
      'select user_id, procedure, row_ids from public.access_log where tenant_id = $1 order by read_at, procedure',
      [world.tenant.id],
    ),
  );

describe('participants as a viewer reads them', () => {
  it('list: only the allowed fields, and none of the hidden values', async () => {
    const listed = await callerFor(world.users.viewer).api.participants.list({ tenant: world.tenant.slug });
    expect(listed.fields).toEqual(VIEWER_FIELDS);
    expect(listed.rows.map((r) => Object.keys(r).sort())).toEqual([
      ['consentGiven', 'firstName', 'id', 'referredBy', 'status', 'version'],
      ['consentGiven', 'firstName', 'id', 'referredBy', 'status', 'version'],
    ]);
    expect(listed.rows).toEqual([
      expect.objectContaining({ id: jonas, firstName: 'Jonas', consentGiven: false, status: 'active' }),
      expect.objectContaining({ id: mette, firstName: 'Mette', consentGiven: true, referredBy: 'psychiatry' }),
    ]);
    const text = JSON.stringify(listed);
    for (const secret of Object.values(SECRET)) expect(text).not.toContain(String(secret));
    expect(listed.access).toEqual({ add: false, edit: false, delete: false });
  });

  it('get: the same summary of one participant', async () => {
    const { row, fields } = await callerFor(world.users.viewer).api.participants.get({
      tenant: world.tenant.slug,
      id: mette,
    });
    expect(fields).toEqual(VIEWER_FIELDS);
    expect(row).toEqual({
      id: mette,
      version: 1,
      firstName: 'Mette',
      referredBy: 'psychiatry',
      status: 'active',
      consentGiven: true,
    });
  });

  it('enrolments: participants by first name, without the birth year a coordinator sees', async () => {
    const lookup = async (who: 'viewer' | 'coordinator') =>
      (await callerFor(world.users[who]).api.enrolments.list({ tenant: world.tenant.slug, parent: course })).lookups
        .participantId;
    expect(await lookup('viewer')).toEqual([
      { id: jonas, label: 'Jonas', detail: null },
      { id: mette, label: 'Mette', detail: null },
    ]);
    expect(await lookup('coordinator')).toEqual([
      { id: jonas, label: 'Jonas', detail: null },
      { id: mette, label: 'Mette', detail: String(SECRET.birthYear) },
    ]);
  });

  it('a coordinator still reads every field, and is not offered the viewer’s stand-in', async () => {
    const listed = await callerFor(world.users.coordinator).api.participants.list({ tenant: world.tenant.slug });
    expect(listed.fields).toEqual(FULL_FIELDS);
    expect(listed.rows.find((r) => r.id === mette)).toMatchObject({
      contact: SECRET.contact,
      note: SECRET.note,
      birthYear: SECRET.birthYear,
      consentOn: SECRET.consentOn,
    });
    expect(listed.rows[0]).not.toHaveProperty('consentGiven');
  });
});

describe('the access log', () => {
  it('gets one entry with the ids when a coordinator lists participants', async () => {
    expect(await logEntries()).toEqual([]);
    await callerFor(world.users.coordinator).api.participants.list({ tenant: world.tenant.slug });
    const entries = await logEntries();
    expect(entries).toHaveLength(1);
    expect(entries[0]).toMatchObject({ user_id: world.users.coordinator.id, procedure: 'participants.list' });
    expect([...entries[0]!.row_ids].sort()).toEqual([mette, jonas].sort());
  });

  it("logs a viewer's summary, one participant read by id, enrolments and the attendance sheet", async () => {
    const viewer = callerFor(world.users.viewer).api;
    const coordinator = callerFor(world.users.coordinator).api;
    await viewer.participants.list({ tenant: world.tenant.slug });
    await coordinator.participants.get({ tenant: world.tenant.slug, id: jonas });
    await coordinator.enrolments.list({ tenant: world.tenant.slug, parent: course });
    await coordinator.attendance.sheet({ tenant: world.tenant.slug, parent: course });
    const entries = (await logEntries()).map((e) => ({ ...e, row_ids: [...e.row_ids].sort() }));
    expect(entries).toEqual(
      expect.arrayContaining([
        { user_id: world.users.viewer.id, procedure: 'participants.list', row_ids: [mette, jonas].sort() },
        { user_id: world.users.coordinator.id, procedure: 'participants.get', row_ids: [jonas] },
        // The enrolled participant, and everyone offered in the participant column.
        { user_id: world.users.coordinator.id, procedure: 'enrolments.list', row_ids: [mette, jonas].sort() },
        { user_id: world.users.coordinator.id, procedure: 'attendance.sheet', row_ids: [mette] },
      ]),
    );
    expect(entries).toHaveLength(4);
  });

  it('logs the row a save conflict shows: someone else saved it first, and the caller sees their version', async () => {
    const api = callerFor(world.users.coordinator).api;
    const { rows } = await api.participants.list({ tenant: world.tenant.slug });
    const stale = rows.find((r) => r.id === mette)!;
    await privileged((tx) =>
      tx.query("update public.participants set note = 'ændret af en anden' where id = $1", [mette]),
    );
    const before = (await logEntries()).length;
    const result = await api.participants.save({
      tenant: world.tenant.slug,
      upserts: [{ ...stale, status: 'ended' }],
      deletes: [],
    });
    expect(result.ok).toBe(false);
    expect((await logEntries()).slice(before)).toEqual([
      { user_id: world.users.coordinator.id, procedure: 'participants.save', row_ids: [mette] },
    ]);
  });

  it('writes nothing when no participant was returned (a peer, a workspace without participants)', async () => {
    await callerFor(world.users.peer).api.participants.list({ tenant: world.tenant.slug });
    await callerFor(world.users.stranger).api.participants.list({ tenant: world.other.slug });
    expect(await logEntries()).toEqual([]);
  });

  it('is listed for owners, newest first, with who, what and how many', async () => {
    await callerFor(world.users.coordinator).api.participants.list({ tenant: world.tenant.slug });
    await callerFor(world.users.viewer).api.participants.get({ tenant: world.tenant.slug, id: mette });
    const { entries } = await callerFor(world.users.owner).api.accessLog.list({ tenant: world.tenant.slug });
    expect(entries).toEqual([
      expect.objectContaining({
        userId: world.users.viewer.id,
        email: world.users.viewer.email,
        procedure: 'participants.get',
        rowCount: 1,
      }),
      expect.objectContaining({
        userId: world.users.coordinator.id,
        email: world.users.coordinator.email,
        procedure: 'participants.list',
        rowCount: 2,
      }),
    ]);
    // The association's owner has a log of their own, empty.
    expect((await callerFor(world.users.stranger).api.accessLog.list({ tenant: world.other.slug })).entries).toEqual(
      [],
    );
  });

  it('is not for admins, coordinators, viewers or peers, and not found for strangers', async () => {
    for (const who of ['admin', 'coordinator', 'viewer', 'peer'] as const) {
      await expect(callerFor(world.users[who]).api.accessLog.list({ tenant: world.tenant.slug })).rejects.toMatchObject(
        { code: 'FORBIDDEN', message: 'errors:forbidden' },
      );
    }
    await expect(
      callerFor(world.users.stranger).api.accessLog.list({ tenant: world.tenant.slug }),
    ).rejects.toMatchObject({ code: 'NOT_FOUND' });
  });
});
