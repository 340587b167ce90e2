import { randomBytes } from 'node:crypto';
import { withPrivilegedTx, withRls, type Claims } from '../rls.ts';
import { SUPABASE_USER_FILL } from '../embedded/supabase-auth-tables.ts';
import type { Tx } from '../tx.ts';
// Types only: the connection strings Vitest's global setup provides to test files.
import './provided-context.ts';

/*
 * Test fixtures on the privileged path: workspaces, users, memberships and the cast of actors
 * every per-table test uses. Vitest, the benchmarks and Playwright all load this module, so it must
 * not import `vitest` (which throws outside a Vitest worker); the assertions built on Vitest live
 * in `./rls-matrix.ts` (`@brobygger/db/testing/rls-matrix`).
 */

export type Role = 'owner' | 'admin' | 'coordinator' | 'peer' | 'viewer';
export type TestUser = { id: string; email: string; name: string; claims: Claims };
export type TestTenant = { id: string; slug: string; name: string };

const suffix = () => randomBytes(4).toString('hex');

export async function createTenant(
  kind: 'municipality' | 'association' | 'region',
  name = `Test ${kind}`,
): Promise<TestTenant> {
  const slug = `${kind.slice(0, 4)}-${suffix()}`;
  const row = await withPrivilegedTx('test', (tx) =>
    tx.one<{ id: string }>('insert into public.tenants (kind, name, slug) values ($1, $2, $3) returning id', [
      kind,
      name,
      slug,
    ]),
  );
  return { id: row!.id, slug, name };
}

export type NewUser = {
  /** Shown in the app (raw_user_meta_data.name); `TestUser.name` falls back to the label. */
  name?: string;
  /**
   * A password hash the local provider reads (bcrypt, or a legacy argon2 hash it replaces at the
   * first sign-in), for a user who signs in through the login form, as end-to-end tests do. The
   * caller hashes, so this package needs no hashing library.
   * Without it the user has no password: database tests act through claims, as the provider would.
   */
  passwordHash?: string;
};

/**
 * A user with a unique e-mail `<label>-<random>@test.brobygger.dk`. With a password hash it is a
 * confirmed e-mail user as the local provider stores one; without, a bare row (no name, no
 * password), which is all database tests need.
 */
export async function createUser(label = 'user', user: NewUser = {}): Promise<TestUser> {
  // 12 random bytes: a test run makes tens of thousands of users, and 4 bytes did collide.
  const email = `${label}-${randomBytes(12).toString('hex')}@test.brobygger.dk`;
  const name = user.name ?? label;
  const row = await withPrivilegedTx('test', (tx) =>
    tx.one<{ id: string }>(
      `insert into auth.users (id, email, encrypted_password, email_confirmed_at, raw_user_meta_data, raw_app_meta_data,
                               ${SUPABASE_USER_FILL.columns})
       values (gen_random_uuid(), $1, $2::text,
               case when $2::text is not null then now() end,
               case when $3::text is not null then jsonb_build_object('name', $3::text) end,
               case when $2::text is not null then '{"provider":"email","providers":["email"]}'::jsonb end,
               ${SUPABASE_USER_FILL.values})
       returning id`,
      [email, user.passwordHash ?? null, user.name ?? null],
    ),
  );
  return { id: row!.id, email, name, claims: { sub: row!.id, email, role: 'authenticated', aud: 'authenticated' } };
}

/** A membership; the display name defaults to the e-mail's local part. */
export async function addMember(
  tenant: Pick<TestTenant, 'id'>,
  user: Pick<TestUser, 'id' | 'email'>,
  role: Role,
  displayName = user.email.split('@')[0],
): Promise<string> {
  const row = await withPrivilegedTx('test', (tx) =>
    tx.one<{ id: string }>(
      'insert into public.memberships (tenant_id, user_id, role, display_name, email) values ($1, $2, $3, $4, $5) returning id',
      [tenant.id, user.id, role, displayName, user.email],
    ),
  );
  return row!.id;
}

/** Removes workspaces with everything in them (a fixture's clean-up; Vitest runs need none). */
export async function removeTenants(tenants: Pick<TestTenant, 'id'>[]): Promise<void> {
  await withPrivilegedTx('test', (tx) =>
    tx.query('delete from public.tenants where id = any($1::uuid[])', [tenants.map((t) => t.id)]),
  );
}

/**
 * Removes users, their memberships and sessions with them. Memberships go first: deleting the
 * account of a workspace's last owner is refused (decision 032), and a fixture's workspace is
 * removed after its users.
 */
export async function removeUsers(users: Pick<TestUser, 'id'>[]): Promise<void> {
  const ids = users.map((u) => u.id);
  await withPrivilegedTx('test', async (tx) => {
    await tx.query('delete from public.memberships where user_id = any($1::uuid[])', [ids]);
    await tx.query('delete from auth.users where id = any($1::uuid[])', [ids]);
  });
}

export const as = <T>(user: TestUser | null, fn: (tx: Tx) => Promise<T>) => withRls(user?.claims ?? null, fn);
export const privileged = <T>(fn: (tx: Tx) => Promise<T>) => withPrivilegedTx('test', fn);

/**
 * The cast every per-actor test uses: a municipality with one member per role, a second
 * workspace whose owner is the stranger, and a region in active partnership with the
 * municipality, whose member must still see none of its rows.
 */
export async function createWorld() {
  const tenant = await createTenant('municipality', 'Testkommune');
  const other = await createTenant('association', 'Anden forening');
  const region = await createTenant('region', 'Testregion');
  const users = {
    owner: await createUser('owner'),
    admin: await createUser('admin'),
    coordinator: await createUser('coordinator'),
    peer: await createUser('peer'),
    viewer: await createUser('viewer'),
    stranger: await createUser('stranger'),
    regionMember: await createUser('region'),
  };
  const memberships = {
    owner: await addMember(tenant, users.owner, 'owner'),
    admin: await addMember(tenant, users.admin, 'admin'),
    coordinator: await addMember(tenant, users.coordinator, 'coordinator'),
    peer: await addMember(tenant, users.peer, 'peer'),
    viewer: await addMember(tenant, users.viewer, 'viewer'),
    stranger: await addMember(other, users.stranger, 'owner'),
    regionMember: await addMember(region, users.regionMember, 'admin'),
  };
  await privileged((tx) =>
    tx.query(
      "insert into public.partnerships (tenant_id, partner_tenant_id, status, started_on) values ($1, $2, 'active', current_date)",
      [region.id, tenant.id],
    ),
  );
  return { tenant, other, region, users, memberships };
}

export type World = Awaited<ReturnType<typeof createWorld>>;
export const MEMBER_ROLES: Role[] = ['owner', 'admin', 'coordinator', 'peer', 'viewer'];

/** The world's workspaces: the actors' home (the municipality), the association, and the region. */
export type Workspace = 'tenant' | 'other' | 'region';
export const WORKSPACES: Workspace[] = ['tenant', 'other', 'region'];
export const WORKSPACE_LABEL: Record<Workspace, string> = {
  tenant: 'the municipality',
  other: 'the association',
  region: 'the region',
};

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

/** What Postgres says when a grant is missing or a row fails a policy's WITH CHECK. */
export const REFUSED = /permission denied|row-level security/;

export const ids = (rows: { id: string }[]) => rows.map((r) => r.id).sort();
export { seedPartnerActivity, type PartnerActivity } from './partner-activity.ts';
