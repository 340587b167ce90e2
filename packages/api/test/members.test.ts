import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import { createUser, createWorld, privileged, type World } from '@brobygger/db/testing';
import { callerFor, tokenFrom } from './helpers.ts';

let world: World;
beforeAll(async () => {
  world = await createWorld();
});

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: TRPCError) => ({ code: e.code, message: e.message }),
  );

describe('members.invite and invitations.accept', () => {
  it('mails a single-use link in the inviter’s language that makes the invitee a member with the role', async () => {
    const invitee = await createUser('invitee');
    const { api, outbox } = callerFor(world.users.admin, 'en');
    await api.members.invite({ tenant: world.tenant.slug, email: invitee.email.toUpperCase(), role: 'coordinator' });

    expect(outbox).toHaveLength(1);
    expect(outbox[0]!.to).toBe(invitee.email);
    expect(outbox[0]!.subject).toBe(`You are invited to ${world.tenant.name} on Brobygger`);
    const token = tokenFrom(outbox[0]);

    const preview = await callerFor(null).api.invitations.preview({ token });
    expect(preview).toMatchObject({
      tenantSlug: world.tenant.slug,
      email: invitee.email,
      role: 'coordinator',
      state: 'valid',
    });

    const { api: asInvitee } = callerFor(invitee);
    expect(await asInvitee.invitations.accept({ token })).toEqual({ slug: world.tenant.slug });
    expect(await asInvitee.workspaces.get({ tenant: world.tenant.slug })).toMatchObject({ role: 'coordinator' });
    expect(await rejection(asInvitee.invitations.accept({ token }))).toEqual({
      code: 'CONFLICT',
      message: 'errors:invitation_used',
    });
  });

  it('refuses an invitation accepted by someone signed in with another e-mail', async () => {
    const { api, outbox } = callerFor(world.users.owner);
    await api.members.invite({ tenant: world.tenant.slug, email: 'someone-else@test.brobygger.dk', role: 'viewer' });
    const { api: asStranger } = callerFor(world.users.stranger);
    expect(await rejection(asStranger.invitations.accept({ token: tokenFrom(outbox[0]) }))).toEqual({
      code: 'FORBIDDEN',
      message: 'errors:invitation_email_mismatch',
    });
    expect(await asStranger.me.workspaces()).toHaveLength(1);
  });

  it('refuses an expired invitation and changes nothing', async () => {
    const invitee = await createUser('late');
    const { api, outbox } = callerFor(world.users.owner);
    await api.members.invite({ tenant: world.tenant.slug, email: invitee.email, role: 'peer' });
    await privileged((tx) =>
      tx.query("update public.invitations set expires_at = now() - interval '1 minute' where email = $1", [
        invitee.email,
      ]),
    );
    const { api: asInvitee } = callerFor(invitee);
    expect(await rejection(asInvitee.invitations.accept({ token: tokenFrom(outbox[0]) }))).toEqual({
      code: 'BAD_REQUEST',
      message: 'errors:invitation_expired',
    });
    expect(await asInvitee.me.workspaces()).toEqual([]);
  });

  it('inviting the same address again leaves only the newest link working', async () => {
    const invitee = await createUser('twice');
    const { api, outbox } = callerFor(world.users.owner);
    await api.members.invite({ tenant: world.tenant.slug, email: invitee.email, role: 'peer' });
    await api.members.invite({ tenant: world.tenant.slug, email: invitee.email, role: 'viewer' });
    const [first, second] = outbox.map(tokenFrom);
    expect((await callerFor(null).api.invitations.preview({ token: first! })).state).toBe('revoked');
    expect(await callerFor(invitee).api.invitations.accept({ token: second! })).toEqual({ slug: world.tenant.slug });
  });

  it('refuses to invite an existing member, and lets only owners invite owners', async () => {
    const { api } = callerFor(world.users.admin);
    expect(
      await rejection(
        api.members.invite({ tenant: world.tenant.slug, email: world.users.viewer.email, role: 'viewer' }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      message: 'errors:already_member',
    });
    expect(
      await rejection(
        api.members.invite({ tenant: world.tenant.slug, email: 'new-owner@test.brobygger.dk', role: 'owner' }),
      ),
    ).toEqual({
      code: 'FORBIDDEN',
      message: 'errors:forbidden',
    });
  });

  it('gives malformed input translated field errors and no mail', async () => {
    const { api, outbox } = callerFor(world.users.owner);
    const error = await api.members
      .invite({ tenant: world.tenant.slug, email: 'not-an-email', role: 'boss' as never })
      .catch((e: TRPCError) => e);
    expect(error).toBeInstanceOf(TRPCError);
    expect((error as TRPCError).code).toBe('BAD_REQUEST');
    const issues = ((error as TRPCError).cause as unknown as { issues: { path: string[]; message: string }[] }).issues;
    expect(issues.map((i) => [i.path[0], i.message])).toEqual([
      ['email', 'errors:invalid_email'],
      ['role', 'errors:invalid_role'],
    ]);
    expect(outbox).toEqual([]);
  });

  it('peers, viewers and coordinators cannot invite', async () => {
    for (const who of ['peer', 'viewer', 'coordinator'] as const) {
      const { api } = callerFor(world.users[who]);
      expect(
        await rejection(
          api.members.invite({ tenant: world.tenant.slug, email: `x-${who}@test.brobygger.dk`, role: 'viewer' }),
        ),
      ).toEqual({
        code: 'FORBIDDEN',
        message: 'errors:forbidden',
      });
    }
  });
});

describe('members.changeRole and members.remove', () => {
  it('refuses a role change that started from an old version, and shows nothing was overwritten', async () => {
    const { api } = callerFor(world.users.owner);
    const { members } = await api.members.list({ tenant: world.tenant.slug });
    const peer = members.find((m) => m.userId === world.users.peer.id)!;
    await callerFor(world.users.admin).api.members.changeRole({
      tenant: world.tenant.slug,
      membershipId: peer.id,
      role: 'viewer',
      version: peer.version,
    });
    expect(
      await rejection(
        api.members.changeRole({
          tenant: world.tenant.slug,
          membershipId: peer.id,
          role: 'coordinator',
          version: peer.version,
        }),
      ),
    ).toEqual({ code: 'CONFLICT', message: 'errors:stale_version' });
    const after = (await api.members.list({ tenant: world.tenant.slug })).members.find((m) => m.id === peer.id)!;
    expect(after.role).toBe('viewer');
    await api.members.changeRole({
      tenant: world.tenant.slug,
      membershipId: peer.id,
      role: 'peer',
      version: after.version,
    });
  });

  it('keeps the last owner', async () => {
    const { api } = callerFor(world.users.owner);
    const { members } = await api.members.list({ tenant: world.tenant.slug });
    const me = members.find((m) => m.userId === world.users.owner.id)!;
    expect(
      await rejection(
        api.members.changeRole({ tenant: world.tenant.slug, membershipId: me.id, role: 'admin', version: me.version }),
      ),
    ).toEqual({
      code: 'CONFLICT',
      message: 'errors:last_owner',
    });
    expect(await rejection(api.members.remove({ tenant: world.tenant.slug, membershipId: me.id }))).toEqual({
      code: 'CONFLICT',
      message: 'errors:last_owner',
    });
  });

  it('an admin cannot demote an owner', async () => {
    const { api } = callerFor(world.users.admin);
    const { members } = await api.members.list({ tenant: world.tenant.slug });
    const owner = members.find((m) => m.userId === world.users.owner.id)!;
    expect(
      await rejection(
        api.members.changeRole({
          tenant: world.tenant.slug,
          membershipId: owner.id,
          role: 'viewer',
          version: owner.version,
        }),
      ),
    ).toEqual({
      code: 'FORBIDDEN',
      message: 'errors:only_owner_manages_owners',
    });
  });
});

describe('workspaces', () => {
  it('another workspace is not found, exactly like one that does not exist', async () => {
    const { api } = callerFor(world.users.stranger);
    for (const tenant of [world.tenant.slug, 'does-not-exist']) {
      expect(await rejection(api.workspaces.get({ tenant }))).toEqual({
        code: 'NOT_FOUND',
        message: 'errors:workspace_not_found',
      });
      expect(await rejection(api.members.list({ tenant }))).toEqual({
        code: 'NOT_FOUND',
        message: 'errors:workspace_not_found',
      });
    }
  });

  it('anonymous callers are asked to sign in', async () => {
    expect(await rejection(callerFor(null).api.me.workspaces())).toEqual({
      code: 'UNAUTHORIZED',
      message: 'errors:not_signed_in',
    });
  });

  it('a region sees its partners’ names and status, and its member sees none of their members', async () => {
    const { api } = callerFor(world.users.regionMember);
    const partners = await api.partnerships.list({ tenant: world.region.slug });
    expect(partners.map((p) => [p.counterpartName, p.status])).toEqual([[world.tenant.name, 'active']]);
    expect(await rejection(api.members.list({ tenant: world.tenant.slug }))).toMatchObject({ code: 'NOT_FOUND' });
  });
});
