import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { closePools, configurePools } from '@brobygger/db';
import { createUser, type TestUser } from '@brobygger/db/testing';
import { callerFor } from './helpers.ts';

let user: TestUser;
beforeAll(async () => {
  user = await createUser('down');
  // Point the pools at a port nothing listens on, as if the database had gone away.
  await closePools();
  configurePools({
    requestUrl: 'postgres://brobygger_api:x@127.0.0.1:9/none',
    adminUrl: 'postgres://postgres:x@127.0.0.1:9/none',
  });
});
afterAll(async () => {
  await closePools();
  configurePools(inject('db'));
});

describe('when the database is down', () => {
  it('procedures fail with SERVICE_UNAVAILABLE and a translation key, not a crash', async () => {
    const error = await callerFor(user)
      .api.me.workspaces()
      .catch((e: unknown) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect(error).toMatchObject({ code: 'SERVICE_UNAVAILABLE', message: 'errors:database_unavailable' });
  });
});
