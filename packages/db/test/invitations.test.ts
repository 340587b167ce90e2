import { createHash } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { as, createUser, createWorld, privileged, type Role, type TestUser, type World } from '../src/testing/index.ts';
import {
  ACTOR_LABEL,
  asActor,
  createInvitation,
  expectNoWrite,
  expectRaised,
  ids,
  newToken,
  REFUSED,
  type Actor,
  type InvitationState,
  userOf,
  type Workspace,
  WORKSPACES,
} from './helpers.ts';

/** Each actor's own workspace, and whether their role there (owner or admin) lets them invite. */
const ACTORS: { actor: Actor; home: Workspace | null; manages: boolean }[] = [
  { actor: 'owner', home: 'tenant', manages: true },
  { actor: 'admin', home: 'tenant', manages: true },
  { actor: 'coordinator', home: 'tenant', manages: false },
  { actor: 'peer', home: 'tenant', manages: false },
  { actor: 'viewer', home: 'tenant', manages: false },
  { actor: 'stranger', home: 'other', manages: true },
  { actor: 'regionMember', home: 'region', manages: true },
  { actor: 'anonymous', home: null, manages: false },
];

// The columns authenticated may read: everything but token_hash.
const COLUMNS = 'id, tenant_id, email, role, invited_by, accepted_at, revoked_at';
type Invitation = {
  id: string;
  tenant_id: string;
  email: string;
  role: Role;
  invited_by: string | null;
  accepted_at: Date | null;
  revoked_at: Date | null;
};

let world: World;
/** One pending invitation in each workspace of the world. */
let pending: Record<Workspace, string>;

beforeEach(async () => {
  world = await createWorld();
  pending = { tenant: '', other: '', region: '' };
  for (const w of WORKSPACES) {
    pending[w] = (await createInvitation(world[w], { email: `pending-${w}@example.dk`, role: 'peer' })).id;
  }
});

const stored = (id: string) =>
  privileged((tx) => tx.one<Invitation>(`select ${COLUMNS} from public.invitations where id = $1`, [id]));

const invite = (actor: Actor, workspace: Workspace, role: Role, expiresIn = '7 days') =>
  asActor(world, actor, (tx) =>
    tx.query<Invitation>(
      `insert into public.invitations (tenant_id, email, role, token_hash, expires_at)
       values ($1, $2, $3, sha256(convert_to($4, 'UTF8')), now() + $5::interval) returning ${COLUMNS}`,
      [world[workspace].id, `invited-by-${actor.toLowerCase()}@example.dk`, role, newToken(), expiresIn],
    ),
  );

const invitationsTo = (workspace: Workspace) =>
  privileged((tx) =>
    tx.query<{ id: string }>('select id from public.invitations where tenant_id = $1', [world[workspace].id]),
  );

const revoke = (actor: Actor, id: string) =>
  asActor(world, actor, (tx) =>
    tx.query<Invitation>(`update public.invitations set revoked_at = now() where id = $1 returning ${COLUMNS}`, [id]),
  );

const remove = (actor: Actor, id: string) =>
  asActor(world, actor, (tx) =>
    tx.query<{ id: string }>('delete from public.invitations where id = $1 returning id', [id]),
  );

for (const { actor, home, manages } of ACTORS) {
  describe(ACTOR_LABEL[actor], () => {
    const foreign = (): Workspace => (home === 'tenant' ? 'other' : 'tenant');

    it(
      manages
        ? 'select: sees its own workspace’s invitations and no other'
        : home
          ? 'select: sees no invitations'
          : 'select: is refused',
      async () => {
        const read = asActor(world, actor, (tx) => tx.query<{ id: string }>('select id from public.invitations'));
        if (home) expect(ids(await read)).toEqual(manages ? [pending[home]] : []);
        else await expect(read).rejects.toThrow(REFUSED);
      },
    );

    it('select: can never read token hashes', async () => {
      await expect(
        asActor(world, actor, (tx) => tx.query('select token_hash from public.invitations')),
      ).rejects.toThrow(REFUSED);
    });

    if (home) {
      it(
        manages ? 'insert: invites to its own workspace' : 'insert: cannot invite, even to its own workspace',
        async () => {
          const before = ids(await invitationsTo(home));
          const result = invite(actor, home, 'coordinator');
          if (manages) {
            expect(await result).toEqual([
              expect.objectContaining({
                tenant_id: world[home].id,
                role: 'coordinator',
                invited_by: userOf(world, actor)!.id,
              }),
            ]);
          } else {
            await expectNoWrite(result);
            expect(ids(await invitationsTo(home))).toEqual(before);
          }
        },
      );

      it(
        manages ? 'update: revokes its own workspace’s invitation' : 'update: cannot revoke an invitation',
        async () => {
          const result = revoke(actor, pending[home]);
          if (manages) {
            expect(await result).toEqual([
              expect.objectContaining({ id: pending[home], revoked_at: expect.any(Date) }),
            ]);
            // Revoking is one-way: clearing revoked_at again is refused.
            await expect(
              asActor(world, actor, (tx) =>
                tx.query('update public.invitations set revoked_at = null where id = $1 returning id', [pending[home]]),
              ),
            ).rejects.toThrow(REFUSED);
          } else {
            await expectNoWrite(result);
            expect(await stored(pending[home])).toMatchObject({ revoked_at: null });
          }
        },
      );

      it(
        manages ? 'delete: deletes its own workspace’s invitation' : 'delete: cannot delete an invitation',
        async () => {
          const result = remove(actor, pending[home]);
          if (manages) {
            expect(await result).toEqual([{ id: pending[home] }]);
            expect(await stored(pending[home])).toBeUndefined();
          } else {
            await expectNoWrite(result);
            expect(await stored(pending[home])).toBeDefined();
          }
        },
      );
    }

    it('insert, update, delete: cannot touch invitations of a workspace it does not belong to', async () => {
      const target = foreign();
      const before = await stored(pending[target]);
      await expectNoWrite(invite(actor, target, 'viewer'));
      await expectNoWrite(revoke(actor, pending[target]));
      await expectNoWrite(remove(actor, pending[target]));
      expect(ids(await invitationsTo(target))).toEqual([pending[target]]);
      expect(await stored(pending[target])).toEqual(before);
    });
  });
}

describe('inviting', () => {
  it('an admin cannot invite an owner', async () => {
    await expect(invite('admin', 'tenant', 'owner')).rejects.toThrow(/row-level security/);
    expect(ids(await invitationsTo('tenant'))).toEqual([pending.tenant]);
  });

  it('an owner can invite an owner', async () => {
    expect(await invite('owner', 'tenant', 'owner')).toEqual([expect.objectContaining({ role: 'owner' })]);
  });

  it('an invitation may not last longer than 30 days', async () => {
    await expect(invite('owner', 'tenant', 'viewer', '31 days')).rejects.toThrow(/row-level security/);
    expect(await invite('owner', 'tenant', 'viewer', '30 days')).toHaveLength(1);
  });

  it('the inviter cannot be forged, nor an invitation created already accepted', async () => {
    for (const [column, value] of [
      ['invited_by', world.users.viewer.id],
      ['accepted_at', new Date()],
    ] as const) {
      await expect(
        as(world.users.owner, (tx) =>
          tx.query(
            `insert into public.invitations (tenant_id, email, role, token_hash, ${column})
             values ($1, 'x@example.dk', 'viewer', sha256('x'), $2) returning id`,
            [world.tenant.id, value],
          ),
        ),
      ).rejects.toThrow(/permission denied/);
    }
    expect(ids(await invitationsTo('tenant'))).toEqual([pending.tenant]);
  });
});

describe('app.invitation_preview', () => {
  const preview = (token: string) =>
    as(null, (tx) =>
      tx.query('select tenant_name, tenant_slug, email, role, state from app.invitation_preview($1)', [token]),
    );

  const STATES: { state: string; given: InvitationState }[] = [
    { state: 'valid', given: {} },
    { state: 'used', given: { accepted: true } },
    { state: 'expired', given: { expired: true } },
    { state: 'revoked', given: { revoked: true } },
  ];

  for (const { state, given } of STATES) {
    it(`shows an anonymous holder of the link which workspace it is for, and that it is ${state}`, async () => {
      const { token } = await createInvitation(world.tenant, {
        email: 'someone@example.dk',
        role: 'coordinator',
        ...given,
      });
      expect(await preview(token)).toEqual([
        {
          tenant_name: world.tenant.name,
          tenant_slug: world.tenant.slug,
          email: 'someone@example.dk',
          role: 'coordinator',
          state,
        },
      ]);
    });
  }

  it('shows nothing for an unknown token', async () => {
    expect(await preview(newToken())).toEqual([]);
  });

  it('finds a link hashed the way the app hashes it (node:crypto sha256)', async () => {
    const token = newToken();
    await as(world.users.owner, (tx) =>
      tx.query(
        `insert into public.invitations (tenant_id, email, role, token_hash) values ($1, 'app@example.dk', 'viewer', $2)`,
        [world.tenant.id, createHash('sha256').update(token).digest()],
      ),
    );
    expect(await preview(token)).toEqual([expect.objectContaining({ email: 'app@example.dk', state: 'valid' })]);
  });
});

describe('app.accept_invitation', () => {
  const accept = (user: TestUser | null, token: string, displayName = '') =>
    as(user, (tx) => tx.one<{ slug: string }>('select app.accept_invitation($1, $2) as slug', [token, displayName]));

  const membershipOf = (userId: string) =>
    privileged((tx) =>
      tx.query<{ tenant_id: string; role: Role; display_name: string; email: string }>(
        'select tenant_id, role, display_name, email from public.memberships where user_id = $1',
        [userId],
      ),
    );

  it('makes the invited user a member with the invited role, once', async () => {
    const invitee = await createUser('invitee');
    const { id, token } = await createInvitation(world.tenant, { email: invitee.email, role: 'coordinator' });

    expect(await accept(invitee, token, '  Ny Koordinator ')).toEqual({ slug: world.tenant.slug });
    expect(await membershipOf(invitee.id)).toEqual([
      { tenant_id: world.tenant.id, role: 'coordinator', display_name: 'Ny Koordinator', email: invitee.email },
    ]);
    expect(await stored(id)).toMatchObject({ accepted_at: expect.any(Date) });

    await expectRaised(accept(invitee, token), 'invitation_used');
  });

  it('is refused to anonymous callers', async () => {
    const { id, token } = await createInvitation(world.tenant, { email: 'anon@example.dk', role: 'viewer' });
    await expect(accept(null, token)).rejects.toThrow(/permission denied/);
    expect(await stored(id)).toMatchObject({ accepted_at: null });
  });

  it('refuses a signed-in user whose e-mail is not the invited one', async () => {
    const invitee = await createUser('invitee');
    const { id, token } = await createInvitation(world.tenant, { email: invitee.email, role: 'admin' });
    await expectRaised(accept(world.users.stranger, token), 'invitation_email_mismatch');
    expect(await membershipOf(world.users.stranger.id)).toEqual([
      expect.objectContaining({ tenant_id: world.other.id }),
    ]);
    expect(await stored(id)).toMatchObject({ accepted_at: null });
  });

  const REFUSALS: { given: InvitationState; key: string }[] = [
    { given: { expired: true }, key: 'invitation_expired' },
    { given: { revoked: true }, key: 'invitation_not_found' },
    { given: { accepted: true }, key: 'invitation_used' },
  ];
  for (const { given, key } of REFUSALS) {
    it(`refuses an invitation that is ${Object.keys(given).join()} (${key})`, async () => {
      const invitee = await createUser('invitee');
      const { token } = await createInvitation(world.tenant, { email: invitee.email, role: 'peer', ...given });
      await expectRaised(accept(invitee, token), key);
      expect(await membershipOf(invitee.id)).toEqual([]);
    });
  }

  it('refuses an unknown token', async () => {
    await expectRaised(accept(world.users.stranger, newToken()), 'invitation_not_found');
  });
});
