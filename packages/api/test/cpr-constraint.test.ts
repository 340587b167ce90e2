import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorld, privileged, type World } from '@brobygger/db/testing';
import { toTRPCError } from '../src/errors.ts';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

/** What Postgres answers when a write breaks a check constraint. */
const refusedWrite = (sql: string, params: unknown[]) =>
  privileged((tx) => tx.query(sql, params)).then(
    () => expect.unreachable('the write should have been refused'),
    (error: unknown) => error,
  );

describe('a CPR number the database refuses', () => {
  it('reaches the user as the translated cpr_not_allowed message, not a 500', async () => {
    const error = await refusedWrite(
      "insert into public.volunteers (tenant_id, name, note) values ($1, 'Mette', '010190-1234')",
      [world.tenant.id],
    );
    const mapped = toTRPCError(error);
    expect(mapped).toBeInstanceOf(TRPCError);
    expect(mapped).toMatchObject({ code: 'BAD_REQUEST', message: 'errors:cpr_not_allowed' });
  });

  it('other check violations are not mistaken for it', async () => {
    const error = await refusedWrite("insert into public.volunteers (tenant_id, name) values ($1, '   ')", [
      world.tenant.id,
    ]);
    expect(toTRPCError(error)).not.toMatchObject({ message: 'errors:cpr_not_allowed' });
  });
});
