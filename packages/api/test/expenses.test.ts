import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, privileged, type World } from '@brobygger/db/testing';
import { expenses, kmRates } from '../src/rosters/index.ts';
import { callerFor } from './helpers.ts';

/**
 * Expenses through the API: a peer enters their own and sees only those, a coordinator approves,
 * approval locks the expense for the peer, km are priced at the rate valid on the expense's date,
 * and a month's approved expenses are exported for bookkeeping.
 */
let world: World;
let tenant: string;
let ali: string;
let kim: string;

const newExpense = (fields: Record<string, unknown>) => ({
  ...expenses.newRow(),
  id: randomUUID(),
  version: null,
  ...fields,
});

const addVolunteer = (name: string, userId: string | null) =>
  privileged(async (tx) => {
    const row = await tx.one<{ id: string }>(
      "insert into public.volunteers (tenant_id, name, status, user_id) values ($1, $2, 'active', $3) returning id",
      [world.tenant.id, name, userId],
    );
    return row!.id;
  });

beforeEach(async () => {
  world = await createWorld();
  tenant = world.tenant.slug;
  ali = await addVolunteer('Ali Demir', world.users.peer.id);
  kim = await addVolunteer('Kim Holm', null);
  const owner = callerFor(world.users.owner).api;
  const rates = [
    { validFrom: '2025-01-01', rate: 3.51 },
    { validFrom: '2026-01-01', rate: 3.81 },
  ].map((r) => ({ ...kmRates.newRow(), id: randomUUID(), version: null, ...r }));
  expect(await owner.kmRates.save({ tenant, upserts: rates, deletes: [] })).toMatchObject({ ok: true });
});

describe('a peer', () => {
  it('enters an expense without naming themselves, sees only their own, and may not approve', async () => {
    const peer = callerFor(world.users.peer).api;
    const coordinator = callerFor(world.users.coordinator).api;
    await coordinator.expenses.save({
      tenant,
      upserts: [newExpense({ volunteerId: kim, spentOn: '2026-11-03', km: 10, purpose: 'Kims kørsel' })],
      deletes: [],
    });

    const before = await peer.expenses.list({ tenant });
    expect(before.rows).toEqual([]);
    // Adds their own rows; the status is the coordinator's to change.
    expect(before.access).toEqual({ add: true, edit: true, delete: false, readOnly: ['status'] });
    expect(before.lookups.volunteerId).toEqual([{ id: ali, label: 'Ali Demir', detail: null }]);

    const saved = await peer.expenses.save({
      tenant,
      upserts: [newExpense({ spentOn: '2026-11-05', km: 24, purpose: 'Kørsel til recovery-café' })],
      deletes: [],
    });
    expect(saved).toMatchObject({
      ok: true,
      rows: [{ volunteerId: ali, km: 24, rate: 3.81, total: 91.44, status: 'submitted', editable: true }],
    });
    const listed = await peer.expenses.list({ tenant });
    expect(listed.rows.map((r) => r.purpose)).toEqual(['Kørsel til recovery-café']);

    const mine = listed.rows[0]!;
    await expect(
      peer.expenses.save({ tenant, upserts: [{ ...mine, status: 'approved' }], deletes: [] }),
    ).rejects.toMatchObject({ message: 'errors:expense_decided_by_coordinators' });
  });

  it('cannot change an expense once a coordinator has approved it', async () => {
    const peer = callerFor(world.users.peer).api;
    const coordinator = callerFor(world.users.coordinator).api;
    const saved = await peer.expenses.save({
      tenant,
      upserts: [newExpense({ spentOn: '2026-11-05', km: 24, purpose: 'Kørsel' })],
      deletes: [],
    });
    if (!saved.ok) throw new Error('setup failed');
    const [all] = (await coordinator.expenses.list({ tenant })).rows;
    expect(
      await coordinator.expenses.save({ tenant, upserts: [{ ...all!, status: 'approved' }], deletes: [] }),
    ).toMatchObject({
      ok: true,
      rows: [{ status: 'approved' }],
    });

    const [locked] = (await peer.expenses.list({ tenant })).rows;
    expect(locked).toMatchObject({ status: 'approved', editable: false });
    expect(await peer.expenses.save({ tenant, upserts: [{ ...locked!, km: 240 }], deletes: [] })).toEqual({
      ok: false,
      conflicts: [],
      errors: [{ id: locked!.id, field: '', message: 'errors:row_read_only' }],
    });
    expect((await peer.expenses.list({ tenant })).access.edit).toBe(true);
  });
});

describe('pricing', () => {
  it('prices km at the rate valid on each expense’s date, across a change of rate', async () => {
    const coordinator = callerFor(world.users.coordinator).api;
    const result = await coordinator.expenses.save({
      tenant,
      upserts: [
        newExpense({ volunteerId: kim, spentOn: '2025-12-31', km: 100, purpose: 'Nytårsaften' }),
        newExpense({ volunteerId: kim, spentOn: '2026-01-01', km: 100, purpose: 'Nytårsdag' }),
        newExpense({ volunteerId: kim, spentOn: '2024-12-31', km: 100, purpose: 'Før første takst' }),
        newExpense({ volunteerId: kim, spentOn: '2026-01-02', kind: 'other', amount: 45.5, purpose: 'Kage' }),
      ],
      deletes: [],
    });
    if (!result.ok) throw new Error(JSON.stringify(result));
    const byPurpose = Object.fromEntries(result.rows.map((r) => [r.purpose, [r.rate, r.total]]));
    expect(byPurpose).toEqual({
      Nytårsaften: [3.51, 351],
      Nytårsdag: [3.81, 381],
      'Før første takst': [null, null],
      Kage: [null, 45.5],
    });
  });

  it('asks for km on transport and an amount on other outlays, on the cell', async () => {
    const coordinator = callerFor(world.users.coordinator).api;
    const bad = [
      newExpense({ volunteerId: kim, spentOn: '2026-02-01', kind: 'transport', km: null, purpose: 'Uden km' }),
      newExpense({ volunteerId: kim, spentOn: '2026-02-01', kind: 'other', amount: null, purpose: 'Uden beløb' }),
    ];
    expect(await coordinator.expenses.save({ tenant, upserts: bad, deletes: [] })).toEqual({
      ok: false,
      conflicts: [],
      errors: [
        { id: bad[0]!.id, field: 'km', message: 'errors:required' },
        { id: bad[1]!.id, field: 'amount', message: 'errors:required' },
      ],
    });
  });
});

describe('the monthly export', () => {
  it('lists the month’s approved expenses with volunteer, date, purpose, km, rate and amount', async () => {
    const coordinator = callerFor(world.users.coordinator).api;
    const rows = [
      newExpense({ volunteerId: kim, spentOn: '2026-03-02', km: 12.5, purpose: 'Møde', status: 'approved' }),
      newExpense({
        volunteerId: ali,
        spentOn: '2026-03-31',
        kind: 'other',
        amount: 89.95,
        purpose: 'Kaffe',
        status: 'approved',
      }),
      newExpense({ volunteerId: ali, spentOn: '2026-03-15', km: 8, purpose: 'Afventer' }),
      newExpense({ volunteerId: ali, spentOn: '2026-03-16', km: 8, purpose: 'Afvist', status: 'rejected' }),
      newExpense({ volunteerId: kim, spentOn: '2026-04-01', km: 8, purpose: 'April', status: 'approved' }),
    ];
    expect(await coordinator.expenses.save({ tenant, upserts: rows, deletes: [] })).toMatchObject({ ok: true });

    const exported = await coordinator.expenses.monthExport({ tenant, month: '2026-03' });
    expect(exported.rows.map(({ id: _id, ...r }) => r)).toEqual([
      {
        volunteer: 'Ali Demir',
        spentOn: '2026-03-31',
        kind: 'other',
        purpose: 'Kaffe',
        km: null,
        rate: null,
        amount: 89.95,
      },
      {
        volunteer: 'Kim Holm',
        spentOn: '2026-03-02',
        kind: 'transport',
        purpose: 'Møde',
        km: 12.5,
        rate: 3.81,
        amount: 47.63,
      },
    ]);
    expect(exported.total).toBe(137.58);
    expect((await coordinator.expenses.monthExport({ tenant, month: '2026-02' })).rows).toEqual([]);
  });

  it('is for those who read every expense: a peer is refused, a bad month is a clear message', async () => {
    await expect(
      callerFor(world.users.peer).api.expenses.monthExport({ tenant, month: '2026-03' }),
    ).rejects.toMatchObject({
      message: 'errors:forbidden',
    });
    await expect(
      callerFor(world.users.viewer).api.expenses.monthExport({ tenant, month: '2026-13' }),
    ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    await expect(
      callerFor(world.users.stranger).api.expenses.monthExport({ tenant, month: '2026-03' }),
    ).rejects.toMatchObject({ message: 'errors:workspace_not_found' });
  });
});
