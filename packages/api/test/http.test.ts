import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import { beforeAll, describe, expect, it } from 'vitest';
import { createWorld, type World } from '@brobygger/db/testing';
import { appRouter, httpStatusOfKey } from '../src/index.ts';
import { callerFor } from './helpers.ts';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

/** The real fetch adapter the server mounts at /api/trpc. */
async function call(path: string, init: RequestInit & { as?: keyof World['users'] } = {}) {
  const req = new Request(`http://localhost/api/trpc/${path}`, init);
  const res = await fetchRequestHandler({
    endpoint: '/api/trpc',
    req,
    router: appRouter,
    createContext: async () => callerFor(init.as ? world.users[init.as] : null).ctx,
  });
  return {
    status: res.status,
    body: (await res.json()) as { error?: { message: string; data: Record<string, unknown> }; result?: unknown },
  };
}

describe('/api/trpc', () => {
  it('answers malformed JSON with 400 and a translation key, no internals', async () => {
    const { status, body } = await call('members.invite', {
      method: 'POST',
      body: '{broken',
      headers: { 'content-type': 'application/json' },
      as: 'owner',
    });
    expect(status).toBe(400);
    expect(body.error?.message).toBe('errors:invalid_input');
    expect(JSON.stringify(body)).not.toMatch(/stack|at \w+ \(/);
  });

  it('answers invalid fields with 400 and per-field keys', async () => {
    const input = encodeURIComponent(JSON.stringify({ tenant: 'NOT A SLUG' }));
    const { status, body } = await call(`workspaces.get?input=${input}`, { as: 'owner' });
    expect(status).toBe(400);
    expect(body.error?.data.fieldErrors).toEqual({ tenant: ['errors:invalid_slug'] });
  });

  it('answers an unknown procedure with 404 and a key', async () => {
    const { status, body } = await call('nothing.here', { as: 'owner' });
    expect(status).toBe(404);
    expect(body.error?.message).toMatch(/^errors:/);
  });

  it('serves the caller’s own workspace and hides the others', async () => {
    const input = (tenant: string) => encodeURIComponent(JSON.stringify({ tenant }));
    expect((await call(`workspaces.get?input=${input(world.tenant.slug)}`, { as: 'viewer' })).status).toBe(200);
    const other = await call(`workspaces.get?input=${input(world.other.slug)}`, { as: 'viewer' });
    expect(other.status).toBe(404);
    expect(other.body.error?.message).toBe('errors:workspace_not_found');
  });

  it('answers a role that may not do something with 403, the status loaders and actions use too', async () => {
    const body = JSON.stringify({ tenant: world.tenant.slug, email: 'x@test.brobygger.dk', role: 'viewer' });
    const { status, body: answer } = await call('members.invite', {
      method: 'POST',
      body,
      headers: { 'content-type': 'application/json' },
      as: 'viewer',
    });
    expect(answer.error?.message).toBe('errors:forbidden');
    expect(status).toBe(403);
    expect(httpStatusOfKey('forbidden')).toBe(status);
  });
});
