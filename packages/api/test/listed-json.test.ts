import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { as, createWorld, privileged, type World } from '@brobygger/db/testing';
import type { DerivedRoster } from '../src/rosters/kit/define.ts';
import { rosterRepository } from '../src/rosters/repository.ts';
import { ROSTERS } from '../src/rosters/registry.ts';
import { NEW_VOLUNTEER, type VolunteerRow } from '../src/rosters/index.ts';
import { callerFor } from './helpers.ts';

/**
 * A roster with `listedJson` lists the JSON text each row keeps, written by its table's trigger
 * (docs/decisions/037). The text must be exactly what the full view's select list gives, for
 * every field, after every kind of change, and nobody but the trigger may write it.
 */

/** For each roster that keeps its rows' JSON: a row with every field set, each to its own value. */
const EVERY_FIELD_SET: Record<string, string> = {
  volunteers: `insert into public.volunteers (tenant_id, name, email, phone, status, status_changed_on, start_date,
       recruited_via, intake_on, confidentiality_signed_on, record_check_on, record_check_ok, meets_children_under_15,
       peer_education, peer_education_completed_on, peer_education_provider, short_courses, note)
     values ($1, 'Åse "Ø" O''Brien \\ test', 'aase@example.dk', '+45 12 34 56 78', 'paused', date '2026-01-02',
       date '2026-01-03', 'partner', date '2026-01-04', date '2026-01-05', date '2026-01-06', false, true, 'completed',
       date '2026-01-07', 'Peer-Partner', array['first_aid', 'recovery'], e'to\\nlinjer')
     returning id`,
};

const keeping = (Object.entries(ROSTERS) as [string, DerivedRoster][]).filter(([, r]) => r.definition.listedJson);

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

/** The row's kept text, and the text its full view's select list gives now, as the coordinator reads them. */
async function keptAndRead(roster: DerivedRoster, id: string) {
  const repo = rosterRepository(roster);
  const column = roster.definition.listedJson!.column;
  return as(world.users.coordinator, async (tx) => {
    const kept = await tx.one<{ text: string }>(
      `select ${column} as text from ${roster.definition.table} where id = $1`,
      [id],
    );
    const read = await tx.one<{ text: string; row: Record<string, unknown> }>(
      `select row_to_json(r)::text as text, row_to_json(r) as row from (${repo.listSql('full', false)}) r where r.id = $2`,
      [...repo.scopeParams({ tenantId: world.tenant.id }), id],
    );
    return { kept: kept?.text, read: read?.text, row: read?.row };
  });
}

describe('the JSON text a row keeps for its roster list', () => {
  it('is volunteers’, at least: a roster that reads the same for every caller', () => {
    expect(keeping.map(([name]) => name)).toContain('volunteers');
  });

  it('is exactly what the full view reads, with every field set', async () => {
    for (const [name, roster] of keeping) {
      const fixture = EVERY_FIELD_SET[name];
      expect(fixture, `${name} needs a row with every field set in EVERY_FIELD_SET`).toBeDefined();
      const inserted = await privileged((tx) => tx.one<{ id: string }>(fixture!, [world.tenant.id]));
      const { kept, read, row } = await keptAndRead(roster, inserted!.id);
      // Every field has a value of its own, so a field missing from the trigger, or read from
      // another field's column, shows as a difference.
      expect(Object.entries(row!).filter(([, value]) => value === null)).toEqual([]);
      expect(Object.keys(row!)).toEqual(['id', 'version', ...roster.columns.map((c) => c.field)]);
      expect(kept).toBe(read);
    }
  });

  it('follows a save through the API, with the version and the date the education trigger sets', async () => {
    const roster = ROSTERS.volunteers as DerivedRoster;
    const api = callerFor(world.users.coordinator).api.volunteers;
    const row: VolunteerRow = { ...NEW_VOLUNTEER, id: randomUUID(), version: null, name: 'Sofie' };
    const created = await api.save({ tenant: world.tenant.slug, upserts: [row], deletes: [] });
    expect(created.ok).toBe(true);
    const before = await keptAndRead(roster, row.id);
    expect(before.kept).toBe(before.read);

    const changed = await api.save({
      tenant: world.tenant.slug,
      upserts: [{ ...row, version: 1, note: 'Ny note', peerEducation: 'completed' }],
      deletes: [],
    });
    expect(changed.ok).toBe(true);
    const after = await keptAndRead(roster, row.id);
    expect(after.kept).toBe(after.read);
    expect(JSON.parse(after.kept!)).toMatchObject({
      version: 2,
      note: 'Ny note',
      peerEducation: 'completed',
      peerEducationCompletedOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/),
    });
    // And the list the grid gets is those texts.
    const listed = await api.list({ tenant: world.tenant.slug });
    expect(listed.rows).toEqual([JSON.parse(after.kept!)]);
  });

  it('is listed by the reader in the roster’s order, whole and limited, as the select list reads it', async () => {
    // Names whose Danish order differs from their bytes' (æ, ø, å after z) and from English's
    // (aa as å), and two equal names that only the id orders.
    const names = ['Åse', 'Zenia', 'Ærø', 'anna', 'Aage', 'Øster', 'Bo', 'Bo', 'Østergaard', 'Ærlig'];
    for (const [name, roster] of keeping) {
      expect(name).toBe('volunteers');
      await privileged((tx) =>
        tx.query('insert into public.volunteers (tenant_id, name) select $1, unnest($2::text[])', [
          world.tenant.id,
          names,
        ]),
      );
      // Another workspace's rows, which the reader must not list for this coordinator.
      await privileged((tx) =>
        tx.query("insert into public.volunteers (tenant_id, name) values ($1, 'Anden'), ($2, 'Tredje')", [
          world.other.id,
          world.tenant.id,
        ]),
      );
      const repo = rosterRepository(roster);
      const { reader } = roster.definition.listedJson!;
      const read = (limit: number | null) =>
        as(world.users.coordinator, async (tx) => ({
          kept: (
            await tx.query<{ text: string }>(`select r as text from ${reader}($1, $2) r`, [world.tenant.id, limit])
          ).map((r) => r.text),
          selected: (
            await tx.query<{ text: string }>(
              `select row_to_json(r)::text as text from (${repo.listSql('full', limit !== null)}) r`,
              [...repo.scopeParams({ tenantId: world.tenant.id }), ...(limit === null ? [] : [limit])],
            )
          ).map((r) => r.text),
        }));
      const whole = await read(null);
      expect(whole.kept).toHaveLength(names.length + 1);
      expect(whole.kept).toEqual(whole.selected);
      expect(whole.kept.map((text) => (JSON.parse(text) as { name: string }).name)).toEqual([
        'anna',
        'Bo',
        'Bo',
        'Tredje',
        'Zenia',
        'Ærlig',
        'Ærø',
        'Øster',
        'Østergaard',
        'Aage',
        'Åse',
      ]);
      const first = await read(4);
      expect(first.kept).toEqual(whole.kept.slice(0, 4));
      expect(first.kept).toEqual(first.selected);
      // And through the API, as the grid reads it.
      const listed = await callerFor(world.users.coordinator).api.volunteers.list({ tenant: world.tenant.slug });
      expect(listed.rows).toEqual(whole.kept.map((text) => JSON.parse(text) as unknown));
      // Another workspace's id lists nothing of it to this coordinator; an anonymous caller may not call it.
      const foreign = await as(world.users.coordinator, (tx) =>
        tx.query(`select r from ${reader}($1, null) r`, [world.other.id]),
      );
      expect(foreign).toEqual([]);
      await expect(as(null, (tx) => tx.query(`select ${reader}($1, null)`, [world.tenant.id]))).rejects.toThrow(
        /permission denied/,
      );
    }
  });

  it('cannot be written by a caller, not even through a row they may change', async () => {
    const inserted = await privileged((tx) =>
      tx.one<{ id: string }>("insert into public.volunteers (tenant_id, name) values ($1, 'Bo') returning id", [
        world.tenant.id,
      ]),
    );
    await expect(
      as(world.users.coordinator, (tx) =>
        tx.query(`update public.volunteers set listed_json = '{"name":"Forfalsket"}' where id = $1`, [inserted!.id]),
      ),
    ).rejects.toThrow(/permission denied/);
    await expect(
      as(world.users.coordinator, (tx) =>
        tx.query(
          `insert into public.volunteers (tenant_id, name, listed_json) values ($1, 'Eva', '{"name":"Forfalsket"}')`,
          [world.tenant.id],
        ),
      ),
    ).rejects.toThrow(/permission denied/);
    const { kept } = await keptAndRead(ROSTERS.volunteers as DerivedRoster, inserted!.id);
    expect(JSON.parse(kept!)).toMatchObject({ name: 'Bo', version: 1 });
  });

  it('stays out of the audit log: a save that changes nothing records nothing', async () => {
    const api = callerFor(world.users.coordinator).api.volunteers;
    const row: VolunteerRow = { ...NEW_VOLUNTEER, id: randomUUID(), version: null, name: 'Sofie' };
    await api.save({ tenant: world.tenant.slug, upserts: [row], deletes: [] });
    await api.save({ tenant: world.tenant.slug, upserts: [{ ...row, version: 1 }], deletes: [] });
    await api.save({ tenant: world.tenant.slug, upserts: [{ ...row, version: 2, note: 'Ny' }], deletes: [] });
    const audit = await privileged((tx) =>
      tx.query<{ action: string; changes: Record<string, unknown> }>(
        "select action, changes from public.audit_log where table_name = 'volunteers' and row_id = $1 order by id",
        [row.id],
      ),
    );
    expect(audit.map((a) => a.action)).toEqual(['insert', 'update']);
    expect(audit[1]!.changes).toEqual({ note: { from: null, to: 'Ny' } });
    expect(audit.flatMap((a) => Object.keys(a.changes))).not.toContain('listed_json');
  });
});
