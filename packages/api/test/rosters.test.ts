import { randomUUID } from 'node:crypto';
import type { TRPCError } from '@trpc/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, privileged, type World } from '@brobygger/db/testing';
import { NEW_PARTICIPANT, NEW_VOLUNTEER, type VolunteerRow } from '../src/rosters/index.ts';
import { callerFor } from './helpers.ts';

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

const volunteer = (fields: Partial<VolunteerRow> = {}): VolunteerRow => ({
  ...NEW_VOLUNTEER,
  id: randomUUID(),
  version: null,
  name: 'Sofie Frivillig',
  ...fields,
});

async function saveVolunteers(
  who: keyof World['users'],
  upserts: unknown[],
  deletes: { id: string; version: number }[] = [],
) {
  return callerFor(world.users[who]).api.volunteers.save({
    tenant: world.tenant.slug,
    upserts: upserts as VolunteerRow[],
    deletes,
  });
}

const stored = () =>
  privileged((tx) =>
    tx.query<{ name: string; version: number }>(
      'select name, version from public.volunteers where tenant_id = $1 order by name',
      [world.tenant.id],
    ),
  );

describe('volunteers.save', () => {
  it('inserts new rows with the ids the browser chose and returns them at version 1', async () => {
    const rows = [
      volunteer({ name: 'Anna', email: 'ANNA@example.dk' }),
      volunteer({ name: 'Bo', shortCourses: ['first_aid'] }),
    ];
    const result = await saveVolunteers('coordinator', rows);
    expect(result.ok).toBe(true);
    if (!result.ok) return;
    expect(result.rows.map((r) => [r.id, r.name, r.email, r.version]).sort()).toEqual(
      [
        [rows[0]!.id, 'Anna', 'anna@example.dk', 1],
        [rows[1]!.id, 'Bo', null, 1],
      ].sort(),
    );
    const listed = await callerFor(world.users.viewer).api.volunteers.list({ tenant: world.tenant.slug });
    expect(listed.rows.map((r) => r.name)).toEqual(['Anna', 'Bo']);
    expect(listed.access).toEqual({ add: false, edit: false, delete: false });
  });

  it('a batch with one invalid row saves nothing and names the row and field', async () => {
    const good = volunteer({ name: 'God' });
    const bad = volunteer({ name: 'Dårlig', email: 'not-an-email' });
    const result = await saveVolunteers('coordinator', [good, bad]);
    expect(result).toEqual({
      ok: false,
      conflicts: [],
      errors: [{ id: bad.id, field: 'email', message: 'errors:invalid_email' }],
    });
    expect(await stored()).toEqual([]);
  });

  it('refuses a row someone else changed since it was loaded, shows their row, and applies none of the batch', async () => {
    const a = volunteer({ name: 'Anna' });
    const b = volunteer({ name: 'Bo' });
    const first = await saveVolunteers('coordinator', [a, b]);
    if (!first.ok) throw new Error('setup failed');
    const loaded = Object.fromEntries(first.rows.map((r) => [r.name, r]));

    // The admin changes Anna first.
    const byAdmin = await saveVolunteers('admin', [{ ...loaded.Anna!, phone: '12345678' }]);
    expect(byAdmin.ok).toBe(true);

    // The coordinator saves from the old versions: Anna conflicts, so Bo's change is not applied either.
    const stale = await saveVolunteers('coordinator', [
      { ...loaded.Anna!, phone: '87654321' },
      { ...loaded.Bo!, name: 'Bo Ændret' },
    ]);
    expect(stale.ok).toBe(false);
    if (stale.ok) return;
    expect(stale.conflicts).toEqual([{ id: a.id, server: expect.objectContaining({ phone: '12345678', version: 2 }) }]);
    expect(await stored()).toEqual([
      { name: 'Anna', version: 2 },
      { name: 'Bo', version: 1 },
    ]);
  });

  it('deletes only at the loaded version; a deleted row shows as a conflict with no server row', async () => {
    const a = volunteer({ name: 'Anna' });
    const first = await saveVolunteers('coordinator', [a]);
    if (!first.ok) throw new Error('setup failed');
    expect(await saveVolunteers('admin', [], [{ id: a.id, version: 1 }])).toMatchObject({ ok: true, deleted: [a.id] });
    const late = await saveVolunteers('coordinator', [{ ...first.rows[0]!, name: 'Anna 2' }]);
    expect(late).toEqual({ ok: false, conflicts: [{ id: a.id, server: null }], errors: [] });
  });

  it('records who changed what in the audit log', async () => {
    const a = volunteer({ name: 'Anna' });
    const first = await saveVolunteers('coordinator', [a]);
    if (!first.ok) throw new Error('setup failed');
    await saveVolunteers('coordinator', [{ ...first.rows[0]!, status: 'active' }]);
    const audit = await privileged((tx) =>
      tx.query('select action, changed_by, changes from public.audit_log where row_id = $1 order by id', [a.id]),
    );
    expect(audit).toEqual([
      expect.objectContaining({ action: 'insert', changed_by: world.users.coordinator.id }),
      {
        action: 'update',
        changed_by: world.users.coordinator.id,
        changes: { status: { from: 'applicant', to: 'active' } },
      },
    ]);
  });

  it('viewers cannot save, peers get only the directory, strangers do not find the workspace', async () => {
    await expect(saveVolunteers('viewer', [volunteer()])).rejects.toMatchObject({ code: 'FORBIDDEN' });
    await saveVolunteers('coordinator', [
      volunteer({ name: 'Aktiv', status: 'active', note: 'privat' }),
      volunteer({ name: 'Ansøger' }),
    ]);
    const peer = callerFor(world.users.peer).api.volunteers;
    expect((await peer.list({ tenant: world.tenant.slug })).rows).toEqual([]);
    const directory = await peer.directory({ tenant: world.tenant.slug });
    expect(directory).toEqual([expect.objectContaining({ name: 'Aktiv' })]);
    expect(JSON.stringify(directory)).not.toContain('privat');
    const error = await saveVolunteers('stranger', [volunteer()]).catch((e: TRPCError) => e);
    expect(error).toMatchObject({ code: 'NOT_FOUND' });
  });
});

describe('participants.save', () => {
  const participant = (firstName: string, extra = {}) => ({
    ...NEW_PARTICIPANT,
    id: randomUUID(),
    version: null,
    firstName,
    ...extra,
  });

  it('refuses anything that looks like a CPR number and saves nothing', async () => {
    const { api } = callerFor(world.users.coordinator);
    const rows = [participant('Maja'), participant('010190-1234'), participant('Ole', { note: 'cpr 0101901234' })];
    const result = await api.participants.save({ tenant: world.tenant.slug, upserts: rows, deletes: [] });
    expect(result).toEqual({
      ok: false,
      conflicts: [],
      errors: [
        { id: rows[1]!.id, field: 'firstName', message: 'errors:cpr_not_allowed' },
        { id: rows[2]!.id, field: 'note', message: 'errors:cpr_not_allowed' },
      ],
    });
    expect((await api.participants.list({ tenant: world.tenant.slug })).rows).toEqual([]);
  });

  it('saves minimal participants and hides them from peers', async () => {
    const { api } = callerFor(world.users.coordinator);
    const result = await api.participants.save({
      tenant: world.tenant.slug,
      upserts: [participant('M.K.', { birthYear: 1990 })],
      deletes: [],
    });
    expect(result.ok).toBe(true);
    expect((await api.participants.list({ tenant: world.tenant.slug })).rows).toEqual([
      expect.objectContaining({ firstName: 'M.K.', birthYear: 1990 }),
    ]);
    expect((await callerFor(world.users.peer).api.participants.list({ tenant: world.tenant.slug })).rows).toEqual([]);
  });

  it('refuses a birth year in the future', async () => {
    const { api } = callerFor(world.users.coordinator);
    const row = participant('Ib', { birthYear: new Date().getFullYear() + 1 });
    expect(await api.participants.save({ tenant: world.tenant.slug, upserts: [row], deletes: [] })).toEqual({
      ok: false,
      conflicts: [],
      errors: [{ id: row.id, field: 'birthYear', message: 'errors:invalid_birth_year' }],
    });
  });
});

describe('preferences', () => {
  it('keeps each member’s grid layout to themself', async () => {
    const mine = callerFor(world.users.coordinator).api;
    await mine.preferences.save({
      tenant: world.tenant.slug,
      grid: 'volunteers',
      state: { columns: [{ colId: 'name', width: 200 }] },
    });
    expect(await mine.preferences.get({ tenant: world.tenant.slug, grid: 'volunteers' })).toEqual({
      columns: [{ colId: 'name', width: 200 }],
    });
    expect(
      await callerFor(world.users.admin).api.preferences.get({ tenant: world.tenant.slug, grid: 'volunteers' }),
    ).toBeNull();
  });
});
