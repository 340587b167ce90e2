import { beforeAll, describe, expect, it } from 'vitest';
import pg from 'pg';
import { getPools } from '@brobygger/db';
import { as, createWorld, privileged, type World } from '@brobygger/db/testing';
import type { DerivedRoster, ReadView } from '../src/rosters/kit/define.ts';
import { rosterRepository } from '../src/rosters/repository.ts';
import { ROSTERS } from '../src/rosters/registry.ts';
import { grantOf } from '../src/permissions.ts';
import { JsonTextSplicer } from '../src/json-text.ts';
import { callerFor } from './helpers.ts';

/**
 * `list` reads each row as one JSON text (docs/decisions/035). That is only the same as the
 * driver's own conversion for column types whose JSON is the driver's value. These tests hold
 * every roster to those types, and compare the two readings on rows with every kind of field.
 */

const { builtins } = pg.types;
/** Types the driver gives as the string, number, boolean or array JSON gives too. */
const SAME_AS_JSON = new Set<number>([
  builtins.TEXT,
  builtins.VARCHAR,
  builtins.UUID,
  builtins.BOOL,
  builtins.INT2,
  builtins.INT4,
  builtins.FLOAT8,
  builtins.DATE, // the app reads dates as 'YYYY-MM-DD' strings (pools.ts), as JSON writes them
  1009, // text[]
  2951, // uuid[]
]);

async function enumTypes(): Promise<Set<number>> {
  const rows = await privileged((tx) => tx.query<{ oid: number }>("select oid::int from pg_type where typtype = 'e'"));
  return new Set(rows.map((r) => r.oid));
}

/** The statement's column types, without rows (limit 0), under the API's view of the roster. */
async function columnTypesOf(roster: DerivedRoster, view: ReadView) {
  const repo = rosterRepository(roster);
  const zero = '00000000-0000-4000-8000-000000000000';
  const client = await getPools().admin.connect();
  try {
    const result = await client.query(
      `select * from (${repo.listSql(view, false)}) r limit 0`,
      repo.scopeParams({ tenantId: zero, parentId: zero }),
    );
    return result.fields.map((f) => ({ name: f.name, type: f.dataTypeID }));
  } finally {
    client.release();
  }
}

describe('a roster list read as JSON', () => {
  it('reads only columns whose JSON is what the driver would give, in every roster and view', async () => {
    const enums = await enumTypes();
    const odd: string[] = [];
    for (const [name, roster] of Object.entries(ROSTERS) as [string, DerivedRoster][]) {
      const views: ReadView[] = roster.definition.partialRead ? ['full', 'partial'] : ['full'];
      for (const view of views)
        for (const column of await columnTypesOf(roster, view))
          if (!SAME_AS_JSON.has(column.type) && !enums.has(column.type))
            odd.push(`${name}.${column.name} (${view}): type ${column.type}`);
    }
    expect(odd).toEqual([]);
  });

  describe('gives the same rows as the driver', () => {
    let world: World;
    beforeAll(async () => {
      world = await createWorld();
      await privileged(async (tx) => {
        // Every kind of volunteer field: text with quotes and a backslash, dates, booleans, an
        // enum, a text array, and nulls.
        await tx.query(
          `insert into public.volunteers (tenant_id, name, email, phone, status, start_date, record_check_ok,
             meets_children_under_15, peer_education, short_courses, note)
           values ($1, 'Åse "Ø" O''Brien \\ test', 'aase@example.dk', '+45 12 34 56 78', 'active', date '2026-02-03',
                   true, false, 'completed', array['first_aid', 'suicide_prevention'], e'to\\nlinjer'),
                  ($1, 'Bo', null, null, 'paused', null, null, true, 'none', '{}', null)`,
          [world.tenant.id],
        );
        await tx.query(
          "insert into public.participants (tenant_id, first_name, status, birth_year) values ($1, 'Mette', 'active', 1990)",
          [world.tenant.id],
        );
        // A course with a session at a time of day, and an expense with a decimal amount.
        const course = await tx.one<{ id: string }>(
          "insert into public.courses (tenant_id, name, kind) values ($1, 'Recovery-café', 'recovery_cafe') returning id",
          [world.tenant.id],
        );
        await tx.query(
          "insert into public.course_sessions (tenant_id, course_id, held_on, starts_at) values ($1, $2, date '2026-03-04', time '17:30')",
          [world.tenant.id, course!.id],
        );
      });
    });

    it('for volunteers, participants, courses and their sessions, as a coordinator and as a peer', async () => {
      for (const [role, user] of [
        ['coordinator', world.users.coordinator],
        ['peer', world.users.peer],
      ] as const) {
        for (const name of ['volunteers', 'participants', 'courses'] as const) {
          const roster = ROSTERS[name] as DerivedRoster;
          const repo = rosterRepository(roster);
          const { api } = callerFor(user);
          const listed = await api[name].list({ tenant: world.tenant.slug });
          // As the procedure decides it: without the full-read action, the partial view (decision 015).
          const partial = roster.definition.partialRead;
          const view: ReadView = partial && grantOf(role, partial.fullRead) !== 'all' ? 'partial' : 'full';
          const driver = await as(user, (tx) =>
            tx.query(repo.listSql(view, false), repo.scopeParams({ tenantId: world.tenant.id })),
          );
          expect(listed.rows).toEqual(driver);
        }
      }
    });

    it('over HTTP, as the JSON text Postgres writes, equal to the rows read: for every roster that need not look into them', async () => {
      const passedThrough: string[] = [];
      for (const name of [
        'volunteers',
        'participants',
        'courses',
        'meetings',
        'matches',
        'expenses',
        'kmRates',
      ] as const) {
        for (const user of [world.users.coordinator, world.users.peer]) {
          for (const input of [{ tenant: world.tenant.slug }, { tenant: world.tenant.slug, limit: 1 }]) {
            const read = await callerFor(user).api[name].list(input);
            const jsonText = new JsonTextSplicer();
            const answer = await callerFor(user, 'da', { jsonText }).api[name].list(input);
            // What the browser gets either way: the answer serialised, stand-ins spliced.
            expect(JSON.parse(jsonText.splice(JSON.stringify(answer)))).toEqual(JSON.parse(JSON.stringify(read)));
            if (jsonText.holding) passedThrough.push(name);
          }
        }
      }
      // Volunteers pass through; participants are logged when read, so the server reads their rows.
      expect(passedThrough).toContain('volunteers');
      expect(passedThrough).not.toContain('participants');
    });

    it('for a child roster, the sessions of a course', async () => {
      const repo = rosterRepository(ROSTERS.courseSessions as DerivedRoster);
      const { api } = callerFor(world.users.coordinator);
      const [course] = (await api.courses.list({ tenant: world.tenant.slug })).rows;
      const listed = await api.courseSessions.list({ tenant: world.tenant.slug, parent: course!.id });
      const scope = { tenantId: world.tenant.id, parentId: course!.id };
      const driver = await as(world.users.coordinator, (tx) =>
        tx.query(repo.listSql('full', false), repo.scopeParams(scope)),
      );
      expect(listed.rows).toEqual(driver);
      expect(listed.rows).toEqual([expect.objectContaining({ heldOn: '2026-03-04', startsAt: '17:30' })]);
    });
  });
});
