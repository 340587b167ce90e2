import { beforeEach, describe, expect, it } from 'vitest';
import { as, createWorld, privileged, type World } from '../src/testing/index.ts';
import { rlsMatrix } from '../src/testing/rls-matrix.ts';
import { ids, seedEachWorkspace, type Workspace } from './helpers.ts';

const COLUMNS = 'id, tenant_id, first_name, birth_year, status, version';

/**
 * Owners, admins and coordinators edit their workspace's participants; viewers and peers read no
 * participant rows from the table (viewers get a summary through a function, see
 * participant-privacy.test.ts). The stranger owns the association and the region member administers
 * the region, in active partnership with the municipality: neither may see or touch the
 * municipality's participants. The member with two hats edits in the municipality and, as a viewer,
 * reads nothing from the table in the association.
 */
rlsMatrix({
  table: 'public.participants',
  columns: COLUMNS,
  seed: (tx, tenantId) =>
    tx.one<{ id: string }>(
      `insert into public.participants (tenant_id, first_name, birth_year, contact, consent_on)
       values ($1, 'Mette', 1990, 'via bostøtten', current_date) returning id`,
      [tenantId],
    ),
  insert: (tenantId) => ({
    sql: `insert into public.participants (tenant_id, first_name, birth_year) values ($1, 'J.K.', 1985) returning ${COLUMNS}`,
    params: [tenantId],
    returns: {
      id: expect.any(String),
      tenant_id: tenantId,
      first_name: 'J.K.',
      birth_year: 1985,
      status: 'waiting',
      version: 1,
    },
  }),
  update: {
    sql: `update public.participants set status = 'active' where id = $1 returning ${COLUMNS}`,
    returns: (before) => ({ ...before, status: 'active', version: 2 }),
  },
  delete: true,
  expect: {
    owner: 'edit',
    admin: 'edit',
    coordinator: 'edit',
    viewer: 'none',
    peer: 'none',
    stranger: 'edit',
    regionMember: 'edit',
    twoHats: { tenant: 'edit', other: 'none' },
    anonymous: 'none',
  },
});

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

const stored = (id: string) =>
  privileged((tx) => tx.one<Participant>(`select ${COLUMNS} from public.participants where id = $1`, [id]));

const participantsOf = (workspace: Workspace) =>
  privileged((tx) =>
    tx.query<{ id: string }>('select id from public.participants where tenant_id = $1', [world[workspace].id]),
  );

/** The constraints below run in their own world, with one participant in each workspace. */
describe('constraints', () => {
  beforeEach(async () => {
    world = await createWorld();
    seeded = await seedEachWorkspace(
      world,
      `insert into public.participants (tenant_id, first_name, birth_year, contact, consent_on)
           values ($1, $2, 1990, 'via bostøtten', current_date) returning id`,
      (w, tenantId) => [tenantId, `Mette ${w}`],
    );
  });

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
});
