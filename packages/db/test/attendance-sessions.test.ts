import { beforeEach, describe, expect, it } from 'vitest';
import { as, privileged, type TestUser, type World } from '../src/testing/index.ts';
import { expectNoWrite, expectRaised } from '../src/testing/assertions.ts';
import { createCourseWorld, type CourseSeed } from './course-fixtures.ts';

type Cell = { participant_id: string; session_id: string; status: string };

/**
 * Sessions moved, cancelled or added one at a time keep the attendance already recorded: moving
 * leaves every cell where it is, cancelling marks only the empty cells 'cancelled' (and undoing
 * it clears just those marks), adding leaves the others alone, and a session with attendance is
 * never deleted.
 */
describe('sessions changed one at a time', () => {
  let world: World;
  let seed: CourseSeed;

  beforeEach(async () => {
    let both;
    ({ world, seeds: both } = await createCourseWorld());
    seed = both.tenant;
  });

  const cellsOf = (courseId: string) =>
    privileged((tx) =>
      tx.query<Cell>(
        `select participant_id, session_id, status::text from public.attendance
         where tenant_id = $1 and course_id = $2 order by session_id, participant_id`,
        [world.tenant.id, courseId],
      ),
    );
  const setSession = (user: TestUser, sessionId: string, assignments: string) =>
    as(user, (tx) =>
      tx.query<{ id: string }>(`update public.course_sessions set ${assignments} where id = $1 returning id`, [
        sessionId,
      ]),
    );
  const { first, second } = { first: 'first', second: 'second' } as const;
  const cell = (who: typeof first | typeof second, session: string, status: string): Cell => ({
    participant_id: seed.participants[who],
    session_id: session,
    status,
  });
  const sorted = (cells: Cell[]) =>
    [...cells].sort((a, b) => (a.session_id + a.participant_id).localeCompare(b.session_id + b.participant_id));

  for (const actor of ['coordinator', 'peer'] as const) {
    it(`a ${actor} moves a session to another day and time: its attendance stays with it`, async () => {
      const { led } = seed.courses;
      const before = await cellsOf(led.id);
      expect(
        await setSession(world.users[actor], led.session, "held_on = date '2026-01-14', starts_at = time '18:00'"),
      ).toEqual([{ id: led.session }]);
      expect(await cellsOf(led.id)).toEqual(before);
      const moved = await privileged((tx) =>
        tx.one('select held_on::text, starts_at::text from public.course_sessions where id = $1', [led.session]),
      );
      expect(moved).toEqual({ held_on: '2026-01-14', starts_at: '18:00:00' });
    });
  }

  it('cancelling marks the empty cells cancelled and keeps what was recorded; undoing clears only the marks', async () => {
    const { led } = seed.courses;
    await setSession(world.users.peer, led.session, "status = 'cancelled'");
    expect(await cellsOf(led.id)).toEqual(
      sorted([cell(first, led.session, 'present'), cell(second, led.session, 'cancelled')]),
    );
    await setSession(world.users.peer, led.session, "status = 'planned'");
    expect(await cellsOf(led.id)).toEqual([cell(first, led.session, 'present')]);
  });

  it('cancelling marks only participants enrolled on the day', async () => {
    const { led } = seed.courses;
    await privileged((tx) =>
      tx.query(
        "update public.enrolments set ended_on = date '2026-01-20', status = 'dropped_out' where course_id = $1 and participant_id = $2",
        [led.id, seed.participants.second],
      ),
    );
    await setSession(world.users.coordinator, led.emptySession, "status = 'cancelled'");
    expect(await cellsOf(led.id)).toEqual(
      sorted([cell(first, led.session, 'present'), cell(first, led.emptySession, 'cancelled')]),
    );
  });

  it('a viewer cannot cancel a session, so no marks appear', async () => {
    const { led } = seed.courses;
    await expectNoWrite(setSession(world.users.viewer, led.session, "status = 'cancelled'"));
    expect(await cellsOf(led.id)).toEqual([cell(first, led.session, 'present')]);
  });

  it('a peer adds a session to their course and records it; the earlier attendance is untouched', async () => {
    const { led } = seed.courses;
    const added = await as(world.users.peer, (tx) =>
      tx.one<{ id: string }>(
        "insert into public.course_sessions (tenant_id, course_id, held_on, starts_at) values ($1, $2, date '2026-02-02', time '17:00') returning id",
        [world.tenant.id, led.id],
      ),
    );
    await as(world.users.peer, (tx) =>
      tx.query(
        "insert into public.attendance (tenant_id, course_id, session_id, participant_id, status) values ($1, $2, $3, $4, 'no_show')",
        [world.tenant.id, led.id, added!.id, seed.participants.second],
      ),
    );
    expect(await cellsOf(led.id)).toEqual(
      sorted([cell(first, led.session, 'present'), cell(second, added!.id, 'no_show')]),
    );
  });

  it('a session with recorded attendance cannot be deleted; an empty one can', async () => {
    const { led } = seed.courses;
    await expectRaised(
      as(world.users.coordinator, (tx) => tx.query('delete from public.course_sessions where id = $1', [led.session])),
      'session_has_attendance',
    );
    expect(await cellsOf(led.id)).toEqual([cell(first, led.session, 'present')]);
    expect(
      await as(world.users.coordinator, (tx) =>
        tx.query('delete from public.course_sessions where id = $1 returning id', [led.emptySession]),
      ),
    ).toEqual([{ id: led.emptySession }]);
  });

  it('a cancelled session whose only cells are the cancelled marks can be deleted', async () => {
    const { led } = seed.courses;
    await setSession(world.users.coordinator, led.emptySession, "status = 'cancelled'");
    expect(
      await as(world.users.coordinator, (tx) =>
        tx.query('delete from public.course_sessions where id = $1 returning id', [led.emptySession]),
      ),
    ).toEqual([{ id: led.emptySession }]);
    expect(await cellsOf(led.id)).toEqual([cell(first, led.session, 'present')]);
  });
});
