import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, privileged, type World } from '@brobygger/db/testing';
import { NEW_VOLUNTEER, type VolunteerRow } from '../src/rosters/index.ts';
import { callerFor } from './helpers.ts';

/*
 * A save whose answer was lost on the way back (the connection dropped after the commit) is sent
 * again by the grid, with the same batch id. It must get the first answer, not a false conflict,
 * and must not write a second time.
 */

let world: World;
let anna: VolunteerRow;
let bo: VolunteerRow;
beforeEach(async () => {
  world = await createWorld();
  const seeded = await save('coordinator', { upserts: [volunteer('Anna'), volunteer('Bo')] });
  if (!seeded.ok) throw new Error('setup failed');
  [anna, bo] = [...seeded.rows].sort((a, b) => String(a.name).localeCompare(String(b.name))) as [
    VolunteerRow,
    VolunteerRow,
  ];
});

const volunteer = (name: string): VolunteerRow => ({ ...NEW_VOLUNTEER, id: randomUUID(), version: null, name });

type Batch = { batchId?: string; upserts?: VolunteerRow[]; deletes?: { id: string; version: number }[] };
const save = (who: keyof World['users'], { batchId, upserts = [], deletes = [] }: Batch) =>
  callerFor(world.users[who]).api.volunteers.save({ tenant: world.tenant.slug, batchId, upserts, deletes });

/** The municipality's volunteers, their versions and audit entries, on the privileged path. */
const stored = () =>
  privileged(async (tx) => ({
    volunteers: await tx.query<{ name: string; version: number }>(
      'select name, version from public.volunteers where tenant_id = $1 order by name',
      [world.tenant.id],
    ),
    auditEntries: (
      await tx.one<{ n: number }>(
        "select count(*)::int as n from public.audit_log where tenant_id = $1 and table_name = 'volunteers'",
        [world.tenant.id],
      )
    )?.n,
  }));

/** One grid save: Anna renamed, Bo deleted, Cille added. */
const editBatch = (batchId?: string): Batch => ({
  batchId,
  upserts: [{ ...anna, name: 'Anna Hansen' }, volunteer('Cille')],
  deletes: [{ id: bo.id, version: bo.version! }],
});

describe('a retried save', () => {
  it('sent again with the same batch id gets the first answer and writes nothing more', async () => {
    const batch = editBatch(randomUUID());
    const first = await save('coordinator', batch);
    expect(first).toMatchObject({ ok: true, deleted: [bo.id] });
    const afterFirst = await stored();
    expect(afterFirst.volunteers).toEqual([
      { name: 'Anna Hansen', version: 2 },
      { name: 'Cille', version: 1 },
    ]);

    const again = await save('coordinator', batch);
    expect(again).toEqual(first);
    // Versions bumped once, no second audit entry, no second row.
    expect(await stored()).toEqual(afterFirst);
  });

  it('without a batch id (an older client) the repeat is a false conflict: why the grid sends one', async () => {
    const batch = editBatch();
    expect((await save('coordinator', batch)).ok).toBe(true);
    const again = await save('coordinator', batch);
    expect(again.ok).toBe(false);
    // Anna has a newer version now, Bo is gone, and Cille exists already.
    const cille = batch.upserts![1]!;
    if (!again.ok) expect(again.conflicts.map((c) => c.id).sort()).toEqual([anna.id, bo.id, cille.id].sort());
  });

  it('sent twice at once, it is saved once and both sends get the same answer', async () => {
    const batch = editBatch(randomUUID());
    const before = await stored();
    const [a, b] = await Promise.all([save('coordinator', batch), save('coordinator', batch)]);
    expect(a.ok).toBe(true);
    expect(b).toEqual(a);
    const after = await stored();
    expect(after.volunteers).toEqual([
      { name: 'Anna Hansen', version: 2 },
      { name: 'Cille', version: 1 },
    ]);
    // Update, delete and insert: one audit entry each.
    expect(after.auditEntries).toBe(before.auditEntries! + 3);
  });

  it('the same batch id with other rows is refused, and nothing is written', async () => {
    const batchId = randomUUID();
    expect((await save('coordinator', editBatch(batchId))).ok).toBe(true);
    const before = await stored();
    await expect(save('coordinator', { batchId, upserts: [volunteer('Dorte')] })).rejects.toMatchObject({
      code: 'CONFLICT',
      message: 'errors:batch_reused',
    });
    expect(await stored()).toEqual(before);
  });

  it('the same batch id on another roster is refused', async () => {
    const batchId = randomUUID();
    expect((await save('coordinator', editBatch(batchId))).ok).toBe(true);
    const participants = callerFor(world.users.coordinator).api.participants;
    await expect(
      participants.save({ tenant: world.tenant.slug, batchId, upserts: [], deletes: [] }),
    ).rejects.toMatchObject({ message: 'errors:batch_reused' });
  });

  it('a refused save records nothing: once the conflict is resolved, the same id saves', async () => {
    const batchId = randomUUID();
    // Someone else renames Anna first, so this batch's version of Anna is stale.
    const other = await save('admin', { upserts: [{ ...anna, name: 'Anna A.' }] });
    if (!other.ok) throw new Error('setup failed');
    const refused = await save('coordinator', { batchId, upserts: [{ ...anna, name: 'Anna Hansen' }] });
    expect(refused).toMatchObject({ ok: false, conflicts: [{ id: anna.id }] });
    const receipts = await privileged((tx) =>
      tx.query('select 1 from public.save_receipts where batch_id = $1', [batchId]),
    );
    expect(receipts).toEqual([]);
    const resolved = await save('coordinator', { batchId, upserts: [{ ...other.rows[0]!, name: 'Anna Hansen' }] });
    expect(resolved).toMatchObject({ ok: true, rows: [{ name: 'Anna Hansen', version: 3 }] });
  });

  it('another member’s batch id gets no one else’s answer: their send runs as their own save', async () => {
    const batch = editBatch(randomUUID());
    const first = await save('coordinator', batch);
    expect(first.ok).toBe(true);
    const before = await stored();
    const theirs = await save('admin', batch);
    // The admin's send is checked against the rows as they are now: a real conflict, not the coordinator's result.
    expect(theirs.ok).toBe(false);
    expect(await stored()).toEqual(before);
  });

  it('receipts older than a day are pruned by the next save', async () => {
    const old = randomUUID();
    expect((await save('coordinator', editBatch(old))).ok).toBe(true);
    await privileged((tx) =>
      tx.query("update public.save_receipts set created_at = now() - interval '25 hours' where batch_id = $1", [old]),
    );
    expect((await save('coordinator', { batchId: randomUUID(), upserts: [volunteer('Erik')] })).ok).toBe(true);
    const left = await privileged((tx) =>
      tx.query<{ batch_id: string }>('select batch_id from public.save_receipts where tenant_id = $1', [
        world.tenant.id,
      ]),
    );
    expect(left.map((r) => r.batch_id)).not.toContain(old);
    expect(left).toHaveLength(1);
  });
});
