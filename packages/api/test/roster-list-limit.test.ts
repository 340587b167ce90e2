import { TRPCError } from '@trpc/server';
import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, privileged, type World } from '@brobygger/db/testing';
import { callerFor } from './helpers.ts';

/**
 * `list` with a limit: the first rows of a roster in its own order (Danish collation, then id),
 * read under RLS like the whole list, and logged for the rows returned when the roster is logged.
 * The page draws these before the rest has been read (docs/decisions/017).
 */

let world: World;
beforeEach(async () => {
  world = await createWorld();
  await privileged(async (tx) => {
    // Inserted out of order, with a lower-case name and Danish letters that sort last.
    for (const name of ['Åse', 'bo', 'Anna', 'Ørn', 'Carl', 'Ærø'])
      await tx.query('insert into public.volunteers (tenant_id, name) values ($1, $2)', [world.tenant.id, name]);
    for (const name of ['Mette', 'Jonas', 'Ib'])
      await tx.query("insert into public.participants (tenant_id, first_name, status) values ($1, $2, 'active')", [
        world.tenant.id,
        name,
      ]);
    await tx.query('insert into public.volunteers (tenant_id, name) values ($1, $2)', [world.other.id, 'Aage Anden']);
  });
});

const accessLog = () =>
  privileged((tx) =>
    tx.query<{ procedure: string; row_ids: string[] }>(
      'select procedure, row_ids from public.access_log where tenant_id = $1 order by read_at',
      [world.tenant.id],
    ),
  );

describe('a roster list with a limit', () => {
  it('gives the first rows in the same order as the whole list', async () => {
    const { api } = callerFor(world.users.coordinator);
    const all = await api.volunteers.list({ tenant: world.tenant.slug });
    expect(all.rows.map((r) => r.name)).toEqual(['Anna', 'bo', 'Carl', 'Ærø', 'Ørn', 'Åse']);
    const first = await api.volunteers.list({ tenant: world.tenant.slug, limit: 3 });
    expect(first.rows).toEqual(all.rows.slice(0, 3));
    expect(first.fields).toEqual(all.fields);
    expect(first.access).toEqual(all.access);
  });

  it('gives every row when the roster is shorter than the limit', async () => {
    const { api } = callerFor(world.users.viewer);
    expect((await api.volunteers.list({ tenant: world.tenant.slug, limit: 60 })).rows).toHaveLength(6);
  });

  it("never reaches into another workspace's rows", async () => {
    const { api } = callerFor(world.users.stranger);
    await expect(api.volunteers.list({ tenant: world.tenant.slug, limit: 60 })).rejects.toBeInstanceOf(TRPCError);
    const own = await api.volunteers.list({ tenant: world.other.slug, limit: 60 });
    expect(own.rows.map((r) => r.name)).toEqual(['Aage Anden']);
  });

  it('refuses a limit that is not a small positive whole number', async () => {
    const { api } = callerFor(world.users.coordinator);
    for (const limit of [0, -1, 2.5, 10_000])
      await expect(api.volunteers.list({ tenant: world.tenant.slug, limit })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
  });

  it('logs a limited read of participants for exactly the rows it returned', async () => {
    const { api } = callerFor(world.users.coordinator);
    const first = await api.participants.list({ tenant: world.tenant.slug, limit: 2 });
    expect(first.rows.map((r) => r.firstName)).toEqual(['Ib', 'Jonas']);
    expect(await accessLog()).toEqual([
      { procedure: 'participants.list', row_ids: expect.arrayContaining(first.rows.map((r) => r.id)) },
    ]);
    expect((await accessLog())[0]!.row_ids).toHaveLength(2);
  });
});
