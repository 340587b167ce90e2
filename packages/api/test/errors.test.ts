import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { as, createTenant, createWorld, type TestUser, type World } from '@brobygger/db/testing';
import { httpStatusOf, toTRPCError } from '../src/errors.ts';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

/** Runs SQL as `user`, and returns what the API would answer with for the error it raises. */
async function answerTo(user: TestUser, sql: string, params: unknown[]) {
  const error = await as(user, (tx) => tx.query(sql, params)).then(
    () => undefined,
    (e: unknown) => toTRPCError(e),
  );
  expect(error).toBeInstanceOf(TRPCError);
  const trpc = error as TRPCError;
  return { message: trpc.message, status: httpStatusOf(trpc) };
}

describe('errors the partnership rules raise in SQL', () => {
  it('a municipality cannot own a partnership: 400 with a text', async () => {
    expect(
      await answerTo(
        world.users.owner,
        'insert into public.partnerships (tenant_id, partner_tenant_id) values ($1, $2)',
        [world.tenant.id, world.other.id],
      ),
    ).toEqual({ message: 'errors:partnership_owner_not_region', status: 400 });
  });

  it('a region cannot be another region’s partner: 400 with a text', async () => {
    const secondRegion = await createTenant('region', 'Anden region');
    expect(
      await answerTo(
        world.users.regionMember,
        'insert into public.partnerships (tenant_id, partner_tenant_id) values ($1, $2)',
        [world.region.id, secondRegion.id],
      ),
    ).toEqual({ message: 'errors:partnership_partner_is_region', status: 400 });
  });

  it('answering a partnership one is not the partner of: 404', async () => {
    expect(
      await answerTo(world.users.regionMember, 'select app.respond_to_partnership(gen_random_uuid(), true)', []),
    ).toEqual({ message: 'errors:partnership_not_found', status: 404 });
  });
});
