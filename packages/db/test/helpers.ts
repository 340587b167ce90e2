import { randomBytes } from 'node:crypto';
import { expect } from 'vitest';
import type { Tx } from '../src/index.ts';
import { as, privileged, type Role, type TestTenant, type TestUser, type World } from '../src/testing/index.ts';

/** The world's workspaces: the actors' home, another municipality, and the region. */
export type Workspace = 'tenant' | 'other' | 'region';
export const WORKSPACES: Workspace[] = ['tenant', 'other', 'region'];

/** One row in each workspace, inserted on the privileged path; `sql` returns its id. */
export async function seedEachWorkspace(
  world: World,
  sql: string,
  params: (workspace: Workspace, tenantId: string) => unknown[],
): Promise<Record<Workspace, string>> {
  const seeded = { tenant: '', other: '', region: '' };
  for (const w of WORKSPACES) {
    seeded[w] = (await privileged((tx) => tx.one<{ id: string }>(sql, params(w, world[w].id))))!.id;
  }
  return seeded;
}

/** Everyone the per-table tests try each verb as; `anonymous` is a request without claims. */
export type Actor = Role | 'stranger' | 'regionMember' | 'anonymous';

export const ACTOR_LABEL: Record<Actor, string> = {
  owner: 'owner',
  admin: 'admin',
  coordinator: 'coordinator',
  peer: 'peer',
  viewer: 'viewer',
  stranger: 'member of another workspace',
  regionMember: 'region member (active partnership with the municipality)',
  anonymous: 'anonymous',
};

export const userOf = (world: World, actor: Actor): TestUser | null =>
  actor === 'anonymous' ? null : world.users[actor];

/** Runs `fn` as `actor`, exactly as a request from them would run. */
export const asActor = <T>(world: World, actor: Actor, fn: (tx: Tx) => Promise<T>) => as(userOf(world, actor), fn);

/** What Postgres says when a grant is missing or a row fails a policy's WITH CHECK. */
export const REFUSED = /permission denied|row-level security/;

/**
 * A write that must not happen: either refused outright, or its `returning` is empty because no
 * row it may touch matched. Callers then confirm with `privileged` that nothing changed.
 */
export async function expectNoWrite(write: Promise<unknown[]>): Promise<void> {
  const outcome = await write.catch((error: unknown) => error);
  if (outcome instanceof Error) expect(outcome.message).toMatch(REFUSED);
  else expect(outcome).toEqual([]);
}

/** A statement a rule in the database refuses with `raise exception '<key>'`. */
export async function expectRaised(statement: Promise<unknown>, key: string): Promise<void> {
  await expect(statement).rejects.toMatchObject({ code: 'P0001', message: key });
}

export const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();

export const newToken = () => randomBytes(32).toString('base64url');

export type InvitationState = { expired?: boolean; revoked?: boolean; accepted?: boolean };

/**
 * An invitation written on the privileged path, as the app stores it: only sha256(token).
 * Returns the invitation's id and the token a link would carry.
 */
export async function createInvitation(
  tenant: TestTenant,
  invite: { email: string; role: Role } & InvitationState,
): Promise<{ id: string; token: string }> {
  const token = newToken();
  const row = await privileged((tx) =>
    tx.one<{ id: string }>(
      `insert into public.invitations (tenant_id, email, role, token_hash, expires_at, revoked_at, accepted_at)
       values ($1, $2, $3, sha256(convert_to($4, 'UTF8')),
               now() + case when $5 then interval '-1 hour' else interval '7 days' end,
               case when $6 then now() end, case when $7 then now() end)
       returning id`,
      [tenant.id, invite.email, invite.role, token, !!invite.expired, !!invite.revoked, !!invite.accepted],
    ),
  );
  return { id: row!.id, token };
}
