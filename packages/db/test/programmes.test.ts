import { beforeEach, describe, expect, it } from 'vitest';
import { as, createWorld, privileged, type World } from '../src/testing/index.ts';
import type { Tx } from '../src/tx.ts';
import { rlsMatrix } from '../src/testing/rls-matrix.ts';

const id = async (tx: Tx, sql: string, params: unknown[]) => (await tx.one<{ id: string }>(sql, params))!.id;

const addProgramme = (tx: Tx, tenantId: string, name = 'Sammen om recovery') =>
  id(
    tx,
    `insert into public.programmes (tenant_id, name, funder_kind, funder_name, grant_amount, total_budget, starts_on, ends_on)
     values ($1, $2, 'regional_pool', 'Region Hovedstaden', 415686, 853986, date '2026-01-01', date '2027-12-31') returning id`,
    [tenantId, name],
  );

/** Programmes and everything under them: readers read, editors edit, peers see nothing. */
const EXPECT = {
  owner: 'edit',
  admin: 'edit',
  coordinator: 'edit',
  peer: 'none',
  viewer: 'read',
  stranger: 'edit',
  regionMember: 'edit',
  twoHats: { tenant: 'edit', other: 'read' },
  anonymous: 'none',
} as const;

const programmes = new Map<string, string>();
const seedProgramme = async (tx: Tx, tenantId: string) => {
  const programme = await addProgramme(tx, tenantId);
  programmes.set(tenantId, programme);
  return programme;
};

rlsMatrix({
  table: 'public.programmes',
  seed: async (tx, tenantId) => ({ id: await seedProgramme(tx, tenantId) }),
  insert: (tenantId) => ({
    sql: `insert into public.programmes (tenant_id, name, funder_kind, starts_on, ends_on)
          values ($1, 'Nyt program', 'foundation', date '2026-01-01', date '2026-12-31') returning id`,
    params: [tenantId],
  }),
  update: { sql: 'update public.programmes set grant_amount = 1000 where id = $1 returning id' },
  delete: true,
  expect: EXPECT,
});

rlsMatrix({
  table: 'public.programme_partners',
  seed: async (tx, tenantId) => ({
    id: await id(
      tx,
      "insert into public.programme_partners (tenant_id, programme_id, name) values ($1, $2, 'Recovery Lab') returning id",
      [tenantId, await seedProgramme(tx, tenantId)],
    ),
  }),
  insert: (tenantId) => ({
    sql: "insert into public.programme_partners (tenant_id, programme_id, name) values ($1, $2, 'Ambulatoriet') returning id",
    params: [tenantId, programmes.get(tenantId)],
  }),
  update: { sql: "update public.programme_partners set name = 'Psykiatrisk Ambulatorium' where id = $1 returning id" },
  delete: true,
  expect: EXPECT,
});

rlsMatrix({
  table: 'public.programme_goals',
  seed: async (tx, tenantId) => ({
    id: await id(
      tx,
      `insert into public.programme_goals (tenant_id, programme_id, metric, target_min, target_max, due_on)
       values ($1, $2, 'participants_reached', 40, 50, date '2027-12-31') returning id`,
      [tenantId, await seedProgramme(tx, tenantId)],
    ),
  }),
  insert: (tenantId) => ({
    sql: `insert into public.programme_goals (tenant_id, programme_id, metric, target_min, due_on)
          values ($1, $2, 'sessions_held', 20, date '2026-12-31') returning id`,
    params: [tenantId, programmes.get(tenantId)],
  }),
  update: { sql: 'update public.programme_goals set target_max = 60 where id = $1 returning id' },
  delete: true,
  expect: EXPECT,
});

rlsMatrix({
  table: 'public.programme_reports',
  seed: async (tx, tenantId) => ({
    id: await id(
      tx,
      `insert into public.programme_reports (tenant_id, programme_id, period_from, period_to, language, narrative)
       values ($1, $2, date '2026-01-01', date '2026-12-31', 'da', 'Året gik godt.') returning id`,
      [tenantId, await seedProgramme(tx, tenantId)],
    ),
  }),
  insert: (tenantId) => ({
    sql: `insert into public.programme_reports (tenant_id, programme_id, period_from, period_to, language, narrative)
          values ($1, $2, date '2026-01-01', date '2026-12-31', 'en', 'A good year.') returning id`,
    params: [tenantId, programmes.get(tenantId)],
  }),
  update: { sql: "update public.programme_reports set narrative = 'Et godt år.' where id = $1 returning id" },
  delete: true,
  expect: EXPECT,
});

type Progress = { metric: string; value: number | null };

/** A programme with one course of three sessions and `participants` enrolled, all in 2026. */
async function seedActivity(tenantId: string, participants: number) {
  return privileged(async (tx) => {
    const programme = await addProgramme(tx, tenantId);
    const volunteer = await id(
      tx,
      "insert into public.volunteers (tenant_id, name, status, start_date) values ($1, 'Ali', 'active', date '2025-12-01') returning id",
      [tenantId],
    );
    const course = await id(
      tx,
      `insert into public.courses (tenant_id, name, facilitator_id, programme_id) values ($1, 'Vejen til hverdagslivet', $2, $3) returning id`,
      [tenantId, volunteer, programme],
    );
    const sessions: string[] = [];
    for (const day of ['2026-02-03', '2026-02-10', '2026-02-17']) {
      sessions.push(
        await id(
          tx,
          "insert into public.course_sessions (tenant_id, course_id, held_on, status) values ($1, $2, $3, 'held') returning id",
          [tenantId, course, day],
        ),
      );
    }
    const people: string[] = [];
    for (let i = 0; i < participants; i++) {
      const participant = await id(
        tx,
        'insert into public.participants (tenant_id, first_name) values ($1, $2) returning id',
        [tenantId, `Deltager ${i}`],
      );
      await tx.query('insert into public.enrolments (tenant_id, course_id, participant_id) values ($1, $2, $3)', [
        tenantId,
        course,
        participant,
      ]);
      people.push(participant);
    }
    for (const goal of [
      ['participants_reached', 40, 50],
      ['sessions_held', 10, null],
      ['attendance_rate', 75, null],
      ['volunteers_active', 6, 8],
    ] as const) {
      await tx.query(
        `insert into public.programme_goals (tenant_id, programme_id, metric, target_min, target_max, due_on)
         values ($1, $2, $3, $4, $5, date '2027-12-31')`,
        [tenantId, programme, ...goal],
      );
    }
    return { programme, course, sessions, people };
  });
}

const mark = (tenantId: string, course: string, session: string, participant: string, status: string) =>
  privileged((tx) =>
    tx.query(
      `insert into public.attendance (tenant_id, course_id, session_id, participant_id, status) values ($1, $2, $3, $4, $5)
       on conflict (tenant_id, session_id, participant_id) do update set status = excluded.status`,
      [tenantId, course, session, participant, status],
    ),
  );

const byMetric = (rows: Progress[]) => Object.fromEntries(rows.map((r) => [r.metric, r.value]));

describe('goal progress is computed from the records', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });

  const progress = (programme: string, user = world.users.coordinator) =>
    as(user, (tx) => tx.query<Progress>('select metric, value from app.programme_goal_progress($1)', [programme])).then(
      byMetric,
    );

  it('counts held sessions, participants present, the attendance rate and the facilitator', async () => {
    const a = await seedActivity(world.tenant.id, 2);
    expect(await progress(a.programme)).toEqual({
      participants_reached: 0,
      sessions_held: 3,
      attendance_rate: null,
      volunteers_active: 1,
    });
    await mark(world.tenant.id, a.course, a.sessions[0]!, a.people[0]!, 'present');
    await mark(world.tenant.id, a.course, a.sessions[0]!, a.people[1]!, 'absent');
    expect(await progress(a.programme)).toMatchObject({ participants_reached: 1, attendance_rate: 50 });
  });

  it('a change in attendance changes the progress', async () => {
    const a = await seedActivity(world.tenant.id, 2);
    await mark(world.tenant.id, a.course, a.sessions[0]!, a.people[0]!, 'present');
    await mark(world.tenant.id, a.course, a.sessions[0]!, a.people[1]!, 'no_show');
    expect(await progress(a.programme)).toMatchObject({ participants_reached: 1, attendance_rate: 50 });
    await mark(world.tenant.id, a.course, a.sessions[0]!, a.people[1]!, 'present');
    expect(await progress(a.programme)).toMatchObject({ participants_reached: 2, attendance_rate: 100 });
  });

  it("a session outside the goal's period, or one not held, does not count", async () => {
    const a = await seedActivity(world.tenant.id, 1);
    await privileged((tx) =>
      tx.query("update public.course_sessions set status = 'planned' where id = $1", [a.sessions[2]]),
    );
    await privileged((tx) =>
      tx.query("update public.course_sessions set held_on = date '2028-02-01' where id = $1", [a.sessions[1]]),
    );
    expect(await progress(a.programme)).toMatchObject({ sessions_held: 1 });
  });

  it('counts volunteers who completed peer education within the period, dated when ticked', async () => {
    const programme = await privileged((tx) => addProgramme(tx, world.tenant.id));
    await privileged((tx) =>
      tx.query(
        `insert into public.programme_goals (tenant_id, programme_id, metric, target_min, target_max, due_on)
         values ($1, $2, 'volunteers_peer_educated', 10, 15, date '2027-12-31')`,
        [world.tenant.id, programme],
      ),
    );
    const [early, ticked] = await privileged(async (tx) => [
      await id(
        tx,
        `insert into public.volunteers (tenant_id, name, peer_education, peer_education_completed_on)
         values ($1, 'Før', 'completed', date '2025-06-01') returning id`,
        [world.tenant.id],
      ),
      await id(tx, "insert into public.volunteers (tenant_id, name) values ($1, 'Nu') returning id", [world.tenant.id]),
    ]);
    expect(early).toBeTruthy();
    expect(await progress(programme)).toEqual({ volunteers_peer_educated: 0 });
    await privileged((tx) =>
      tx.query("update public.volunteers set peer_education = 'completed' where id = $1", [ticked]),
    );
    // The trigger dates it today, inside the programme's 2026-2027 period.
    expect(await progress(programme)).toEqual({ volunteers_peer_educated: 1 });
  });

  it('a peer, a stranger and the funding region get nothing through the invoker function', async () => {
    const a = await seedActivity(world.tenant.id, 1);
    for (const user of [world.users.peer, world.users.stranger, world.users.regionMember]) {
      expect(await progress(a.programme, user)).toEqual({});
    }
  });
});

type Funded = { programme_name: string; metric: string; value: number | null; suppressed: boolean };

describe('aggregates.funded_goal_progress: what the funding region sees', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });

  const funded = (user = world.users.regionMember) =>
    as(user, (tx) =>
      tx.query<Funded>(
        "select programme_name, metric::text, value, suppressed from aggregates.funded_goal_progress($1, date '2026-01-01', date '2027-12-31')",
        [world.region.id],
      ),
    );
  const fundBy = (programme: string, region: string | null) =>
    privileged((tx) =>
      tx.query('update public.programmes set funder_tenant_id = $2 where id = $1', [programme, region]),
    );
  const presentAll = async (a: Awaited<ReturnType<typeof seedActivity>>) => {
    for (const s of a.sessions) for (const p of a.people) await mark(world.tenant.id, a.course, s, p, 'present');
  };

  it('returns counts of 5 and more, and suppresses 1 to 4 as null', async () => {
    const a = await seedActivity(world.tenant.id, 6);
    await fundBy(a.programme, world.region.id);
    await presentAll(a);
    const rows = await funded();
    const of = (metric: string) => rows.find((r) => r.metric === metric);
    expect(of('participants_reached')).toMatchObject({ value: 6, suppressed: false });
    expect(of('sessions_held')).toMatchObject({ value: null, suppressed: true });
    expect(of('volunteers_active')).toMatchObject({ value: null, suppressed: true });
    expect(of('attendance_rate')).toMatchObject({ value: 100, suppressed: false });
  });

  it('suppresses an attendance rate that rests on fewer than five marks', async () => {
    const a = await seedActivity(world.tenant.id, 1);
    await fundBy(a.programme, world.region.id);
    await presentAll(a);
    const rate = (await funded()).find((r) => r.metric === 'attendance_rate');
    expect(rate).toMatchObject({ value: null, suppressed: true });
  });

  it('returns nothing without an active partnership', async () => {
    const a = await seedActivity(world.tenant.id, 6);
    await fundBy(a.programme, world.region.id);
    expect(await funded()).toHaveLength(4);
    await privileged((tx) =>
      tx.query("update public.partnerships set status = 'ended', ended_on = current_date where tenant_id = $1", [
        world.region.id,
      ]),
    );
    expect(await funded()).toEqual([]);
    await privileged((tx) =>
      tx.query("update public.partnerships set status = 'proposed', ended_on = null where tenant_id = $1", [
        world.region.id,
      ]),
    );
    expect(await funded()).toEqual([]);
  });

  it('returns nothing for a programme the region does not fund', async () => {
    const a = await seedActivity(world.tenant.id, 6);
    await fundBy(a.programme, null);
    expect(await funded()).toEqual([]);
  });

  it('returns nothing to anyone who is not a member of the region', async () => {
    const a = await seedActivity(world.tenant.id, 6);
    await fundBy(a.programme, world.region.id);
    for (const user of [world.users.coordinator, world.users.owner, world.users.stranger]) {
      expect(await funded(user)).toEqual([]);
    }
    await expect(
      as(null, (tx) =>
        tx.query("select * from aggregates.funded_goal_progress($1, date '2026-01-01', date '2026-12-31')", [
          world.region.id,
        ]),
      ),
    ).rejects.toThrow(/permission denied/);
  });

  it('the region member still cannot read a programme row', async () => {
    const a = await seedActivity(world.tenant.id, 6);
    await fundBy(a.programme, world.region.id);
    const rows = await as(world.users.regionMember, (tx) =>
      tx.query('select id from public.programmes union all select id from public.programme_goals'),
    );
    expect(rows).toEqual([]);
  });
});

describe('which programme a course belongs to', () => {
  it('is chosen by those who manage programmes, not by the peer who facilitates the course', async () => {
    const world = await createWorld();
    const { programme, course } = await privileged(async (tx) => {
      const programme = await addProgramme(tx, world.tenant.id);
      const ali = await id(
        tx,
        "insert into public.volunteers (tenant_id, name, status, user_id) values ($1, 'Ali', 'active', $2) returning id",
        [world.tenant.id, world.users.peer.id],
      );
      const course = await id(
        tx,
        "insert into public.courses (tenant_id, name, facilitator_id) values ($1, 'Café', $2) returning id",
        [world.tenant.id, ali],
      );
      return { programme, course };
    });
    const link = (user: World['users'][keyof World['users']]) =>
      as(user, (tx) =>
        tx.query('update public.courses set programme_id = $2 where id = $1 returning id', [course, programme]),
      );
    await expect(link(world.users.peer)).rejects.toThrow('programme_set_by_coordinators');
    // The peer still edits the rest of their course.
    expect(
      await as(world.users.peer, (tx) =>
        tx.query("update public.courses set note = 'Husk kage' where id = $1 returning id", [course]),
      ),
    ).toHaveLength(1);
    expect(await link(world.users.coordinator)).toHaveLength(1);
  });
});
