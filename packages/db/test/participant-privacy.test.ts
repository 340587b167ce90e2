import { beforeAll, describe, expect, it } from 'vitest';
import { as, createWorld, privileged, type World } from '../src/testing/index.ts';
import { seedCourses, type CourseSeed } from './course-fixtures.ts';

/**
 * Decision 015: a viewer sees a participant's first name, status, referred-by category and
 * whether consent is recorded, and never the contact, birth year, note or consent date, by any
 * path the API role has: the table, the views, the functions, the audit trail.
 */

/** Values that exist only in the hidden columns, so finding one anywhere is a leak. */
const HIDDEN = {
  contact: 'ring-kun-via-bostotten',
  note: 'fortrolig-bemaerkning',
  birthYear: 1961,
  consentOn: '2024-03-05',
};
/** Ids are random hex: one may hold "1961" by chance (CI met one), so they are not searched. */
const UUIDS = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/gi;
const leaks = (result: unknown) => {
  const text = JSON.stringify(result).replace(UUIDS, '');
  return [HIDDEN.contact, HIDDEN.note, String(HIDDEN.birthYear), HIDDEN.consentOn].filter((v) => text.includes(v));
};

/**
 * Every function the API role may call that reads public.participants, and the columns of the
 * participant it returns. A new one fails the catalogue test below until it is listed here, with
 * its columns reviewed against the decision.
 */
const PARTICIPANT_FUNCTIONS = [
  'app.course_participants(uuid,uuid)',
  // Erasure (decision 024): they read a participant only to copy the status into the stand-in and
  // to check the person is gone, return ids, and refuse anyone without people.erase.
  'app.erase_traces(uuid,text,uuid,uuid)',
  'app.erasure_stand_in(uuid,text,uuid)',
  'app.participant_lookup(uuid)',
  'app.participants_for_viewers(uuid)',
];

let world: World;
let seed: CourseSeed;
/** The participant with values in every hidden column, enrolled on a course. */
let mette: string;

beforeAll(async () => {
  world = await createWorld();
  seed = await privileged((tx) => seedCourses(tx, world.tenant.id, null));
  mette = seed.participants.first;
  await privileged((tx) =>
    tx.query(
      `update public.participants set contact = $2, note = $3, birth_year = $4, consent_on = $5, referred_by = 'psychiatry', status = 'active'
       where id = $1`,
      [mette, HIDDEN.contact, HIDDEN.note, HIDDEN.birthYear, HIDDEN.consentOn],
    ),
  );
});

const asViewer = (sql: string, params: unknown[] = []) =>
  as(world.users.viewer, (tx) => tx.query<Record<string, unknown>>(sql, params));

describe('a viewer', () => {
  it('reads no row of public.participants, whichever columns are asked for', async () => {
    expect(await asViewer('select * from public.participants')).toEqual([]);
    expect(await asViewer('select contact, note, birth_year, consent_on from public.participants')).toEqual([]);
    expect(await asViewer('select count(*)::int as n from public.participants where note is not null')).toEqual([
      { n: 0 },
    ]);
  });

  it('gets the summary the decision allows from app.participants_for_viewers, nothing more', async () => {
    const rows = await asViewer('select * from app.participants_for_viewers($1) order by first_name', [
      world.tenant.id,
    ]);
    expect(rows).toHaveLength(3);
    expect(Object.keys(rows[0]!).sort()).toEqual(
      ['consent_given', 'first_name', 'id', 'referred_by', 'status', 'tenant_id', 'version'].sort(),
    );
    expect(rows.find((r) => r.id === mette)).toMatchObject({
      first_name: 'Mette',
      referred_by: 'psychiatry',
      status: 'active',
      consent_given: true,
    });
    expect(rows.find((r) => r.id === seed.participants.second)).toMatchObject({ consent_given: false });
    expect(leaks(rows)).toEqual([]);
  });

  it('gets first names without birth years as lookup candidates, where a coordinator gets both', async () => {
    const sql = 'select id, label, detail from app.participant_lookup($1) where id = $2';
    expect(await asViewer(sql, [world.tenant.id, mette])).toEqual([{ id: mette, label: 'Mette', detail: null }]);
    expect(await as(world.users.coordinator, (tx) => tx.query(sql, [world.tenant.id, mette]))).toEqual([
      { id: mette, label: 'Mette', detail: String(HIDDEN.birthYear) },
    ]);
  });

  it("gets a course's participants by first name only", async () => {
    const rows = await asViewer('select * from app.course_participants($1, $2)', [
      world.tenant.id,
      seed.courses.led.id,
    ]);
    expect(rows.map((r) => Object.keys(r).sort())).toEqual([
      ['first_name', 'id'],
      ['first_name', 'id'],
    ]);
    expect(leaks(rows)).toEqual([]);
  });

  it("cannot read the audit trail, which holds participants' changes", async () => {
    const audited = await privileged((tx) =>
      tx.query("select 1 from public.audit_log where table_name = 'participants' and tenant_id = $1", [
        world.tenant.id,
      ]),
    );
    expect(audited.length).toBeGreaterThan(0);
    expect(await asViewer('select * from public.audit_log')).toEqual([]);
  });

  it('finds nothing through any view of the public or app schema', async () => {
    const views = await privileged((tx) =>
      tx.query<{ name: string }>(
        `select format('%I.%I', n.nspname, c.relname) as name from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname in ('public', 'app') and c.relkind in ('v', 'm') and has_table_privilege('authenticated', c.oid, 'SELECT')`,
      ),
    );
    for (const { name } of views) expect(leaks(await asViewer(`select * from ${name}`)), name).toEqual([]);
  });

  it('gets nothing from other workspaces through the summary functions', async () => {
    expect(await asViewer('select * from app.participants_for_viewers($1)', [world.other.id])).toEqual([]);
    expect(await asViewer('select * from app.participant_lookup($1)', [world.other.id])).toEqual([]);
  });
});

describe('peers, strangers and anonymous callers', () => {
  it('get no summary: it is for those who may read rosters', async () => {
    for (const user of [world.users.peer, world.users.stranger]) {
      expect(
        await as(user, (tx) => tx.query('select * from app.participants_for_viewers($1)', [world.tenant.id])),
      ).toEqual([]);
      expect(await as(user, (tx) => tx.query('select * from app.participant_lookup($1)', [world.tenant.id]))).toEqual(
        [],
      );
    }
    await expect(
      as(null, (tx) => tx.query('select * from app.participants_for_viewers($1)', [world.tenant.id])),
    ).rejects.toThrow(/permission denied/);
  });
});

describe('the catalogue', () => {
  it('has no other function the API role may call that reads participants', async () => {
    const functions = await privileged((tx) =>
      tx.query<{ name: string }>(
        `select replace(p.oid::regprocedure::text, ' ', '') as name
         from pg_proc p join pg_namespace n on n.oid = p.pronamespace
         where n.nspname in ('public', 'app') and p.prosecdef
           and has_function_privilege('authenticated', p.oid, 'EXECUTE')
           and p.prosrc ~ 'public\\.participants\\M'
         order by 1`,
      ),
    );
    expect(functions.map((f) => f.name)).toEqual(PARTICIPANT_FUNCTIONS);
  });
});
