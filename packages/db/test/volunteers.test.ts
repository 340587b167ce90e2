import { beforeEach, describe, expect, it } from 'vitest';
import { as, createWorld, privileged, type World } from '../src/testing/index.ts';
import { rlsMatrix } from '../src/testing/rls-matrix.ts';
import { ACTOR_LABEL, asActor, ids, REFUSED, type Actor, type Workspace, WORKSPACES } from './helpers.ts';

const COLUMNS = 'id, tenant_id, name, status, note, version';

/**
 * Owners, admins and coordinators edit their workspace's volunteers, viewers read them, peers see
 * none (only app.volunteer_directory, below). The stranger owns the association and the region
 * member administers the region, which is in active partnership with the municipality: neither may
 * see or touch the municipality's volunteers. The member with two hats edits in the municipality
 * and only reads in the association.
 */
rlsMatrix({
  table: 'public.volunteers',
  columns: COLUMNS,
  seed: (tx, tenantId) =>
    tx.one<{ id: string }>(
      "insert into public.volunteers (tenant_id, name, status, note) values ($1, 'Anna', 'active', 'Startet i foråret') returning id",
      [tenantId],
    ),
  insert: (tenantId) => ({
    sql: `insert into public.volunteers (tenant_id, name) values ($1, 'Ny frivillig') returning ${COLUMNS}`,
    params: [tenantId],
    returns: {
      id: expect.any(String),
      tenant_id: tenantId,
      name: 'Ny frivillig',
      status: 'applicant',
      note: null,
      version: 1,
    },
  }),
  update: {
    sql: `update public.volunteers set status = 'paused', note = 'Orlov' where id = $1 returning ${COLUMNS}`,
    returns: (before) => ({ ...before, status: 'paused', note: 'Orlov', version: 2 }),
  },
  delete: true,
  expect: {
    owner: 'edit',
    admin: 'edit',
    coordinator: 'edit',
    viewer: 'read',
    peer: 'none',
    stranger: 'edit',
    regionMember: 'edit',
    twoHats: { tenant: 'edit', other: 'read' },
    anonymous: 'none',
  },
});

/** Each actor's own workspace, for the directory peers use instead of the table. */
const HOMES: { actor: Actor; home: Workspace | null }[] = [
  { actor: 'owner', home: 'tenant' },
  { actor: 'admin', home: 'tenant' },
  { actor: 'coordinator', home: 'tenant' },
  { actor: 'peer', home: 'tenant' },
  { actor: 'viewer', home: 'tenant' },
  { actor: 'stranger', home: 'other' },
  { actor: 'regionMember', home: 'region' },
  { actor: 'anonymous', home: null },
];

type Volunteer = {
  id: string;
  tenant_id: string;
  name: string;
  status: 'applicant' | 'active' | 'paused' | 'stopped';
  note: string | null;
  version: number;
};

type NewVolunteer = { name: string; email?: string; phone?: string; status?: Volunteer['status']; note?: string };

/** Everything below runs in its own world, with one active volunteer in each workspace. */
describe('beyond the matrix', () => {
  let world: World;
  let seeded: Record<Workspace, string>;

  /** A volunteer written on the privileged path, as a seed would. */
  const addVolunteer = (workspace: Workspace, v: NewVolunteer) =>
    privileged((tx) =>
      tx.one<{ id: string }>(
        `insert into public.volunteers (tenant_id, name, email, phone, status, note)
         values ($1, $2, $3, $4, coalesce($5, 'active')::public.volunteer_status, $6) returning id`,
        [world[workspace].id, v.name, v.email ?? null, v.phone ?? null, v.status ?? null, v.note ?? null],
      ),
    ).then((row) => row!.id);

  beforeEach(async () => {
    world = await createWorld();
    seeded = { tenant: '', other: '', region: '' };
    for (const w of WORKSPACES) {
      seeded[w] = await addVolunteer(w, {
        name: `Anna ${w}`,
        email: `anna-${w}@example.dk`,
        note: 'Startet i foråret',
      });
    }
  });

  const stored = (id: string) =>
    privileged((tx) => tx.one<Volunteer>(`select ${COLUMNS} from public.volunteers where id = $1`, [id]));

  const volunteersOf = (workspace: Workspace) =>
    privileged((tx) =>
      tx.query<{ id: string }>('select id from public.volunteers where tenant_id = $1', [world[workspace].id]),
    );

  const pause = (actor: Actor, id: string) =>
    asActor(world, actor, (tx) =>
      tx.query<Volunteer>(
        `update public.volunteers set status = 'paused', note = 'Orlov' where id = $1 returning ${COLUMNS}`,
        [id],
      ),
    );

  const directory = (actor: Actor, workspace: Workspace) =>
    asActor(world, actor, (tx) =>
      tx.query<{ id: string; name: string; email: string | null; phone: string | null }>(
        'select * from app.volunteer_directory($1)',
        [world[workspace].id],
      ),
    );

  for (const { actor, home } of HOMES) {
    it(
      `${ACTOR_LABEL[actor]}: ` +
        (home === 'tenant'
          ? 'app.volunteer_directory lists name and contact of the municipality’s active volunteers'
          : home
            ? 'app.volunteer_directory shows nothing of the municipality'
            : 'app.volunteer_directory is refused'),
      async () => {
        const aage = await addVolunteer('tenant', { name: 'Aage', phone: '+45 11 22 33 44', note: 'Privat' });
        for (const status of ['applicant', 'paused', 'stopped'] as const) {
          await addVolunteer('tenant', { name: `Bo ${status}`, email: `bo-${status}@example.dk`, status });
        }
        const result = directory(actor, 'tenant');
        if (home === 'tenant') {
          expect(await result).toEqual([
            { id: aage, name: 'Aage', email: null, phone: '+45 11 22 33 44' },
            { id: seeded.tenant, name: 'Anna tenant', email: 'anna-tenant@example.dk', phone: null },
          ]);
        } else if (home) {
          expect(await result).toEqual([]);
        } else {
          await expect(result).rejects.toThrow(REFUSED);
        }
      },
    );
  }

  describe('version', () => {
    const version = async (id: string) =>
      privileged((tx) =>
        tx.one<{ version: number; updated_at: Date }>(
          'select version, updated_at from public.volunteers where id = $1',
          [id],
        ),
      );

    it('bumps on every update, with updated_at, and the writer cannot set it', async () => {
      const before = await version(seeded.tenant);
      expect(before!.version).toBe(1);
      for (const expected of [2, 3]) {
        await pause('coordinator', seeded.tenant);
        expect((await version(seeded.tenant))!.version).toBe(expected);
      }
      const forged = as(world.users.coordinator, (tx) =>
        tx.query<{ version: number }>('update public.volunteers set version = 99 where id = $1 returning version', [
          seeded.tenant,
        ]),
      );
      await expect(forged).rejects.toThrow(REFUSED);
      expect((await version(seeded.tenant))!.version).toBe(3);
      expect((await version(seeded.tenant))!.updated_at.getTime()).toBeGreaterThan(before!.updated_at.getTime());
    });

    it('an update against a stale version matches nothing', async () => {
      await pause('coordinator', seeded.tenant);
      expect(
        await as(world.users.coordinator, (tx) =>
          tx.query("update public.volunteers set name = 'Stale' where id = $1 and version = 1 returning id", [
            seeded.tenant,
          ]),
        ),
      ).toEqual([]);
      expect(await stored(seeded.tenant)).toMatchObject({ name: 'Anna tenant', version: 2 });
    });
  });

  describe('short_courses', () => {
    const withCourses = (courses: string[]) =>
      as(world.users.coordinator, (tx) =>
        tx.query<{ short_courses: string[] }>(
          "insert into public.volunteers (tenant_id, name, short_courses) values ($1, 'Kursist', $2) returning short_courses",
          [world.tenant.id, courses],
        ),
      );

    it('accepts the known courses', async () => {
      expect(await withCourses(['first_aid', 'recovery'])).toEqual([{ short_courses: ['first_aid', 'recovery'] }]);
    });

    it('refuses an unknown course, on the request path and the privileged path', async () => {
      const refused = { code: '23514', constraint: 'volunteers_short_courses_check' };
      await expect(withCourses(['first_aid', 'astrology'])).rejects.toMatchObject(refused);
      await expect(
        privileged((tx) =>
          tx.query(
            "insert into public.volunteers (tenant_id, name, short_courses) values ($1, 'Kursist', '{astrology}')",
            [world.tenant.id],
          ),
        ),
      ).rejects.toMatchObject(refused);
      await expect(
        as(world.users.coordinator, (tx) =>
          tx.query("update public.volunteers set short_courses = '{astrology}' where id = $1", [seeded.tenant]),
        ),
      ).rejects.toMatchObject(refused);
      expect(ids(await volunteersOf('tenant'))).toEqual([seeded.tenant]);
    });
  });
});
