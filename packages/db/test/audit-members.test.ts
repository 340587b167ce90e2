import { beforeEach, describe, expect, it } from 'vitest';
import { as, createWorld, privileged, type World } from '../src/testing/index.ts';
import { newToken } from './helpers.ts';

/** Who changed who may do what: role changes, removals, invitations and partnerships are audited. */
let world: World;
let builtAt: Date;
beforeEach(async () => {
  world = await createWorld();
  // changed_at is the transaction's start: later transactions have later times.
  builtAt = (await privileged((tx) => tx.one<{ now: Date }>('select now()')))!.now;
});

type Entry = { table_name: string; action: string; changed_by: string | null; changes: Record<string, unknown> };
/** The table's audit entries, leaving out those of the rows the test world was built with. */
const auditOf = (tenantId: string, table: string) =>
  privileged((tx) =>
    tx.query<Entry>(
      `select table_name, action, changed_by, changes from public.audit_log
       where tenant_id = $1 and table_name = $2 and changed_at > $3 order by id`,
      [tenantId, table, builtAt],
    ),
  );

describe('audit of rights', () => {
  it('a role change: who, from what, to what', async () => {
    await as(world.users.owner, (tx) =>
      tx.query("update public.memberships set role = 'coordinator' where tenant_id = $1 and user_id = $2", [
        world.tenant.id,
        world.users.admin.id,
      ]),
    );
    expect(await auditOf(world.tenant.id, 'memberships')).toEqual([
      {
        table_name: 'memberships',
        action: 'update',
        changed_by: world.users.owner.id,
        changes: { role: { from: 'admin', to: 'coordinator' } },
      },
    ]);
  });

  it('a removal, with who was removed', async () => {
    await as(world.users.owner, (tx) =>
      tx.query('delete from public.memberships where tenant_id = $1 and user_id = $2', [
        world.tenant.id,
        world.users.peer.id,
      ]),
    );
    const [entry] = await auditOf(world.tenant.id, 'memberships');
    expect(entry).toMatchObject({ action: 'delete', changed_by: world.users.owner.id });
    expect(entry!.changes).toMatchObject({ user_id: world.users.peer.id, role: 'peer' });
  });

  it('an invitation and its revocation, never its token hash', async () => {
    const token = newToken();
    await as(world.users.admin, async (tx) => {
      await tx.query(
        `insert into public.invitations (tenant_id, email, role, token_hash) values ($1, 'ny@test.brobygger.dk', 'peer', sha256(convert_to($2, 'UTF8')))`,
        [world.tenant.id, token],
      );
      await tx.query(
        "update public.invitations set revoked_at = now() where tenant_id = $1 and email = 'ny@test.brobygger.dk'",
        [world.tenant.id],
      );
    });
    const entries = await auditOf(world.tenant.id, 'invitations');
    expect(entries.map((e) => [e.action, e.changed_by])).toEqual([
      ['insert', world.users.admin.id],
      ['update', world.users.admin.id],
    ]);
    expect(entries[0]!.changes).toMatchObject({ email: 'ny@test.brobygger.dk', role: 'peer' });
    expect(entries[0]!.changes).not.toHaveProperty('token_hash');
    expect(Object.keys(entries[1]!.changes)).toEqual(['revoked_at']);
  });

  it('a partnership’s status change', async () => {
    await privileged((tx) =>
      tx.query("update public.partnerships set status = 'ended', ended_on = current_date where tenant_id = $1", [
        world.region.id,
      ]),
    );
    // The update, whether or not the partnership's creation also falls after `builtAt` (clocks).
    const updates = (await auditOf(world.region.id, 'partnerships')).filter((e) => e.action === 'update');
    expect(updates).toEqual([
      expect.objectContaining({ changes: { status: { from: 'active', to: 'ended' }, ended_on: expect.anything() } }),
    ]);
  });
});

describe('indexes', () => {
  it('invitations has an index leading with accepted_by and one with invited_by', async () => {
    const leading = await privileged((tx) =>
      tx.query<{ column: string }>(
        `select a.attname as column from pg_index i
         join pg_attribute a on a.attrelid = i.indrelid and a.attnum = i.indkey[0]
         where i.indrelid = 'public.invitations'::regclass order by 1`,
      ),
    );
    expect(leading.map((r) => r.column)).toEqual(expect.arrayContaining(['accepted_by', 'invited_by']));
  });
});
