import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { addMember, createTenant, createUser, privileged, type TestTenant } from '@brobygger/db/testing';
import { serve, signInThrough, type TestServer } from './testing/serve.ts';

/*
 * Tenant isolation as an attacker meets it: the real server over HTTP, a real signed session
 * cookie, and /api/trpc calls about workspace A made by the owner of workspace B, passing A's
 * row ids (which an attacker might have learnt from a link or a log). Every call must answer
 * not found or nothing, and A's rows must be exactly as they were, on the privileged path.
 */

let server: TestServer;
let a: TestTenant;
let b: TestTenant;
/** Session cookies: B's owner (the attacker) and A's owner (the control that A's ids are real). */
let attacker: string;
let ownerOfA: string;
/** A's rows, by roster, and the things of A the member procedures act on. */
let ids: {
  volunteer: string;
  participant: string;
  course: string;
  courseSession: string;
  enrolment: string;
  attendance: string;
  membership: string;
  invitation: string;
};
/** B's own course, to try A's child rows under a parent the attacker may see. */
let courseOfB: string;
/** Workspace A as seeded, before any call. */
let before: Awaited<ReturnType<typeof everythingOfA>>;

type Answer = { status: number; body: { result?: { data: unknown }; error?: { message: string } } };

/** One tRPC call over HTTP, as the browser's client sends it (GET for queries, POST for mutations). */
async function trpc(cookie: string | null, kind: 'query' | 'mutation', path: string, input: unknown): Promise<Answer> {
  const headers: Record<string, string> = cookie ? { cookie } : {};
  const res =
    kind === 'query'
      ? await fetch(`${server.url}/api/trpc/${path}?input=${encodeURIComponent(JSON.stringify(input))}`, { headers })
      : await fetch(`${server.url}/api/trpc/${path}`, {
          method: 'POST',
          headers: { ...headers, 'content-type': 'application/json', origin: server.env.APP_URL },
          body: JSON.stringify(input),
        });
  return { status: res.status, body: (await res.json()) as Answer['body'] };
}

/** Everything of workspace A, row by row with versions and timestamps, on the privileged path. */
const TABLES = [
  'volunteers',
  'participants',
  'courses',
  'course_sessions',
  'enrolments',
  'attendance',
  'memberships',
  'invitations',
  'grid_preferences',
  'audit_log',
  'save_receipts',
];
const everythingOfA = () =>
  privileged(async (tx) => {
    const out: Record<string, unknown[]> = {};
    for (const table of TABLES) {
      out[table] = (
        await tx.query<{ row: unknown }>(
          `select to_jsonb(t) as row from public.${table} t where tenant_id = $1 order by to_jsonb(t)::text`,
          [a.id],
        )
      ).map((r) => r.row);
    }
    return out;
  });

beforeAll(async () => {
  server = await serve();
  a = await createTenant('municipality', 'Workspace A');
  b = await createTenant('association', 'Workspace B');
  const owner = await signInThrough(server, 'owner-of-a');
  const stranger = await signInThrough(server, 'owner-of-b');
  ownerOfA = owner.cookie;
  attacker = stranger.cookie;
  const membership = await addMember(a, owner, 'owner');
  await addMember(a, await createUser('coordinator-of-a'), 'coordinator');
  await addMember(b, stranger, 'owner');

  ids = await privileged(async (tx) => {
    const id = async (sql: string, params: unknown[]) => (await tx.one<{ id: string }>(sql, params))!.id;
    const volunteer = await id("insert into public.volunteers (tenant_id, name) values ($1, 'Anna A') returning id", [
      a.id,
    ]);
    const participant = await id(
      "insert into public.participants (tenant_id, first_name, birth_year) values ($1, 'Mette', 1990) returning id",
      [a.id],
    );
    const course = await id(
      "insert into public.courses (tenant_id, name, facilitator_id, starts_on) values ($1, 'Kursus A', $2, date '2026-01-05') returning id",
      [a.id, volunteer],
    );
    const courseSession = await id(
      "insert into public.course_sessions (tenant_id, course_id, held_on) values ($1, $2, date '2026-01-12') returning id",
      [a.id, course],
    );
    const enrolment = await id(
      "insert into public.enrolments (tenant_id, course_id, participant_id, started_on) values ($1, $2, $3, date '2026-01-05') returning id",
      [a.id, course, participant],
    );
    const attendance = await id(
      "insert into public.attendance (tenant_id, course_id, session_id, participant_id, status) values ($1, $2, $3, $4, 'present') returning id",
      [a.id, course, courseSession, participant],
    );
    const invitation = await id(
      "insert into public.invitations (tenant_id, email, role, token_hash) values ($1, 'invited@test.brobygger.dk', 'viewer', sha256(gen_random_uuid()::text::bytea)) returning id",
      [a.id],
    );
    await tx.query(
      'insert into public.grid_preferences (tenant_id, user_id, grid, state) values ($1, $2, \'volunteers\', \'{"secret":"A"}\')',
      [a.id, owner.id],
    );
    courseOfB = await id(
      "insert into public.courses (tenant_id, name, starts_on) values ($1, 'Kursus B', date '2026-01-05') returning id",
      [b.id],
    );
    return { volunteer, participant, course, courseSession, enrolment, attendance, membership, invitation };
  });
  before = await everythingOfA();
});
afterAll(() => server.close());

type Roster = 'volunteers' | 'participants' | 'courses' | 'courseSessions' | 'enrolments' | 'attendance';
const ROSTERS: { roster: Roster; id: () => string; child: boolean }[] = [
  { roster: 'volunteers', id: () => ids.volunteer, child: false },
  { roster: 'participants', id: () => ids.participant, child: false },
  { roster: 'courses', id: () => ids.course, child: false },
  { roster: 'courseSessions', id: () => ids.courseSession, child: true },
  { roster: 'enrolments', id: () => ids.enrolment, child: true },
  { roster: 'attendance', id: () => ids.attendance, child: true },
];

const expectNotFound = (answer: Answer, key: string) => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(404);
  expect(answer.body.error?.message).toBe(`errors:${key}`);
};

/** A save that wrote nothing: the rows it named do not exist as far as the caller can tell. */
const expectNothingSaved = (answer: Answer, rowId: string) => {
  expect(answer.status, JSON.stringify(answer.body)).toBe(200);
  expect(answer.body.result?.data).toEqual({ ok: false, conflicts: [{ id: rowId, server: null }], errors: [] });
};

describe('the session cookie', () => {
  it('is the real signed one: it opens its own workspace, and without it the API refuses', async () => {
    expect((await trpc(attacker, 'query', 'workspaces.get', { tenant: b.slug })).status).toBe(200);
    expect((await trpc(null, 'query', 'workspaces.get', { tenant: b.slug })).status).toBe(401);
    const forged = attacker.replace(/=(.)/, (_, c: string) => `=${c === 'a' ? 'b' : 'a'}`);
    expect((await trpc(forged, 'query', 'workspaces.get', { tenant: b.slug })).status).toBe(401);
  });

  it('of A’s owner reaches every row id used below (so a 404 below is isolation, not a typo)', async () => {
    for (const { roster, id, child } of ROSTERS) {
      const input = { tenant: a.slug, id: id(), ...(child ? { parent: ids.course } : {}) };
      const answer = await trpc(ownerOfA, 'query', `${roster}.get`, input);
      expect(answer.status, roster).toBe(200);
    }
  });
});

describe('B’s owner calling with A’s ids', () => {
  beforeAll(async () => {
    // A's rows as the API returns them, so saves send valid rows with their real versions.
    rowsOfA = {} as typeof rowsOfA;
    for (const { roster, id, child } of ROSTERS) {
      const input = { tenant: a.slug, id: id(), ...(child ? { parent: ids.course } : {}) };
      const answer = await trpc(ownerOfA, 'query', `${roster}.get`, input);
      rowsOfA[roster] = (answer.body.result?.data as { row: Record<string, unknown> & { version: number } }).row;
    }
  });
  let rowsOfA: Record<Roster, Record<string, unknown> & { version: number }>;

  describe('under A’s slug: the workspace is not found', () => {
    for (const { roster, child } of ROSTERS) {
      it(`${roster}: list, get, save of updates and of deletes`, async () => {
        const row = rowsOfA[roster];
        const scope = { tenant: a.slug, ...(child ? { parent: ids.course } : {}) };
        const id = row.id as string;
        expectNotFound(await trpc(attacker, 'query', `${roster}.list`, scope), 'workspace_not_found');
        expectNotFound(await trpc(attacker, 'query', `${roster}.get`, { ...scope, id }), 'workspace_not_found');
        const update = { ...scope, upserts: [row], deletes: [] };
        expectNotFound(await trpc(attacker, 'mutation', `${roster}.save`, update), 'workspace_not_found');
        const remove = { ...scope, upserts: [], deletes: [{ id, version: row.version }] };
        expectNotFound(await trpc(attacker, 'mutation', `${roster}.save`, remove), 'workspace_not_found');
      });
    }

    it('the attendance sheet, the volunteer directory and the workspace itself', async () => {
      const notFound = 'workspace_not_found';
      expectNotFound(
        await trpc(attacker, 'query', 'attendance.sheet', { tenant: a.slug, parent: ids.course }),
        notFound,
      );
      expectNotFound(await trpc(attacker, 'query', 'volunteers.directory', { tenant: a.slug }), notFound);
      expectNotFound(await trpc(attacker, 'query', 'workspaces.get', { tenant: a.slug }), notFound);
    });

    it('members: list, change role, remove, invite, revoke', async () => {
      const t = { tenant: a.slug };
      const notFound = 'workspace_not_found';
      expectNotFound(await trpc(attacker, 'query', 'members.list', t), notFound);
      const changeRole = { ...t, membershipId: ids.membership, role: 'viewer', version: 1 };
      expectNotFound(await trpc(attacker, 'mutation', 'members.changeRole', changeRole), notFound);
      expectNotFound(
        await trpc(attacker, 'mutation', 'members.remove', { ...t, membershipId: ids.membership }),
        notFound,
      );
      const invite = { ...t, email: 'accomplice@test.brobygger.dk', role: 'owner' };
      expectNotFound(await trpc(attacker, 'mutation', 'members.invite', invite), notFound);
      const revoke = { ...t, invitationId: ids.invitation };
      expectNotFound(await trpc(attacker, 'mutation', 'members.revokeInvitation', revoke), notFound);
    });

    it('preferences: get and save', async () => {
      const notFound = 'workspace_not_found';
      expectNotFound(
        await trpc(attacker, 'query', 'preferences.get', { tenant: a.slug, grid: 'volunteers' }),
        notFound,
      );
      const save = { tenant: a.slug, grid: 'volunteers', state: { secret: 'B' } };
      expectNotFound(await trpc(attacker, 'mutation', 'preferences.save', save), notFound);
    });
  });

  describe('under B’s own slug: not found, or nothing', () => {
    for (const { roster, child } of ROSTERS) {
      it(`${roster}: list, get, save of updates and of deletes${child ? ', with A’s course and with B’s course as parent' : ''}`, async () => {
        const row = rowsOfA[roster];
        const id = row.id as string;
        const deletes = [{ id, version: row.version }];
        if (child) {
          // A's course as the parent: not found, whatever is asked of it.
          const scope = { tenant: b.slug, parent: ids.course };
          expectNotFound(await trpc(attacker, 'query', `${roster}.list`, scope), 'parent_not_found');
          expectNotFound(await trpc(attacker, 'query', `${roster}.get`, { ...scope, id }), 'row_not_found');
          const update = { ...scope, upserts: [row], deletes: [] };
          expectNotFound(await trpc(attacker, 'mutation', `${roster}.save`, update), 'parent_not_found');
          const remove = { ...scope, upserts: [], deletes };
          expectNotFound(await trpc(attacker, 'mutation', `${roster}.save`, remove), 'parent_not_found');
        }
        // Top-level, or under B's own course: A's row is simply not there.
        const scope = { tenant: b.slug, ...(child ? { parent: courseOfB } : {}) };
        const list = await trpc(attacker, 'query', `${roster}.list`, scope);
        expect(list.status).toBe(200);
        const listed = (list.body.result?.data as { rows: { id: string }[] }).rows.map((r) => r.id);
        expect(listed).not.toContain(id);
        expectNotFound(await trpc(attacker, 'query', `${roster}.get`, { ...scope, id }), 'row_not_found');
        const update = { ...scope, upserts: [row], deletes: [] };
        expectNothingSaved(await trpc(attacker, 'mutation', `${roster}.save`, update), id);
        const remove = { ...scope, upserts: [], deletes };
        expectNothingSaved(await trpc(attacker, 'mutation', `${roster}.save`, remove), id);
      });
    }

    it('the attendance sheet of A’s course is not found', async () => {
      const answer = await trpc(attacker, 'query', 'attendance.sheet', { tenant: b.slug, parent: ids.course });
      expectNotFound(answer, 'parent_not_found');
    });

    it('members: A’s members are not listed, and A’s membership and invitation are not found', async () => {
      const t = { tenant: b.slug };
      const list = await trpc(attacker, 'query', 'members.list', t);
      expect(list.status).toBe(200);
      const { members, invitations } = list.body.result?.data as {
        members: { id: string }[];
        invitations: { id: string }[];
      };
      expect(members.map((m) => m.id)).not.toContain(ids.membership);
      expect(invitations.map((i) => i.id)).not.toContain(ids.invitation);
      const changeRole = { ...t, membershipId: ids.membership, role: 'viewer', version: 1 };
      expectNotFound(await trpc(attacker, 'mutation', 'members.changeRole', changeRole), 'member_not_found');
      const remove = { ...t, membershipId: ids.membership };
      expectNotFound(await trpc(attacker, 'mutation', 'members.remove', remove), 'member_not_found');
      const revoke = { ...t, invitationId: ids.invitation };
      expectNotFound(await trpc(attacker, 'mutation', 'members.revokeInvitation', revoke), 'invitation_not_found');
    });

    it('preferences: B’s own are read and saved in B, never A’s', async () => {
      const got = await trpc(attacker, 'query', 'preferences.get', { tenant: b.slug, grid: 'volunteers' });
      expect(got.status).toBe(200);
      expect(got.body.result?.data).toBeNull();
      const save = { tenant: b.slug, grid: 'volunteers', state: { secret: 'B' } };
      expect((await trpc(attacker, 'mutation', 'preferences.save', save)).status).toBe(200);
    });
  });
});

describe('A’s rows after all of the above', () => {
  it('are unchanged: same rows, same versions, no audit entry, A’s preference and invitation intact', async () => {
    const now = await everythingOfA();
    // Not one row of A was added, changed or removed, by any call above.
    expect(now).toEqual(before);
    expect(now.volunteers).toHaveLength(1);
    expect(now.volunteers![0]).toMatchObject({ id: ids.volunteer, version: 1, name: 'Anna A' });
    for (const table of ['participants', 'courses', 'course_sessions', 'enrolments', 'attendance']) {
      expect(now[table], table).toEqual([expect.objectContaining({ version: 1 })]);
    }
    expect(now.memberships).toHaveLength(2);
    expect(now.invitations).toEqual([expect.objectContaining({ id: ids.invitation, revoked_at: null })]);
    expect(now.grid_preferences).toEqual([expect.objectContaining({ state: { secret: 'A' } })]);
    expect(now.save_receipts).toEqual([]);
  });
});
