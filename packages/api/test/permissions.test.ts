import { TRPCError } from '@trpc/server';
import { beforeAll, describe, expect, it } from 'vitest';
import {
  addMember,
  as,
  createTenant,
  createUser,
  createWorld,
  MEMBER_ROLES,
  privileged,
  type TestTenant,
  type TestUser,
  type World,
} from '@brobygger/db/testing';
import { ACTION_NAMES, ACTIONS, can, grantOf, permissionsOf, type Action } from '../src/permissions.ts';
import { requirePermission, type TenantContext } from '../src/trpc.ts';
import { callerFor } from './helpers.ts';

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: TRPCError) => ({ code: e.code, message: e.message }),
  );
const sorted = (roles: readonly string[] | undefined) => [...(roles ?? [])].sort();

describe('ACTIONS in TypeScript and app.action_grants in SQL', () => {
  it('name the same actions with the same roles, and agree on which of them write', async () => {
    const sql = await privileged((tx) =>
      tx.query<{ action: string; roles: string[]; ownRoles: string[]; writes: boolean }>(
        'select action, roles::text[] as roles, own_roles::text[] as "ownRoles", writes from app.action_grants order by action',
      ),
    );
    const ts = Object.entries(ACTIONS)
      .map(([action, rule]) => ({
        action,
        roles: sorted(rule.roles),
        ownRoles: sorted('ownRoles' in rule ? rule.ownRoles : []),
        writes: rule.writes,
      }))
      .sort((a, b) => (a.action < b.action ? -1 : 1));
    expect(sql.map((r) => ({ ...r, roles: sorted(r.roles), ownRoles: sorted(r.ownRoles) }))).toEqual(ts);
  });

  it('an action the table does not name is an error, not a silent "nobody"', async () => {
    const user = await createUser('typo');
    await expect(as(user, (tx) => tx.query("select app.tenants_where('roster.edt')"))).rejects.toMatchObject({
      code: '22023',
    });
  });
});

describe('app.tenants_where for someone with a different role in each of five workspaces', () => {
  let user: TestUser;
  const homes = new Map<string, (typeof MEMBER_ROLES)[number]>();
  beforeAll(async () => {
    user = await createUser('many-hats');
    for (const role of MEMBER_ROLES) {
      const tenant: TestTenant = await createTenant('association', `Hat ${role}`);
      await addMember(tenant, user, role);
      homes.set(tenant.id, role);
    }
  });

  const tenantsWhere = (fn: 'tenants_where' | 'tenants_where_own', action: Action) =>
    as(user, (tx) => tx.query<{ id: string }>(`select app.${fn}($1) as id`, [action])).then((rows) =>
      rows.map((r) => homes.get(r.id)).sort(),
    );

  it.each(ACTION_NAMES)(
    '%s: exactly the workspaces whose role grants it, on all rows or on own rows',
    async (action) => {
      const roles = [...homes.values()];
      expect(await tenantsWhere('tenants_where', action)).toEqual(
        roles.filter((r) => grantOf(r, action) === 'all').sort(),
      );
      expect(await tenantsWhere('tenants_where_own', action)).toEqual(
        roles.filter((r) => grantOf(r, action) === 'own').sort(),
      );
    },
  );

  it('an anonymous caller may not even ask', async () => {
    await expect(as(null, (tx) => tx.query("select app.tenants_where('workspace.read')"))).rejects.toMatchObject({
      code: '42501',
    });
  });
});

describe('grantOf, can and requirePermission', () => {
  const tenant = (role: TenantContext['role']): TenantContext => ({
    id: 'x',
    slug: 'x',
    name: 'X',
    runsActivities: true,
    kind: 'association',
    role,
  });

  it('a peer may record attendance only for their own course, and only where the procedure allows it', () => {
    expect(grantOf('peer', 'attendance.record')).toBe('own');
    expect(can('peer', 'attendance.record')).toBe(false);
    expect(() => requirePermission(tenant('peer'), 'attendance.record')).toThrow('errors:forbidden');
    expect(requirePermission(tenant('peer'), 'attendance.record', { allowOwn: true })).toBe('own');
    expect(requirePermission(tenant('coordinator'), 'attendance.record', { allowOwn: true })).toBe('all');
  });

  it('a viewer reads rosters but may neither edit them nor record attendance, even their own', () => {
    expect(permissionsOf('viewer')).toMatchObject({
      'roster.read': 'all',
      'roster.edit': false,
      'attendance.record': false,
    });
    expect(() => requirePermission(tenant('viewer'), 'attendance.record', { allowOwn: true })).toThrow(TRPCError);
  });
});

describe('the workspace tells the UI what the caller may do', () => {
  let world: World;
  beforeAll(async () => {
    world = await createWorld();
  });

  it.each([
    ['owner', { 'members.manage': 'all', 'members.manageOwners': 'all', 'roster.edit': 'all', 'courses.read': 'all' }],
    ['admin', { 'members.manage': 'all', 'members.manageOwners': false, 'roster.edit': 'all' }],
    ['coordinator', { 'members.manage': false, 'roster.edit': 'all', 'billing.manage': false }],
    [
      'peer',
      {
        'members.manage': false,
        'roster.read': false,
        'courses.read': 'own',
        'courses.edit': 'own',
        'volunteers.directory': 'all',
      },
    ],
    ['viewer', { 'members.manage': false, 'members.read': 'all', 'roster.read': 'all', 'roster.edit': false }],
  ] as const)('%s', async (role, expected) => {
    const workspace = await callerFor(world.users[role]).api.workspaces.get({ tenant: world.tenant.slug });
    expect(workspace.role).toBe(role);
    expect(workspace.permissions).toMatchObject(expected);
    expect(Object.keys(workspace.permissions).sort()).toEqual([...ACTION_NAMES].sort());
  });

  it('a viewer is refused removing someone else, but may leave', async () => {
    const viewer = await createUser('leaver');
    const membershipId = await addMember(world.tenant, viewer, 'viewer');
    const { api } = callerFor(viewer);
    expect(
      await rejection(api.members.remove({ tenant: world.tenant.slug, membershipId: world.memberships.peer })),
    ).toEqual({
      code: 'FORBIDDEN',
      message: 'errors:forbidden',
    });
    expect(await api.members.remove({ tenant: world.tenant.slug, membershipId })).toEqual({ id: membershipId });
    expect(await api.me.workspaces()).toEqual([]);
  });

  it('pending invitations are listed for those who may manage members only', async () => {
    await callerFor(world.users.owner).api.members.invite({
      tenant: world.tenant.slug,
      email: 'pending@test.brobygger.dk',
      role: 'viewer',
    });
    const asAdmin = await callerFor(world.users.admin).api.members.list({ tenant: world.tenant.slug });
    expect(asAdmin.invitations.map((i) => i.email)).toContain('pending@test.brobygger.dk');
    const asCoordinator = await callerFor(world.users.coordinator).api.members.list({ tenant: world.tenant.slug });
    expect(asCoordinator.invitations).toEqual([]);
    expect(asCoordinator.members.map((m) => m.userId)).toContain(world.users.owner.id);
  });
});
