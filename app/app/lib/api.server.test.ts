import { TRPCError } from '@trpc/server';
import { describe, expect, it } from 'vitest';
import { act, load, statusOf } from './api.server.ts';

const page = new Request('http://localhost/w/frederiksberg/volunteers?q=anna');

const failing = (code: TRPCError['code'], key: string) => () =>
  Promise.reject(new TRPCError({ code, message: `errors:${key}` }));

describe('loaders and actions answer with the status of the API error table', () => {
  it('a loader turns "not found" into the 404 page and "database down" into the 503 page', async () => {
    const notFound = await load(failing('NOT_FOUND', 'workspace_not_found'), page).catch((r: Response) => r);
    expect(notFound).toBeInstanceOf(Response);
    expect([(notFound as Response).status, await (notFound as Response).text()]).toEqual([
      404,
      'errors:workspace_not_found',
    ]);
    const down = await load(failing('SERVICE_UNAVAILABLE', 'database_unavailable'), page).catch((r: Response) => r);
    expect((down as Response).status).toBe(503);
  });

  it('a loader whose session was ended elsewhere goes to sign-in, and comes back to the page afterwards', async () => {
    const ended = await load(failing('UNAUTHORIZED', 'not_signed_in'), page).catch((r: Response) => r);
    expect((ended as Response).status).toBe(302);
    expect((ended as Response).headers.get('Location')).toBe(
      '/login?redirectTo=%2Fw%2Ffrederiksberg%2Fvolunteers%3Fq%3Danna',
    );
  });

  it('an action returns the message key with its status, for the form to show', async () => {
    const stale = await act(failing('CONFLICT', 'stale_version'), 'changeRole');
    expect(stale).toEqual({ ok: false, status: 409, error: 'errors:stale_version', intent: 'changeRole' });
    expect(statusOf(stale)).toBe(409);
    expect(statusOf(await act(failing('FORBIDDEN', 'forbidden')))).toBe(403);
    expect(statusOf(await act(() => Promise.resolve(1)))).toBe(200);
  });

  it('an action whose database is down shows the 503 page instead of a form message', async () => {
    const down = await act(failing('SERVICE_UNAVAILABLE', 'database_unavailable')).catch((r: Response) => r);
    expect((down as Response).status).toBe(503);
  });
});
