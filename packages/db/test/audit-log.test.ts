import { beforeEach, describe, expect, it } from 'vitest';
import { as, createWorld, privileged, type World } from '../src/testing/index.ts';
import { rlsMatrix } from '../src/testing/rls-matrix.ts';
import {
  ACTOR_LABEL,
  asActor,
  ids,
  REFUSED,
  type Actor,
  type Workspace,
  WORKSPACES,
  seedEachWorkspace,
} from './helpers.ts';

/**
 * Owners, admins and coordinators read their workspace's audit trail; peers and viewers read none.
 * The stranger owns the association and the region member administers the region, in active
 * partnership with the municipality: neither reads the municipality's trail. The member with two
 * hats reads it where she coordinates (the municipality), not where she only views. Nobody writes
 * the trail directly: see the explicit tests below.
 */
rlsMatrix({
  table: 'public.audit_log',
  // Memberships are audited too (the world's setup writes some); this matrix is about the seed's.
  where: "t.table_name = 'volunteers'",
  seed: async (tx, tenantId) => {
    // A volunteer added and then changed: two audit rows, written by the triggers.
    const volunteer = await tx.one<{ id: string }>(
      "insert into public.volunteers (tenant_id, name, status) values ($1, 'Anna', 'active') returning id",
      [tenantId],
    );
    await tx.query("update public.volunteers set note = 'Opdateret' where id = $1", [volunteer!.id]);
    return tx.query<{ id: string }>('select id::text as id from public.audit_log where row_id = $1', [volunteer!.id]);
  },
  expect: {
    owner: 'read',
    admin: 'read',
    coordinator: 'read',
    peer: 'none',
    viewer: 'none',
    stranger: 'read',
    regionMember: 'read',
    twoHats: { tenant: 'read', other: 'none' },
    anonymous: 'none',
  },
});

/** Each actor's own workspace, for the writes nobody may make. */
const ACTORS: { actor: Actor; home: Workspace | null }[] = [
  { actor: 'owner', home: 'tenant' },
  { actor: 'admin', home: 'tenant' },
  { actor: 'coordinator', home: 'tenant' },
  { actor: 'peer', home: 'tenant' },
  { actor: 'viewer', home: 'tenant' },
  { actor: 'stranger', home: 'other' },
  { actor: 'regionMember', home: 'region' },
  { actor: 'anonymous', home: null },
];

type Audit = {
  tenant_id: string;
  table_name: string;
  row_id: string;
  action: 'insert' | 'update' | 'delete';
  changed_by: string | null;
  changes: Record<string, unknown>;
};

describe('beyond the matrix', () => {
  let world: World;
  /** One volunteer in each workspace, added on the privileged path (so each has one audit row). */
  let seeded: Record<Workspace, string>;

  beforeEach(async () => {
    world = await createWorld();
    seeded = await seedEachWorkspace(
      world,
      `insert into public.volunteers (tenant_id, name, email, status) values ($1, $2, $3, 'active') returning id`,
      (w, tenantId) => [tenantId, `Anna ${w}`, `anna-${w}@example.dk`],
    );
  });

  const auditOf = (rowId: string) =>
    privileged((tx) =>
      tx.query<Audit>(
        'select tenant_id, table_name, row_id, action, changed_by, changes from public.audit_log where row_id = $1 order by id',
        [rowId],
      ),
    );

  /** Every audit row of the world's workspaces (other test files write theirs concurrently). */
  const everyAuditRow = () =>
    privileged((tx) =>
      tx.query('select * from public.audit_log where tenant_id = any($1) order by tenant_id, id', [
        WORKSPACES.map((w) => world[w].id),
      ]),
    );

  const asCoordinator = <T>(sql: string, params: unknown[]) =>
    as(world.users.coordinator, (tx) => tx.query<T & object>(sql, params));

  describe('written by the triggers', () => {
    const expectNoKeys = (changes: Record<string, unknown>) => {
      expect(changes).not.toHaveProperty('tenant_id');
      expect(changes).not.toHaveProperty('version');
    };

    it('an insert records who added the row and its values', async () => {
      const [row] = await asCoordinator<{ id: string }>(
        "insert into public.volunteers (tenant_id, name, email) values ($1, 'Bent', 'bent@example.dk') returning id",
        [world.tenant.id],
      );
      const audit = await auditOf(row!.id);
      expect(audit).toEqual([
        {
          tenant_id: world.tenant.id,
          table_name: 'volunteers',
          row_id: row!.id,
          action: 'insert',
          changed_by: world.users.coordinator.id,
          changes: expect.objectContaining({
            id: row!.id,
            name: 'Bent',
            email: 'bent@example.dk',
            phone: null,
            status: 'applicant',
            short_courses: [],
          }),
        },
      ]);
      expectNoKeys(audit[0]!.changes);
    });

    it('an update records only the changed fields as {from, to}, not version or updated_at', async () => {
      await asCoordinator(
        "update public.volunteers set name = 'Anne', phone = '+45 22 22 22 22', status = 'active' where id = $1",
        [seeded.tenant],
      );
      const audit = await auditOf(seeded.tenant);
      expect(audit.map((a) => [a.action, a.changed_by])).toEqual([
        ['insert', null],
        ['update', world.users.coordinator.id],
      ]);
      expect(audit[1]).toEqual({
        tenant_id: world.tenant.id,
        table_name: 'volunteers',
        row_id: seeded.tenant,
        action: 'update',
        changed_by: world.users.coordinator.id,
        changes: { name: { from: 'Anna tenant', to: 'Anne' }, phone: { from: null, to: '+45 22 22 22 22' } },
      });
    });

    it('an update keeps dates, booleans and lists typed, and an update that changes nothing is not logged', async () => {
      await asCoordinator(
        `update public.volunteers set record_check_on = '2026-03-01', record_check_ok = true,
           short_courses = array['first_aid', 'psychosis_support'] where id = $1`,
        [seeded.tenant],
      );
      await asCoordinator('update public.volunteers set name = name, note = note where id = $1', [seeded.tenant]);
      const audit = await auditOf(seeded.tenant);
      expect(audit.map((a) => a.action)).toEqual(['insert', 'update']);
      expect(audit[1]!.changes).toEqual({
        record_check_on: { from: null, to: '2026-03-01' },
        record_check_ok: { from: null, to: true },
        short_courses: { from: [], to: ['first_aid', 'psychosis_support'] },
      });
    });

    it('a delete records who removed the row and its last values', async () => {
      await asCoordinator('delete from public.volunteers where id = $1', [seeded.tenant]);
      const audit = await auditOf(seeded.tenant);
      expect(audit[1]).toEqual({
        tenant_id: world.tenant.id,
        table_name: 'volunteers',
        row_id: seeded.tenant,
        action: 'delete',
        changed_by: world.users.coordinator.id,
        changes: expect.objectContaining({ id: seeded.tenant, name: 'Anna tenant', email: 'anna-tenant@example.dk' }),
      });
      expectNoKeys(audit[1]!.changes);
    });

    it('a 100-row insert writes 100 audit rows, and a 100-row update 100 more, one statement each', async () => {
      const inserted = await asCoordinator<{ id: string }>(
        `insert into public.volunteers (tenant_id, name)
         select $1, 'Frivillig ' || i from generate_series(1, 100) i returning id`,
        [world.tenant.id],
      );
      expect(inserted).toHaveLength(100);
      const updated = await asCoordinator<{ id: string }>(
        "update public.volunteers set status = 'active' where id = any($1) returning id",
        [inserted.map((r) => r.id)],
      );
      expect(updated).toHaveLength(100);

      const audit = await privileged((tx) =>
        tx.query<{ row_id: string; action: string; changed_by: string; changes: unknown }>(
          'select row_id, action, changed_by, changes from public.audit_log where row_id = any($1) order by id',
          [inserted.map((r) => r.id)],
        ),
      );
      for (const action of ['insert', 'update']) {
        const rows = audit.filter((a) => a.action === action);
        expect(rows.map((a) => a.row_id).sort()).toEqual(ids(inserted));
        expect(new Set(rows.map((a) => a.changed_by))).toEqual(new Set([world.users.coordinator.id]));
      }
      expect(audit.filter((a) => a.action === 'update').map((a) => a.changes)).toEqual(
        Array(100).fill({ status: { from: 'applicant', to: 'active' } }),
      );
    });

    it('a one-row update and a many-row update record the same change the same way', async () => {
      // Up to 8 rows compare as jsonb in a planned statement, more with a per-column statement
      // built for the table (20261201100000): both must give the same {from, to} per column,
      // for every kind of column, nulls both ways, and leave out what did not change.
      const inserted = await asCoordinator<{ id: string }>(
        `insert into public.volunteers (tenant_id, name, phone, status, start_date, record_check_ok, short_courses, note)
         select $1, 'Ens ' || i, '+45 11 11 11 11', 'applicant', date '2026-01-05', false, array['first_aid'], null
         from generate_series(1, 10) i returning id`,
        [world.tenant.id],
      );
      const [one, ...many] = inserted.map((r) => r.id);
      const change = `update public.volunteers set phone = null, status = 'active', start_date = date '2026-02-01',
          record_check_ok = true, short_courses = array['first_aid', 'psychosis_support'], note = 'Ny note',
          name = name where id = any($1)`;
      await asCoordinator(change, [[one]]);
      await asCoordinator(change, [many]);
      const changes = await privileged((tx) =>
        tx.query<{ row_id: string; changes: unknown }>(
          "select row_id, changes from public.audit_log where action = 'update' and row_id = any($1)",
          [inserted.map((r) => r.id)],
        ),
      );
      const expected = {
        phone: { from: '+45 11 11 11 11', to: null },
        status: { from: 'applicant', to: 'active' },
        start_date: { from: '2026-01-05', to: '2026-02-01' },
        record_check_ok: { from: false, to: true },
        short_courses: { from: ['first_aid'], to: ['first_aid', 'psychosis_support'] },
        note: { from: null, to: 'Ny note' },
      };
      expect(changes).toHaveLength(10);
      for (const row of changes) expect(row.changes).toEqual(expected);
    });

    it('fires once per statement, not once per row', async () => {
      expect(
        await privileged((tx) =>
          tx.query(
            `select tgname from pg_trigger
             where tgfoid = 'app.audit_changes'::regproc and tgtype & 1 = 1`,
          ),
        ),
      ).toEqual([]);
      const triggers = await privileged((tx) =>
        tx.query<{ tgname: string }>(
          `select tgname from pg_trigger where tgfoid = 'app.audit_changes'::regproc
             and tgrelid in ('public.participants'::regclass, 'public.volunteers'::regclass)`,
        ),
      );
      expect(triggers.map((t) => t.tgname).sort()).toEqual(
        ['participants', 'volunteers'].flatMap((t) => ['delete', 'insert', 'update'].map((a) => `${t}_audit_${a}`)),
      );
    });

    it('no update can move a row to another id or workspace, or set its version, past the audit trail', async () => {
      const [row] = await asCoordinator(
        "insert into public.volunteers (tenant_id, name) values ($1, 'Flyttes ikke') returning id",
        [world.tenant.id],
      );
      const id = (row as { id: string }).id;
      for (const column of [
        'id = gen_random_uuid()',
        `tenant_id = '${world.other.id}'`,
        'version = 99',
        'created_at = now()',
      ]) {
        await expect(
          asCoordinator(`update public.volunteers set ${column}, name = 'X' where id = $1 returning id`, [id]),
        ).rejects.toThrow(REFUSED);
        await expect(
          asCoordinator(
            `update public.participants set ${column.replace('name', 'first_name')} where id = $1 returning id`,
            [id],
          ),
        ).rejects.toThrow(REFUSED);
      }
      expect(await auditOf(id)).toHaveLength(1);
    });

    it('a workspace with roster rows can be deleted, taking its audit trail with it', async () => {
      const tenant = world.tenant.id;
      await asCoordinator("insert into public.volunteers (tenant_id, name) values ($1, 'Slettes') returning id", [
        tenant,
      ]);
      await privileged((tx) => tx.query('delete from public.tenants where id = $1', [tenant]));
      expect(
        await privileged((tx) => tx.query('select 1 from public.audit_log where tenant_id = $1', [tenant])),
      ).toEqual([]);
    });

    it('participants are audited the same way', async () => {
      const [row] = await asCoordinator<{ id: string }>(
        "insert into public.participants (tenant_id, first_name) values ($1, 'Mette') returning id",
        [world.tenant.id],
      );
      await asCoordinator("update public.participants set status = 'active' where id = $1", [row!.id]);
      await asCoordinator('delete from public.participants where id = $1', [row!.id]);
      expect(await auditOf(row!.id)).toEqual([
        expect.objectContaining({
          table_name: 'participants',
          action: 'insert',
          changed_by: world.users.coordinator.id,
        }),
        expect.objectContaining({
          table_name: 'participants',
          action: 'update',
          changes: { status: { from: 'waiting', to: 'active' } },
        }),
        expect.objectContaining({
          table_name: 'participants',
          action: 'delete',
          changed_by: world.users.coordinator.id,
        }),
      ]);
    });
  });

  for (const { actor, home } of ACTORS) {
    describe(ACTOR_LABEL[actor], () => {
      it('insert, update, delete: may not write the audit trail directly, even its own workspace’s', async () => {
        const workspace = world[home ?? 'tenant'];
        const before = await everyAuditRow();
        for (const statement of [
          `insert into public.audit_log (tenant_id, table_name, row_id, action, changed_by, changes)
           values ($1, 'volunteers', gen_random_uuid(), 'delete', null, '{}') returning id`,
          "update public.audit_log set changes = '{}', changed_by = null where tenant_id = $1 returning id",
          'delete from public.audit_log where tenant_id = $1 returning id',
        ]) {
          await expect(asActor(world, actor, (tx) => tx.query(statement, [workspace.id]))).rejects.toThrow(
            /permission denied/,
          );
        }
        expect(await everyAuditRow()).toEqual(before);
      });
    });
  }
});
