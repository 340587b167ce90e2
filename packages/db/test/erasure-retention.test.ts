import { beforeEach, describe, expect, it } from 'vitest';
import { as, createWorld, privileged, type World } from '../src/testing/index.ts';
import { rlsMatrix, type RlsMatrixSpec } from '../src/testing/rls-matrix.ts';

/**
 * The erasure log and the retention runs (migration erasure_retention, decision 024): owners and
 * admins read their workspace's; nobody writes either (app.erase_traces and the retention job do,
 * on their own paths); another workspace sees nothing.
 */
const READ_BY_MANAGERS: RlsMatrixSpec['expect'] = {
  owner: 'read',
  admin: 'read',
  coordinator: 'none',
  peer: 'none',
  viewer: 'none',
  stranger: 'read',
  regionMember: 'read',
  twoHats: 'none',
  anonymous: 'none',
};

rlsMatrix({
  table: 'public.erasures',
  seed: (tx, tenantId) =>
    tx.one<{ id: string }>(
      "insert into public.erasures (tenant_id, kind, reason) values ($1, 'participant', 'retention') returning id",
      [tenantId],
    ),
  insert: (tenantId) => ({
    sql: "insert into public.erasures (tenant_id, kind, reason) values ($1, 'volunteer', 'request') returning id",
    params: [tenantId],
  }),
  update: { sql: "update public.erasures set kind = 'volunteer' where id = $1 returning id" },
  delete: true,
  expect: READ_BY_MANAGERS,
});

rlsMatrix({
  table: 'public.retention_runs',
  seed: (tx, tenantId) =>
    tx.one<{ id: string }>(
      `insert into public.retention_runs (tenant_id, retention_months, participants_erased, volunteers_erased)
       values ($1, 24, 2, 1) returning id`,
      [tenantId],
    ),
  insert: (tenantId) => ({
    sql: `insert into public.retention_runs (tenant_id, retention_months, participants_erased, volunteers_erased)
          values ($1, 24, 0, 0) returning id`,
    params: [tenantId],
  }),
  update: { sql: 'update public.retention_runs set participants_erased = 9 where id = $1 returning id' },
  delete: true,
  expect: READ_BY_MANAGERS,
});

describe('the stand-ins of erased people', () => {
  let world: World;
  let standIns: { participant: string; volunteer: string };

  beforeEach(async () => {
    world = await createWorld();
    standIns = await privileged(async (tx) => ({
      participant: (await tx.one<{ id: string }>(
        "insert into public.participants (tenant_id, first_name, status, erased_at) values ($1, '–', 'ended', now()) returning id",
        [world.tenant.id],
      ))!.id,
      volunteer: (await tx.one<{ id: string }>(
        "insert into public.volunteers (tenant_id, name, status, erased_at) values ($1, '–', 'active', now()) returning id",
        [world.tenant.id],
      ))!.id,
    }));
  });

  it('are read, changed and removed by no member, not even an owner', async () => {
    await as(world.users.owner, async (tx) => {
      expect(await tx.query('select id from public.participants where id = $1', [standIns.participant])).toEqual([]);
      expect(await tx.query('select id from public.volunteers where id = $1', [standIns.volunteer])).toEqual([]);
      expect(
        await tx.query("update public.participants set note = 'x' where id = $1 returning id", [standIns.participant]),
      ).toEqual([]);
      expect(await tx.query('delete from public.volunteers where id = $1 returning id', [standIns.volunteer])).toEqual(
        [],
      );
    });
  });

  it('are in no directory: not the lookups, not the viewers’ summary, not the peers’ volunteer list', async () => {
    const found = await as(world.users.owner, (tx) =>
      tx.one<{ n: number }>(
        `select (select count(*) from app.participant_lookup($1) where id = $2)
              + (select count(*) from app.participants_for_viewers($1) where id = $2)
              + (select count(*) from app.volunteer_directory($1) where id = $3)
              + (select count(*) from app.volunteer_lookup($1) where id = $3) as n`,
        [world.tenant.id, standIns.participant, standIns.volunteer],
      ),
    );
    expect(Number(found!.n)).toBe(0);
  });

  it('cannot be made by a member: erased_at is not theirs to write', async () => {
    await expect(
      as(world.users.owner, (tx) =>
        tx.query("insert into public.participants (tenant_id, first_name, erased_at) values ($1, 'x', now())", [
          world.tenant.id,
        ]),
      ),
    ).rejects.toThrow(/permission denied/);
  });
});
