import { beforeEach, describe, expect, it } from 'vitest';
import type { Tx } from '../src/tx.ts';
import {
  as,
  createWorld,
  privileged,
  REFUSED,
  seedPartnerActivity,
  userOf,
  type Actor,
  type World,
} from '../src/testing/index.ts';

/**
 * app.session_tallies and app.participant_quarters (migration 20261129150000): summaries the
 * region dashboard reads instead of every attendance mark, kept by statement-level triggers on
 * attendance and course_sessions. They must always equal a recount from the raw tables, and no
 * request may read or write them: only the dashboard's security definer function does.
 */

const SUMMARIES = ['app.session_tallies', 'app.participant_quarters'] as const;

/** What the summaries should hold for one workspace, counted from the raw tables. */
const RECOUNT = {
  'app.session_tallies': `
    select s.id::text as session_id, s.held_on::text as held_on, s.status = 'cancelled' as cancelled,
      (count(a.id) filter (where a.status = 'present'))::int as present,
      (count(a.id) filter (where a.status in ('present', 'absent', 'no_show')))::int as expected
    from public.course_sessions s left join public.attendance a on a.tenant_id = s.tenant_id and a.session_id = s.id
    where s.tenant_id = $1 group by s.tenant_id, s.id order by 1`,
  'app.participant_quarters': `
    select date_trunc('quarter', s.held_on)::date::text as quarter, a.participant_id::text as participant_id,
      count(*)::int as sessions_present
    from public.attendance a join public.course_sessions s on s.tenant_id = a.tenant_id and s.id = a.session_id
    where a.tenant_id = $1 and a.status = 'present' and s.status <> 'cancelled'
    group by 1, 2 order by 1, 2`,
};
const STORED = {
  'app.session_tallies': `
    select session_id::text, held_on::text, cancelled, present, expected
    from app.session_tallies where tenant_id = $1 order by 1`,
  'app.participant_quarters': `
    select quarter::text, participant_id::text, sessions_present
    from app.participant_quarters where tenant_id = $1 order by 1, 2`,
};

async function expectSummariesMatchRecount(tenantId: string, after = 'the seed') {
  await privileged(async (tx) => {
    for (const table of SUMMARIES) {
      const stored = await tx.query(STORED[table], [tenantId]);
      expect(stored, `${table} against a recount, after ${after}`).toEqual(await tx.query(RECOUNT[table], [tenantId]));
    }
  });
}

/** A small deterministic generator (mulberry32), so a failing mix can be replayed from its seed. */
function random(seed: number) {
  let a = seed;
  const next = () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
  const int = (n: number) => Math.floor(next() * n);
  const pick = <T>(items: readonly T[]): T => items[int(items.length)]!;
  const some = <T>(items: readonly T[], share: number) => items.filter(() => next() < share);
  return { int, pick, some };
}

const STATUSES = ['present', 'absent', 'cancelled', 'no_show'] as const;
/** Days across five quarters, so moves cross quarter boundaries both ways. */
const DAYS = ['2025-12-30', '2026-01-02', '2026-03-31', '2026-04-01', '2026-06-15', '2026-07-01', '2026-10-05'];

type Slot = { course_id: string; session_id: string; participant_id: string; marked: boolean };

let world: World;

beforeEach(async () => {
  world = await createWorld();
  await seedPartnerActivity(world.tenant.id, {
    courses: 3,
    perCourse: 6,
    absentPerCourse: 1,
    sessions: 8,
    firstDay: '2026-03-02',
    everyDays: 9,
    volunteers: 0,
    matches: 0,
    startedOn: '2026-01-01',
  });
});

describe('the summaries equal a recount from the raw tables', () => {
  it('after the seed (sessions and marks inserted by one statement)', async () => {
    await expectSummariesMatchRecount(world.tenant.id);
    // Not vacuous: 3 courses × 8 sessions, and 3 × 5 participants present in two quarters.
    const counts = await privileged((tx) =>
      tx.one<{ sessions: number; participants: number }>(
        `select (select count(*)::int from app.session_tallies where tenant_id = $1) as sessions,
                (select count(*)::int from app.participant_quarters where tenant_id = $1) as participants`,
        [world.tenant.id],
      ),
    );
    expect(counts).toEqual({ sessions: 24, participants: 30 });
  });

  for (const seed of [1, 2, 3]) {
    it(`after a random mix of marks inserted, changed, moved and cleared, sessions moved, cancelled, added and deleted (seed ${seed})`, async () => {
      const r = random(seed);
      const coordinator = world.users.coordinator;
      const slots = () =>
        privileged((tx) =>
          tx.query<Slot>(
            `select s.course_id, s.id as session_id, e.participant_id, a.id is not null as marked
             from public.course_sessions s
             join public.enrolments e on e.tenant_id = s.tenant_id and e.course_id = s.course_id
             left join public.attendance a on a.tenant_id = s.tenant_id and a.session_id = s.id and a.participant_id = e.participant_id
             where s.tenant_id = $1 order by 1, 2, 3`,
            [world.tenant.id],
          ),
        );
      const sessions = async () => [...new Set((await slots()).map((s) => s.session_id))];
      const values = (rows: unknown[][]) => ({
        sql: rows.map((row, i) => `(${row.map((_, j) => `$${i * row.length + j + 2}`).join(', ')})`).join(', '),
        params: rows.flat(),
      });

      const steps: Record<string, (tx: Tx) => Promise<unknown>> = {
        async insertMarks(tx) {
          const free = r.some(
            (await slots()).filter((s) => !s.marked),
            0.3,
          );
          if (!free.length) return;
          const v = values(free.map((s) => [s.course_id, s.session_id, s.participant_id, r.pick(STATUSES)]));
          await tx.query(
            `insert into public.attendance (tenant_id, course_id, session_id, participant_id, status)
             select $1, c::uuid, s::uuid, p::uuid, st::public.attendance_status from (values ${v.sql}) x (c, s, p, st)`,
            [world.tenant.id, ...v.params],
          );
        },
        async changeMarks(tx) {
          const marked = r.some(
            (await slots()).filter((s) => s.marked),
            0.3,
          );
          if (!marked.length) return;
          const v = values(marked.map((s) => [s.session_id, s.participant_id, r.pick(STATUSES)]));
          await tx.query(
            `update public.attendance a set status = x.st::public.attendance_status
             from (values ${v.sql}) x (s, p, st)
             where a.tenant_id = $1 and a.session_id = x.s::uuid and a.participant_id = x.p::uuid`,
            [world.tenant.id, ...v.params],
          );
        },
        async clearMarks(tx) {
          const marked = r.some(
            (await slots()).filter((s) => s.marked),
            0.15,
          );
          if (!marked.length) return;
          const v = values(marked.map((s) => [s.session_id, s.participant_id]));
          await tx.query(
            `delete from public.attendance a using (values ${v.sql}) x (s, p)
             where a.tenant_id = $1 and a.session_id = x.s::uuid and a.participant_id = x.p::uuid`,
            [world.tenant.id, ...v.params],
          );
        },
        async moveMarksToAnotherParticipant(tx) {
          // As erasure does when it hands a person's participation to an anonymous stand-in.
          const all = await slots();
          const free = all.filter((s) => !s.marked);
          const moves = r
            .some(
              all.filter((s) => s.marked),
              0.2,
            )
            .map((from) => ({ from, to: free.find((f) => f.session_id === from.session_id) }))
            .filter((m) => m.to);
          const taken = new Set<string>();
          for (const { from, to } of moves) {
            if (taken.has(to!.session_id + to!.participant_id)) continue;
            taken.add(to!.session_id + to!.participant_id);
            await tx.query(
              'update public.attendance set participant_id = $4 where tenant_id = $1 and session_id = $2 and participant_id = $3',
              [world.tenant.id, from.session_id, from.participant_id, to!.participant_id],
            );
          }
        },
        async moveSessions(tx) {
          for (const id of r.some(await sessions(), 0.25)) {
            await tx.query('update public.course_sessions set held_on = $3 where tenant_id = $1 and id = $2', [
              world.tenant.id,
              id,
              r.pick(DAYS),
            ]);
          }
        },
        async cancelOrResume(tx) {
          const picked = r.some(await sessions(), 0.2);
          if (!picked.length) return;
          // One statement for many sessions, some cancelled and some held again.
          await tx.query(
            `update public.course_sessions set status = case when status = 'cancelled' then 'held' else 'cancelled' end::public.session_status
             where tenant_id = $1 and id = any ($2::uuid[])`,
            [world.tenant.id, picked],
          );
        },
        async addSessionWithMarks(tx) {
          // Session and marks in one statement, like the seed: the attendance trigger may fire first.
          const course = r.pick(await slots()).course_id;
          await tx.query(
            `with s as (
               insert into public.course_sessions (tenant_id, course_id, held_on, status)
               values ($1, $2, $3, 'held') returning tenant_id, course_id, id
             )
             insert into public.attendance (tenant_id, course_id, session_id, participant_id, status)
             select s.tenant_id, s.course_id, s.id, e.participant_id, 'present'
             from s join public.enrolments e on e.tenant_id = s.tenant_id and e.course_id = s.course_id`,
            [world.tenant.id, course, r.pick(DAYS)],
          );
        },
        async deleteSessionWithCancelledMarks(tx) {
          // Only a session nobody came to may go (app.keep_attended_session); its cancelled marks go with it.
          const id = r.pick(await sessions());
          await tx.query("update public.course_sessions set status = 'cancelled' where tenant_id = $1 and id = $2", [
            world.tenant.id,
            id,
          ]);
          await tx.query(
            "delete from public.attendance where tenant_id = $1 and session_id = $2 and status <> 'cancelled'",
            [world.tenant.id, id],
          );
          await tx.query('delete from public.course_sessions where tenant_id = $1 and id = $2', [world.tenant.id, id]);
        },
        async endEnrolment(tx) {
          // Removing an enrolment removes its marks by cascade.
          const slot = r.pick(await slots());
          await tx.query(
            'delete from public.enrolments where tenant_id = $1 and course_id = $2 and participant_id = $3',
            [world.tenant.id, slot.course_id, slot.participant_id],
          );
        },
      };

      const names = Object.keys(steps);
      // Every step at least once, then a random sequence.
      for (let round = 0; round < 30; round++) {
        const name = round < names.length ? names[round]! : r.pick(names);
        // Coordinators write under RLS, as the roster saves do; the privileged path fires the same triggers.
        const run = (tx: Tx) => steps[name]!(tx);
        await (round % 3 === 0 ? privileged(run) : as(coordinator, run));
        await expectSummariesMatchRecount(world.tenant.id, `round ${round}: ${name}`);
      }
      // Finally a whole course goes: its sessions and their marks by cascade.
      await as(world.users.owner, (tx) =>
        tx.query(
          'delete from public.courses where tenant_id = $1 and id = (select min(course_id::text)::uuid from public.course_sessions where tenant_id = $1)',
          [world.tenant.id],
        ),
      );
      await expectSummariesMatchRecount(world.tenant.id, 'deleting a course');
    });
  }
});

it('deleting a workspace deletes its summaries with it', async () => {
  await privileged((tx) => tx.query('delete from public.tenants where id = $1', [world.tenant.id]));
  const left = await privileged((tx) =>
    tx.one<{ n: number }>(
      `select ((select count(*) from app.session_tallies where tenant_id = $1)
             + (select count(*) from app.participant_quarters where tenant_id = $1))::int as n`,
      [world.tenant.id],
    ),
  );
  expect(left).toEqual({ n: 0 });
});

describe('nobody reads or writes the summaries directly', () => {
  const actors: Actor[] = ['owner', 'admin', 'coordinator', 'peer', 'viewer', 'stranger', 'regionMember', 'anonymous'];
  for (const table of SUMMARIES) {
    for (const actor of actors) {
      it(`${table}: ${actor} can neither select, insert, update nor delete`, async () => {
        const key = table === 'app.session_tallies' ? 'session_id' : 'participant_id';
        const before = await privileged((tx) =>
          tx.query(`select * from ${table} where tenant_id = $1 order by ${key}`, [world.tenant.id]),
        );
        expect(before.length).toBeGreaterThan(0);
        const user = userOf(world, actor);
        const tries = [
          `select ${key} from ${table}`,
          `select ${key} from ${table} where tenant_id = '${world.tenant.id}'`,
          `update ${table} set tenant_id = tenant_id returning ${key}`,
          `delete from ${table} returning ${key}`,
          table === 'app.session_tallies'
            ? `insert into ${table} (tenant_id, session_id, held_on, cancelled) values ('${world.tenant.id}', gen_random_uuid(), current_date, false) returning session_id`
            : `insert into ${table} (tenant_id, quarter, participant_id, sessions_present) values ('${world.tenant.id}', '2026-01-01', gen_random_uuid(), 1) returning participant_id`,
        ];
        for (const sql of tries) await expect(as(user, (tx) => tx.query(sql))).rejects.toThrow(REFUSED);
        expect(
          await privileged((tx) =>
            tx.query(`select * from ${table} where tenant_id = $1 order by ${key}`, [world.tenant.id]),
          ),
        ).toEqual(before);
      });
    }
  }

  it('row-level security is on with no policy: even a role granted select would see no row', async () => {
    const rows = await privileged((tx) =>
      tx.query<{ name: string; rls: boolean; policies: number }>(
        `select c.relname::text as name, c.relrowsecurity as rls,
           (select count(*)::int from pg_policy p where p.polrelid = c.oid) as policies
         from pg_class c join pg_namespace n on n.oid = c.relnamespace
         where n.nspname = 'app' and c.relname in ('session_tallies', 'participant_quarters') order by 1`,
      ),
    );
    expect(rows).toEqual([
      { name: 'participant_quarters', rls: true, policies: 0 },
      { name: 'session_tallies', rls: true, policies: 0 },
    ]);
  });
});
