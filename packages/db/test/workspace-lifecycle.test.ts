import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { seedDemoCourses } from '../src/seed/demo-courses.ts';
import { seedDemoMatches } from '../src/seed/demo-matches.ts';
import { seedDemoRosters } from '../src/seed/demo-rosters.ts';
import { seedDemoVolunteerSide } from '../src/seed/demo-volunteer-side.ts';
import {
  addMember,
  as,
  createTenant,
  createUser,
  createWorld,
  privileged,
  REFUSED,
  type TestUser,
  type World,
} from '../src/testing/index.ts';
import type { Tx } from '../src/tx.ts';
import { expectNoWrite, expectRaised } from './helpers.ts';

/*
 * Decision 028: creating a workspace (app.create_workspace), closing and reopening it, and the
 * read-only state that closing (and an operator's suspension) puts it in.
 */

const suffix = () => Math.random().toString(36).slice(2, 10);
const VALID_CVR = '11223346';
const VALID_EAN = '5798009174000';

/** A user whose address is confirmed, as after following the sign-up link. */
async function confirmedUser(label: string, name?: string): Promise<TestUser> {
  const user = await createUser(label, name ? { name } : {});
  await privileged((tx) => tx.query('update auth.users set email_confirmed_at = now() where id = $1', [user.id]));
  return user;
}

const create = (user: TestUser | null, slug: string, over: Partial<Record<string, string | null>> = {}) =>
  as(user, (tx) =>
    tx.one<{ id: string }>('select app.create_workspace($1, $2::public.tenant_kind, $3, $4, $5, $6) as id', [
      over.name ?? 'Ny forening',
      over.kind ?? 'association',
      slug,
      over.cvr === undefined ? VALID_CVR : over.cvr,
      over.ean === undefined ? null : over.ean,
      'da',
    ]),
  );

const tenantBySlug = (slug: string) =>
  privileged((tx) =>
    tx.one<{ id: string; created_by: string }>('select id, created_by from public.tenants where slug = $1', [slug]),
  );

describe('app.create_workspace', () => {
  it('creates the workspace and makes the caller its owner, named as on their account', async () => {
    const user = await confirmedUser('founder', 'Frida Founder');
    const slug = `ny-${suffix()}`;
    const { id } = (await create(user, slug))!;
    const members = await privileged((tx) =>
      tx.query('select user_id, role, display_name from public.memberships where tenant_id = $1', [id]),
    );
    expect(members).toEqual([{ user_id: user.id, role: 'owner', display_name: 'Frida Founder' }]);
    expect((await tenantBySlug(slug))?.created_by).toBe(user.id);
    // And as its owner they see it through the API role.
    const seen = await as(user, (tx) => tx.query<{ slug: string }>('select slug from public.tenants'));
    expect(seen).toEqual([{ slug }]);
  });

  it('is atomic: when the owner cannot be added, there is no workspace either', async () => {
    // A name longer than a membership's display name may be makes the second insert fail.
    const user = await confirmedUser('longname', 'x'.repeat(250));
    const slug = `atomic-${suffix()}`;
    await expect(create(user, slug)).rejects.toThrow(/check constraint/);
    expect(await tenantBySlug(slug)).toBeUndefined();
  });

  it('refuses a taken or malformed slug, a CVR or EAN that fails its check, and a public body without EAN', async () => {
    const user = await confirmedUser('refused');
    const world = await createTenant('association');
    await expectRaised(create(user, world.slug), 'slug_taken');
    await expectRaised(create(user, '-bad-'), 'slug_malformed');
    await expectRaised(create(user, `cvr-${suffix()}`, { cvr: '11223344' }), 'cvr_invalid');
    await expectRaised(create(user, `ean-${suffix()}`, { kind: 'municipality', ean: null }), 'ean_required');
    await expectRaised(create(user, `ean-${suffix()}`, { kind: 'municipality', ean: '5798009174001' }), 'ean_invalid');
    const mine = await privileged((tx) => tx.query('select 1 from public.memberships where user_id = $1', [user.id]));
    expect(mine).toEqual([]);
  });

  it('refuses an account whose address is not confirmed, and anonymous callers', async () => {
    const unconfirmed = await createUser('unconfirmed');
    await expectRaised(create(unconfirmed, `u-${suffix()}`), 'email_not_confirmed');
    await expect(create(null, `anon-${suffix()}`)).rejects.toThrow(REFUSED);
  });

  it('lets one person create five workspaces a day, not a sixth', async () => {
    const user = await confirmedUser('busy');
    for (let i = 0; i < 5; i++) await create(user, `busy-${i}-${suffix()}`);
    await expectRaised(create(user, `busy-6-${suffix()}`), 'workspace_limit');
  });

  it('creates what the account asked for at sign-up once, then forgets the request', async () => {
    const user = await confirmedUser('signup');
    const slug = `asked-${suffix()}`;
    const requested = { name: 'Spurgt forening', kind: 'association', slug, cvr: VALID_CVR, ean: null, locale: 'en' };
    await privileged((tx) =>
      tx.query(
        `update auth.users set raw_user_meta_data = coalesce(raw_user_meta_data, '{}') || jsonb_build_object('requested_workspace', $2::jsonb) where id = $1`,
        [user.id, JSON.stringify(requested)],
      ),
    );
    const first = await as(user, (tx) => tx.one<{ id: string }>('select app.create_requested_workspace() as id'));
    expect(first!.id).toBe((await tenantBySlug(slug))!.id);
    const again = await as(user, (tx) =>
      tx.one<{ id: string | null }>('select app.create_requested_workspace() as id'),
    );
    expect(again!.id).toBeNull();
  });
});

describe('app.slug_status', () => {
  it('answers anonymous callers: malformed, taken, available', async () => {
    const taken = await createTenant('association');
    const status = (slug: string) =>
      as(null, (tx) => tx.one<{ s: string }>('select app.slug_status($1) as s', [slug])).then((r) => r!.s);
    expect(await status('Not A Slug')).toBe('malformed');
    expect(await status(taken.slug)).toBe('taken');
    expect(await status(`free-${suffix()}`)).toBe('available');
  });
});

describe('CVR and EAN check digits in the database', () => {
  it('refuse a workspace whose numbers fail their checks, even on the privileged path', async () => {
    const tenant = await createTenant('municipality');
    for (const [column, value] of [
      ['cvr', '11223344'],
      ['ean', '5798000000013'],
    ]) {
      await expect(
        privileged((tx) => tx.query(`update public.tenants set ${column} = $2 where id = $1`, [tenant.id, value])),
      ).rejects.toThrow(/check_digit/);
    }
    await privileged((tx) =>
      tx.query('update public.tenants set cvr = $2, ean = $3 where id = $1', [tenant.id, VALID_CVR, VALID_EAN]),
    );
  });
});

describe('app.operators', () => {
  it('is not readable, nor writable, by signed-in or anonymous callers', async () => {
    const user = await confirmedUser('curious');
    await privileged((tx) => tx.query('insert into app.operators (user_id) values ($1)', [user.id]));
    for (const who of [user, null]) {
      await expect(as(who, (tx) => tx.query('select * from app.operators'))).rejects.toThrow(REFUSED);
      await expect(
        as(who, (tx) => tx.query('insert into app.operators (user_id) values ($1) returning user_id', [user.id])),
      ).rejects.toThrow(REFUSED);
    }
  });
});

/** Every table members write rows of, in the order a delete must go (children first). */
const ROSTER_TABLES = [
  'attendance',
  'facilitator_attendance',
  'enrolments',
  'course_schedules',
  'course_sessions',
  'match_meetings',
  'matches',
  'courses',
  'volunteer_meeting_attendees',
  'volunteer_meetings',
  'expenses',
  'km_rates',
  'participants',
  'volunteers',
] as const;

class Rollback extends Error {
  constructor(readonly rows: Map<string, number>) {
    super('rollback');
  }
}

/**
 * How many rows the owner's deletes would remove from each table (children first, in one
 * transaction that is then undone): proof that the deletes are allowed while the workspace is open.
 */
const deletableRows = (owner: TestUser, tables: readonly string[], tenantId: string) =>
  as(owner, async (tx) => {
    const counts = new Map<string, number>();
    for (const table of tables) {
      const rows = await tx.query(`delete from public.${table} where tenant_id = $1 returning tenant_id`, [tenantId]);
      counts.set(table, rows.length);
    }
    throw new Rollback(counts);
  }).catch((error: unknown) => {
    if (error instanceof Rollback) return error.rows;
    throw error;
  });

const countRows = (tx: Tx, table: string, tenantId: string) =>
  tx
    .one<{ n: number }>(`select count(*)::int as n from public.${table} where tenant_id = $1`, [tenantId])
    .then((r) => r!.n);

describe('a closed workspace is read-only', () => {
  let world: World;
  const rowsBefore = new Map<string, number>();
  beforeAll(async () => {
    world = await createWorld();
    const spare = await createTenant('municipality');
    await privileged(async (tx) => {
      await seedDemoRosters(tx, world.tenant.id);
      // As seedDemoCourses adds him for the demo's Ali: the peer's own volunteer row.
      await tx.query(
        "insert into public.volunteers (tenant_id, name, status, user_id) values ($1, 'Ali Demir', 'active', $2)",
        [world.tenant.id, world.users.peer.id],
      );
      await seedDemoCourses(
        tx,
        new Map([
          ['frederiksberg', world.tenant.id],
          ['hilleroed', spare.id],
        ]),
      );
      await seedDemoMatches(tx, world.tenant.id);
      await seedDemoVolunteerSide(
        tx,
        new Map([
          ['frederiksberg', world.tenant.id],
          ['hilleroed', spare.id],
        ]),
      );
      for (const table of ROSTER_TABLES) rowsBefore.set(table, await countRows(tx, table, world.tenant.id));
    });
  });

  it('before closing, the owner may delete rows of every roster table (so the refusals below can fail)', async () => {
    const deletable = await deletableRows(world.users.owner, ROSTER_TABLES, world.tenant.id);
    for (const table of ROSTER_TABLES) {
      expect(rowsBefore.get(table), `${table} has seeded rows`).toBeGreaterThan(0);
      expect(deletable.get(table), table).toBeGreaterThan(0);
    }
  });

  describe('once closed', () => {
    beforeAll(async () => {
      const closed = await as(world.users.owner, (tx) =>
        tx.one<{ until: Date }>('select app.close_workspace($1, $2) as until', [world.tenant.id, world.tenant.slug]),
      );
      const days = (closed!.until.getTime() - Date.now()) / 86_400_000;
      expect(Math.round(days)).toBe(90);
    });

    it('reads every roster table as before', async () => {
      for (const table of ROSTER_TABLES) {
        const seen = await as(world.users.owner, (tx) => countRows(tx, table, world.tenant.id));
        expect(seen, table).toBe(rowsBefore.get(table));
      }
    });

    it('refuses deletes on every roster table, and nothing is removed', async () => {
      for (const table of ROSTER_TABLES) {
        await expectNoWrite(
          as(world.users.owner, (tx) =>
            tx.query(`delete from public.${table} where tenant_id = $1 returning tenant_id`, [world.tenant.id]),
          ),
        );
      }
      for (const table of ROSTER_TABLES) {
        expect(await privileged((tx) => countRows(tx, table, world.tenant.id)), table).toBe(rowsBefore.get(table));
      }
    });

    it('refuses inserts and updates by every role, and the workspace settings too', async () => {
      for (const role of ['owner', 'admin', 'coordinator'] as const) {
        await expect(
          as(world.users[role], (tx) =>
            tx.query("insert into public.volunteers (tenant_id, name) values ($1, 'Ny') returning id", [
              world.tenant.id,
            ]),
          ),
        ).rejects.toThrow(/workspace_read_only|row-level security/);
        await expectNoWrite(
          as(world.users[role], (tx) =>
            tx.query("update public.participants set note = 'x' where tenant_id = $1 returning id", [world.tenant.id]),
          ),
        );
      }
      await expectNoWrite(
        as(world.users.owner, (tx) =>
          tx.query("update public.tenants set name = 'Omdøbt' where id = $1 returning id", [world.tenant.id]),
        ),
      );
    });

    it('refuses security-definer writes too: erasing a person, answering a partnership', async () => {
      const participant = await privileged((tx) =>
        tx.one<{ id: string }>('select id from public.participants where tenant_id = $1 limit 1', [world.tenant.id]),
      );
      // The erasure right is a writing action (refused by app.tenants_where); the trigger stands behind it.
      await expect(
        as(world.users.owner, (tx) =>
          tx.query("select app.erasure_stand_in($1, 'participant', $2)", [world.tenant.id, participant!.id]),
        ),
      ).rejects.toThrow(/^(forbidden|workspace_read_only)$/);
      const partnership = await privileged((tx) =>
        tx.one<{ id: string }>(
          `update public.partnerships set status = 'proposed', started_on = null
           where tenant_id = $1 and partner_tenant_id = $2 returning id`,
          [world.region.id, world.tenant.id],
        ),
      );
      await expect(
        as(world.users.owner, (tx) => tx.query('select app.respond_to_partnership($1, true)', [partnership!.id])),
      ).rejects.toMatchObject({ code: 'P0001' });
      const after = await privileged((tx) =>
        tx.one<{ status: string }>('select status::text from public.partnerships where id = $1', [partnership!.id]),
      );
      expect(after!.status).toBe('proposed');
    });

    it('leaves the other workspaces writable', async () => {
      const added = await as(world.users.stranger, (tx) =>
        tx.query("insert into public.volunteers (tenant_id, name) values ($1, 'Anden') returning id", [world.other.id]),
      );
      expect(added).toHaveLength(1);
    });

    it('only an owner reopens it; then it is writable again', async () => {
      await expectRaised(
        as(world.users.admin, (tx) => tx.query('select app.reopen_workspace($1)', [world.tenant.id])),
        'forbidden',
      );
      await as(world.users.owner, (tx) => tx.query('select app.reopen_workspace($1)', [world.tenant.id]));
      const deletable = await deletableRows(world.users.owner, ROSTER_TABLES, world.tenant.id);
      expect(deletable.get('volunteers')).toBeGreaterThan(0);
    });
  });
});

describe('closing', () => {
  let world: World;
  beforeEach(async () => {
    world = await createWorld();
  });

  it('is for owners only, confirmed by typing the slug', async () => {
    for (const role of ['admin', 'coordinator', 'viewer'] as const) {
      await expectRaised(
        as(world.users[role], (tx) =>
          tx.query('select app.close_workspace($1, $2)', [world.tenant.id, world.tenant.slug]),
        ),
        'forbidden',
      );
    }
    await expectRaised(
      as(world.users.owner, (tx) => tx.query('select app.close_workspace($1, $2)', [world.tenant.id, 'wrong'])),
      'close_confirmation_mismatch',
    );
    const state = await privileged((tx) =>
      tx.one<{ closed_at: Date | null }>('select closed_at from public.tenants where id = $1', [world.tenant.id]),
    );
    expect(state!.closed_at).toBeNull();
  });

  it('a suspended workspace is read-only too, and an invitation to it cannot be accepted', async () => {
    const invited = await confirmedUser('invited');
    await addMember(world.other, invited, 'viewer');
    await privileged((tx) =>
      tx.query("update public.tenants set suspended_at = now(), suspended_reason = 'Test' where id = $1", [
        world.tenant.id,
      ]),
    );
    await expect(
      as(world.users.coordinator, (tx) =>
        tx.query("insert into public.volunteers (tenant_id, name) values ($1, 'Ny') returning id", [world.tenant.id]),
      ),
    ).rejects.toThrow(/workspace_read_only|row-level security/);
    // The privileged path (an operator, a job) is not refused.
    await privileged((tx) =>
      tx.query("insert into public.volunteers (tenant_id, name) values ($1, 'Job') returning id", [world.tenant.id]),
    );
    const readOnly = await as(world.users.viewer, (tx) =>
      tx.one<{ ro: boolean }>('select app.tenant_read_only($1) as ro', [world.tenant.id]),
    );
    expect(readOnly!.ro).toBe(true);
  });
});
