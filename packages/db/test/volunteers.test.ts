import { beforeEach, describe, expect, it } from 'vitest';
import { as, createWorld, privileged, type World } from '../src/testing/index.ts';
import {
  ACTOR_LABEL,
  asActor,
  expectNoWrite,
  ids,
  REFUSED,
  type Actor,
  type Workspace,
  WORKSPACES,
} from './helpers.ts';

/**
 * Each actor's own workspace, and what its role there lets it do with that workspace's volunteers:
 * owners, admins and coordinators edit, viewers read, peers see none (only app.volunteer_directory).
 * The stranger owns the other workspace and the region member administers the region, which is in
 * active partnership with the municipality: neither may see or touch the municipality's volunteers.
 */
const ACTORS: { actor: Actor; home: Workspace | null; access: 'edit' | 'read' | 'none' }[] = [
  { actor: 'owner', home: 'tenant', access: 'edit' },
  { actor: 'admin', home: 'tenant', access: 'edit' },
  { actor: 'coordinator', home: 'tenant', access: 'edit' },
  { actor: 'peer', home: 'tenant', access: 'none' },
  { actor: 'viewer', home: 'tenant', access: 'read' },
  { actor: 'stranger', home: 'other', access: 'edit' },
  { actor: 'regionMember', home: 'region', access: 'edit' },
  { actor: 'anonymous', home: null, access: 'none' },
];

const COLUMNS = 'id, tenant_id, name, status, note, version';
type Volunteer = {
  id: string;
  tenant_id: string;
  name: string;
  status: 'applicant' | 'active' | 'paused' | 'stopped';
  note: string | null;
  version: number;
};

type NewVolunteer = { name: string; email?: string; phone?: string; status?: Volunteer['status']; note?: string };

/** A volunteer written on the privileged path, as a seed would. */
const addVolunteer = (workspace: Workspace, v: NewVolunteer) =>
  privileged((tx) =>
    tx.one<{ id: string }>(
      `insert into public.volunteers (tenant_id, name, email, phone, status, note)
       values ($1, $2, $3, $4, coalesce($5, 'active')::public.volunteer_status, $6) returning id`,
      [world[workspace].id, v.name, v.email ?? null, v.phone ?? null, v.status ?? null, v.note ?? null],
    ),
  ).then((row) => row!.id);

let world: World;
/** One active volunteer in each workspace of the world. */
let seeded: Record<Workspace, string>;

beforeEach(async () => {
  world = await createWorld();
  seeded = { tenant: '', other: '', region: '' };
  for (const w of WORKSPACES) {
    seeded[w] = await addVolunteer(w, { name: `Anna ${w}`, email: `anna-${w}@example.dk`, note: 'Startet i foråret' });
  }
});

const stored = (id: string) =>
  privileged((tx) => tx.one<Volunteer>(`select ${COLUMNS} from public.volunteers where id = $1`, [id]));

const volunteersOf = (workspace: Workspace) =>
  privileged((tx) =>
    tx.query<{ id: string }>('select id from public.volunteers where tenant_id = $1', [world[workspace].id]),
  );

const enrol = (actor: Actor, workspace: Workspace) =>
  asActor(world, actor, (tx) =>
    tx.query<Volunteer>(
      `insert into public.volunteers (tenant_id, name) values ($1, 'Ny frivillig') returning ${COLUMNS}`,
      [world[workspace].id],
    ),
  );

const pause = (actor: Actor, id: string) =>
  asActor(world, actor, (tx) =>
    tx.query<Volunteer>(
      `update public.volunteers set status = 'paused', note = 'Orlov' where id = $1 returning ${COLUMNS}`,
      [id],
    ),
  );

const remove = (actor: Actor, id: string) =>
  asActor(world, actor, (tx) =>
    tx.query<{ id: string }>('delete from public.volunteers where id = $1 returning id', [id]),
  );

const directory = (actor: Actor, workspace: Workspace) =>
  asActor(world, actor, (tx) =>
    tx.query<{ id: string; name: string; email: string | null; phone: string | null }>(
      'select * from app.volunteer_directory($1)',
      [world[workspace].id],
    ),
  );

for (const { actor, home, access } of ACTORS) {
  describe(ACTOR_LABEL[actor], () => {
    const foreign = (): Workspace => (home === 'tenant' ? 'other' : 'tenant');

    it(
      !home
        ? 'select: is refused'
        : access === 'none'
          ? 'select: sees no volunteers, not even its own workspace’s'
          : 'select: sees its own workspace’s volunteers and no other',
      async () => {
        const read = asActor(world, actor, (tx) => tx.query<{ id: string }>('select id from public.volunteers'));
        if (!home) await expect(read).rejects.toThrow(REFUSED);
        else expect(ids(await read)).toEqual(access === 'none' ? [] : [seeded[home]]);
      },
    );

    if (home) {
      it(
        access === 'edit' ? 'insert: adds a volunteer to its own workspace' : 'insert: cannot add a volunteer',
        async () => {
          const result = enrol(actor, home);
          if (access === 'edit') {
            const rows = await result;
            expect(rows).toEqual([
              {
                id: expect.any(String),
                tenant_id: world[home].id,
                name: 'Ny frivillig',
                status: 'applicant',
                note: null,
                version: 1,
              },
            ]);
            expect(await stored(rows[0]!.id)).toEqual(rows[0]);
          } else {
            await expectNoWrite(result);
            expect(ids(await volunteersOf(home))).toEqual([seeded[home]]);
          }
        },
      );

      it(
        access === 'edit' ? 'update: edits its own workspace’s volunteer' : 'update: cannot edit a volunteer',
        async () => {
          const before = await stored(seeded[home]);
          const result = pause(actor, seeded[home]);
          if (access === 'edit') {
            expect(await result).toEqual([{ ...before, status: 'paused', note: 'Orlov', version: 2 }]);
          } else {
            await expectNoWrite(result);
            expect(await stored(seeded[home])).toEqual(before);
          }
        },
      );

      it(
        access === 'edit' ? 'delete: removes its own workspace’s volunteer' : 'delete: cannot remove a volunteer',
        async () => {
          const result = remove(actor, seeded[home]);
          if (access === 'edit') {
            expect(await result).toEqual([{ id: seeded[home] }]);
            expect(await stored(seeded[home])).toBeUndefined();
          } else {
            await expectNoWrite(result);
            expect(await stored(seeded[home])).toBeDefined();
          }
        },
      );
    }

    it('insert, update, delete: cannot touch volunteers of a workspace it does not belong to', async () => {
      const target = foreign();
      const before = await stored(seeded[target]);
      await expectNoWrite(enrol(actor, target));
      await expectNoWrite(pause(actor, seeded[target]));
      await expectNoWrite(remove(actor, seeded[target]));
      expect(ids(await volunteersOf(target))).toEqual([seeded[target]]);
      expect(await stored(seeded[target])).toEqual(before);
    });

    it(
      home === 'tenant'
        ? 'app.volunteer_directory: lists name and contact of the municipality’s active volunteers'
        : home
          ? 'app.volunteer_directory: shows nothing of the municipality'
          : 'app.volunteer_directory: is refused',
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
  });
}

describe('version', () => {
  const version = async (id: string) =>
    privileged((tx) =>
      tx.one<{ version: number; updated_at: Date }>('select version, updated_at from public.volunteers where id = $1', [
        id,
      ]),
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
