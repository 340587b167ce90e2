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
  seedEachWorkspace,
} from './helpers.ts';

/**
 * Each actor's own workspace, and what its role there lets it do with that workspace's
 * participants: owners, admins and coordinators edit, viewers read, peers see no participant rows
 * at all. The stranger owns the other workspace and the region member administers the region, in
 * active partnership with the municipality: neither may see or touch the municipality's participants.
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

const COLUMNS = 'id, tenant_id, first_name, birth_year, status, version';
type Participant = {
  id: string;
  tenant_id: string;
  first_name: string;
  birth_year: number | null;
  status: 'waiting' | 'active' | 'paused' | 'ended';
  version: number;
};

let world: World;
/** One participant in each workspace of the world. */
let seeded: Record<Workspace, string>;

beforeEach(async () => {
  world = await createWorld();
  seeded = await seedEachWorkspace(
    world,
    `insert into public.participants (tenant_id, first_name, birth_year, contact, consent_on)
         values ($1, $2, 1990, 'via bostøtten', current_date) returning id`,
    (w, tenantId) => [tenantId, `Mette ${w}`],
  );
});

const stored = (id: string) =>
  privileged((tx) => tx.one<Participant>(`select ${COLUMNS} from public.participants where id = $1`, [id]));

const participantsOf = (workspace: Workspace) =>
  privileged((tx) =>
    tx.query<{ id: string }>('select id from public.participants where tenant_id = $1', [world[workspace].id]),
  );

const admit = (actor: Actor, workspace: Workspace) =>
  asActor(world, actor, (tx) =>
    tx.query<Participant>(
      `insert into public.participants (tenant_id, first_name, birth_year) values ($1, 'J.K.', 1985) returning ${COLUMNS}`,
      [world[workspace].id],
    ),
  );

const activate = (actor: Actor, id: string) =>
  asActor(world, actor, (tx) =>
    tx.query<Participant>(`update public.participants set status = 'active' where id = $1 returning ${COLUMNS}`, [id]),
  );

const remove = (actor: Actor, id: string) =>
  asActor(world, actor, (tx) =>
    tx.query<{ id: string }>('delete from public.participants where id = $1 returning id', [id]),
  );

for (const { actor, home, access } of ACTORS) {
  describe(ACTOR_LABEL[actor], () => {
    const foreign = (): Workspace => (home === 'tenant' ? 'other' : 'tenant');

    it(
      !home
        ? 'select: is refused'
        : access === 'none'
          ? 'select: sees no participants, not even its own workspace’s'
          : 'select: sees its own workspace’s participants and no other',
      async () => {
        const read = asActor(world, actor, (tx) => tx.query<{ id: string }>('select id from public.participants'));
        if (!home) await expect(read).rejects.toThrow(REFUSED);
        else expect(ids(await read)).toEqual(access === 'none' ? [] : [seeded[home]]);
      },
    );

    if (home) {
      it(
        access === 'edit' ? 'insert: adds a participant to its own workspace' : 'insert: cannot add a participant',
        async () => {
          const result = admit(actor, home);
          if (access === 'edit') {
            const rows = await result;
            expect(rows).toEqual([
              {
                id: expect.any(String),
                tenant_id: world[home].id,
                first_name: 'J.K.',
                birth_year: 1985,
                status: 'waiting',
                version: 1,
              },
            ]);
            expect(await stored(rows[0]!.id)).toEqual(rows[0]);
          } else {
            await expectNoWrite(result);
            expect(ids(await participantsOf(home))).toEqual([seeded[home]]);
          }
        },
      );

      it(
        access === 'edit' ? 'update: edits its own workspace’s participant' : 'update: cannot edit a participant',
        async () => {
          const before = await stored(seeded[home]);
          const result = activate(actor, seeded[home]);
          if (access === 'edit') {
            expect(await result).toEqual([{ ...before, status: 'active', version: 2 }]);
          } else {
            await expectNoWrite(result);
            expect(await stored(seeded[home])).toEqual(before);
          }
        },
      );

      it(
        access === 'edit' ? 'delete: removes its own workspace’s participant' : 'delete: cannot remove a participant',
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

    it('insert, update, delete: cannot touch participants of a workspace it does not belong to', async () => {
      const target = foreign();
      const before = await stored(seeded[target]);
      await expectNoWrite(admit(actor, target));
      await expectNoWrite(activate(actor, seeded[target]));
      await expectNoWrite(remove(actor, seeded[target]));
      expect(ids(await participantsOf(target))).toEqual([seeded[target]]);
      expect(await stored(seeded[target])).toEqual(before);
    });
  });
}

describe('CPR numbers', () => {
  const FIELDS = ['first_name', 'contact', 'note'] as const;
  /** One check per column, named so the API can translate it. */
  const refusedIn = (field: string) => ({ code: '23514', constraint: `participants_${field}_no_cpr` });

  const insertWith = (run: typeof privileged, field: (typeof FIELDS)[number], value: string) =>
    run((tx) =>
      tx.query(
        `insert into public.participants (tenant_id, first_name, contact, note)
         values ($1, coalesce($2, 'Mette'), $3, $4) returning id`,
        [
          world.tenant.id,
          field === 'first_name' ? value : null,
          field === 'contact' ? value : null,
          field === 'note' ? value : null,
        ],
      ),
    );

  for (const cpr of ['010190-1234', '0101901234']) {
    for (const field of FIELDS) {
      it(`refuses ${cpr} in ${field}, even on the privileged path`, async () => {
        const values = field === 'first_name' ? [cpr] : [cpr, `Ring til hende, CPR ${cpr}, efter kl. 10`];
        const REFUSED_CPR = refusedIn(field);
        for (const value of values) {
          await expect(insertWith(privileged, field, value)).rejects.toMatchObject(REFUSED_CPR);
          await expect(insertWith((fn) => as(world.users.coordinator, fn), field, value)).rejects.toMatchObject(
            REFUSED_CPR,
          );
          await expect(
            as(world.users.coordinator, (tx) =>
              tx.query(`update public.participants set ${field} = $2 where id = $1 returning id`, [
                seeded.tenant,
                value,
              ]),
            ),
          ).rejects.toMatchObject(REFUSED_CPR);
        }
        expect(ids(await participantsOf('tenant'))).toEqual([seeded.tenant]);
        expect(await stored(seeded.tenant)).toMatchObject({ first_name: 'Mette tenant', version: 1 });
      });
    }
  }

  it('accepts ordinary numbers: a phone number, a year, a postcode', async () => {
    expect(await insertWith(privileged, 'contact', '+45 12 34 56 78, 8000 Aarhus')).toHaveLength(1);
    expect(await insertWith(privileged, 'note', 'Startede 01.09.2024, ring 12345678')).toHaveLength(1);
  });
});

describe('birth_year', () => {
  const withBirthYear = (birthYear: number) =>
    privileged((tx) =>
      tx.query<{ birth_year: number }>(
        "insert into public.participants (tenant_id, first_name, birth_year) values ($1, 'Ole', $2) returning birth_year",
        [world.tenant.id, birthYear],
      ),
    );

  it('accepts 1900 through 2100', async () => {
    expect(await withBirthYear(1900)).toEqual([{ birth_year: 1900 }]);
    expect(await withBirthYear(2100)).toEqual([{ birth_year: 2100 }]);
  });

  it('refuses a year outside 1900..2100, even on the privileged path', async () => {
    const refused = { code: '23514', constraint: 'participants_birth_year_check' };
    await expect(withBirthYear(1899)).rejects.toMatchObject(refused);
    await expect(withBirthYear(2101)).rejects.toMatchObject(refused);
    await expect(
      as(world.users.coordinator, (tx) =>
        tx.query('update public.participants set birth_year = 1899 where id = $1', [seeded.tenant]),
      ),
    ).rejects.toMatchObject(refused);
    expect(await stored(seeded.tenant)).toMatchObject({ birth_year: 1990 });
    expect(ids(await participantsOf('tenant'))).toEqual([seeded.tenant]);
  });
});
