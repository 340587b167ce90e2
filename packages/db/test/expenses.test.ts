import { beforeEach, describe, expect, it } from 'vitest';
import { as, createWorld, privileged, type TestUser, type World } from '../src/testing/index.ts';
import type { Tx } from '../src/tx.ts';
import { expectNoWrite, expectRaised, rlsMatrix, type SeededRow } from '../src/testing/rls-matrix.ts';

const COLUMNS = 'id, tenant_id, volunteer_id, spent_on::text, kind, km::text, amount::text, purpose, status, version';

/** One workspace's volunteers: `mine` is linked to `linkedUserId`, `colleague` to nobody. */
type ExpenseSeed = { mine: string; colleague: string };

const id = async (tx: Tx, sql: string, params: unknown[]) => (await tx.one<{ id: string }>(sql, params))!.id;

async function seedVolunteers(tx: Tx, tenantId: string, linkedUserId: string): Promise<ExpenseSeed> {
  const volunteer = (name: string, userId: string | null) =>
    id(
      tx,
      "insert into public.volunteers (tenant_id, name, status, user_id) values ($1, $2, 'active', $3) returning id",
      [tenantId, name, userId],
    );
  return { mine: await volunteer('Ali', linkedUserId), colleague: await volunteer('Kim', null) };
}

const addExpense = (tx: Tx, tenantId: string, volunteerId: string, status = 'submitted') =>
  id(
    tx,
    `insert into public.expenses (tenant_id, volunteer_id, spent_on, kind, km, purpose, status)
     values ($1, $2, date '2026-11-10', 'transport', 24, 'Kørsel til café', $3) returning id`,
    [tenantId, volunteerId, status],
  );

const seeds = new Map<string, ExpenseSeed>();

/**
 * Editors and viewers read every expense; editors enter and change any of them. A peer reads and
 * enters only the expenses of the volunteer row linked to their account, and changes them while
 * they are undecided; they remove none. The peer's account is linked to a volunteer in every
 * workspace, but only in the municipality, where they are a peer, does that make any row theirs.
 */
rlsMatrix({
  table: 'public.expenses',
  columns: COLUMNS,
  seed: async (tx, tenantId, { world }): Promise<SeededRow[]> => {
    const s = await seedVolunteers(tx, tenantId, world.users.peer.id);
    seeds.set(tenantId, s);
    return [
      { id: await addExpense(tx, tenantId, s.mine), ownedBy: ['peer'] },
      { id: await addExpense(tx, tenantId, s.colleague) },
    ];
  },
  insert: (tenantId, { mine }) => {
    const volunteer = seeds.get(tenantId)![mine ? 'mine' : 'colleague'];
    return {
      sql: `insert into public.expenses (tenant_id, volunteer_id, spent_on, kind, amount, purpose)
            values ($1, $2, date '2026-11-12', 'other', 45.50, 'Kage til caféen') returning ${COLUMNS}`,
      params: [tenantId, volunteer],
      returns: {
        id: expect.any(String),
        tenant_id: tenantId,
        volunteer_id: volunteer,
        spent_on: '2026-11-12',
        kind: 'other',
        km: null,
        amount: '45.50',
        purpose: 'Kage til caféen',
        status: 'submitted',
        version: 1,
      },
    };
  },
  update: {
    sql: `update public.expenses set km = 30, purpose = 'Kørsel til café og retur' where id = $1 returning ${COLUMNS}`,
    returns: (before) => ({ ...before, km: '30', purpose: 'Kørsel til café og retur', version: 2 }),
  },
  delete: true,
  expect: {
    owner: 'edit',
    admin: 'edit',
    coordinator: 'edit',
    peer: { select: 'own', insert: 'own', update: 'own' },
    viewer: 'read',
    stranger: 'edit',
    regionMember: 'edit',
    twoHats: { tenant: 'edit', other: 'read' },
    anonymous: 'none',
  },
});

type Stored = { status: string; purpose: string; decided_by: string | null; decided_at: Date | null; version: number };

describe('approval', () => {
  let world: World;
  let seed: ExpenseSeed;

  beforeEach(async () => {
    world = await createWorld();
    seed = await privileged((tx) => seedVolunteers(tx, world.tenant.id, world.users.peer.id));
  });

  const stored = (expenseId: string) =>
    privileged((tx) =>
      tx.one<Stored>('select status, purpose, decided_by, decided_at, version from public.expenses where id = $1', [
        expenseId,
      ]),
    );
  const setStatus = (user: TestUser, expenseId: string, status: string) =>
    as(user, (tx) =>
      tx.query<{ id: string }>('update public.expenses set status = $2 where id = $1 returning id', [
        expenseId,
        status,
      ]),
    );
  const rename = (user: TestUser, expenseId: string) =>
    as(user, (tx) =>
      tx.query<{ id: string }>("update public.expenses set purpose = 'Ændret' where id = $1 returning id", [expenseId]),
    );

  it('a coordinator approves an expense, and the database records who and when', async () => {
    const expense = await privileged((tx) => addExpense(tx, world.tenant.id, seed.mine));
    expect(await setStatus(world.users.coordinator, expense, 'approved')).toHaveLength(1);
    expect(await stored(expense)).toMatchObject({
      status: 'approved',
      decided_by: world.users.coordinator.id,
      decided_at: expect.any(Date),
    });
  });

  it('a peer cannot approve their own expense, nor enter one approved', async () => {
    const expense = await privileged((tx) => addExpense(tx, world.tenant.id, seed.mine));
    await expectRaised(setStatus(world.users.peer, expense, 'approved'), 'expense_decided_by_coordinators');
    await expectRaised(
      as(world.users.peer, (tx) =>
        tx.query(
          "insert into public.expenses (tenant_id, volunteer_id, spent_on, kind, km, purpose, status) values ($1, $2, date '2026-11-01', 'transport', 5, 'x', 'approved') returning id",
          [world.tenant.id, seed.mine],
        ),
      ),
      'expense_decided_by_coordinators',
    );
    expect((await stored(expense))!.status).toBe('submitted');
  });

  it('an approved or rejected expense is locked for the peer, not for the coordinator', async () => {
    const approved = await privileged((tx) => addExpense(tx, world.tenant.id, seed.mine, 'approved'));
    const rejected = await privileged((tx) => addExpense(tx, world.tenant.id, seed.mine, 'rejected'));
    await expectNoWrite(rename(world.users.peer, approved));
    await expectNoWrite(rename(world.users.peer, rejected));
    expect((await stored(approved))!.purpose).toBe('Kørsel til café');
    expect(await rename(world.users.coordinator, approved)).toHaveLength(1);
    // The peer still sees it, locked.
    const seen = await as(world.users.peer, (tx) =>
      tx.query<{ id: string }>('select id from public.expenses where id = $1', [approved]),
    );
    expect(seen).toHaveLength(1);
  });

  it('a peer’s expense without a volunteer becomes theirs; an editor’s without one is refused', async () => {
    const [row] = await as(world.users.peer, (tx) =>
      tx.query<{ volunteer_id: string }>(
        "insert into public.expenses (tenant_id, spent_on, kind, km, purpose) values ($1, date '2026-11-02', 'transport', 12, 'Møde') returning volunteer_id",
        [world.tenant.id],
      ),
    );
    expect(row!.volunteer_id).toBe(seed.mine);
    await expectRaised(
      as(world.users.coordinator, (tx) =>
        tx.query(
          "insert into public.expenses (tenant_id, spent_on, kind, km, purpose) values ($1, date '2026-11-02', 'transport', 12, 'Møde') returning id",
          [world.tenant.id],
        ),
      ),
      'expense_volunteer_required',
    );
  });

  it('keeps km for transport and an amount for other outlays, whichever the row held before', async () => {
    const expense = await privileged((tx) => addExpense(tx, world.tenant.id, seed.mine));
    const [other] = await as(world.users.peer, (tx) =>
      tx.query<{ km: string | null; amount: string | null }>(
        "update public.expenses set kind = 'other', amount = 80 where id = $1 returning km::text, amount::text",
        [expense],
      ),
    );
    expect(other).toEqual({ km: null, amount: '80' });
  });
});
