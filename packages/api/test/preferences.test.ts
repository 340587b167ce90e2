import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '@brobygger/db/testing';
import { GRID_IDS } from '../src/routers/preferences/grid-ids.ts';
import { callerFor } from './helpers.ts';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

describe('grid preferences', () => {
  it('are kept for each known grid', async () => {
    const { api } = callerFor(world.users.viewer);
    for (const grid of GRID_IDS) {
      await api.preferences.save({ tenant: world.tenant.slug, grid, state: { columns: [grid] } });
      expect(await api.preferences.get({ tenant: world.tenant.slug, grid })).toEqual({ columns: [grid] });
    }
  });

  it('refuse a grid that does not exist, so nobody can fill the table with made-up ones', async () => {
    const { api } = callerFor(world.users.viewer);
    for (const grid of ['made-up', 'volunteers2', 'x'.repeat(40)]) {
      const error = await api.preferences.save({ tenant: world.tenant.slug, grid, state: {} }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(TRPCError);
      expect(error).toMatchObject({ code: 'BAD_REQUEST' });
      expect(JSON.stringify((error as TRPCError).cause)).toContain('errors:invalid_grid');
    }
  });
});
