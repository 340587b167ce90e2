import { randomBytes } from 'node:crypto';
import { privileged, type Role, type TestTenant } from '../src/testing/index.ts';

// The actors, workspaces and write assertions moved to @brobygger/db/testing (and its rls-matrix
// entry, which needs Vitest); re-exported here so the per-table tests keep one import.
export {
  ACTOR_LABEL,
  asActor,
  ids,
  REFUSED,
  seedEachWorkspace,
  userOf,
  WORKSPACES,
  type Actor,
  type Workspace,
} from '../src/testing/index.ts';
export { expectNoWrite, expectRaised } from '../src/testing/assertions.ts';

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
