import { randomBytes } from 'node:crypto';
import { withPrivilegedTx, withRls, type Claims } from '../rls.ts';
import type { Tx } from '../tx.ts';

export type Role = 'owner' | 'admin' | 'coordinator' | 'peer' | 'viewer';
export type TestUser = { id: string; email: string; claims: Claims };
export type TestTenant = { id: string; slug: string; name: string };

/** What the global setup hands every test file: the fresh database's connection strings. */
declare module 'vitest' {
  export interface ProvidedContext {
    db: { requestUrl: string; adminUrl: string; authUrl: string };
  }
}

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

/** A user row without a password (tests act through claims, as the auth provider would). */
export async function createUser(label = 'user'): Promise<TestUser> {
  const email = `${label}-${suffix()}@test.brobygger.dk`;
  const row = await withPrivilegedTx('test', (tx) =>
    tx.one<{ id: string }>(
      "insert into auth.users (id, aud, role, email) values (gen_random_uuid(), 'authenticated', 'authenticated', $1) returning id",
      [email],
    ),
  );
  return { id: row!.id, email, claims: { sub: row!.id, email, role: 'authenticated', aud: 'authenticated' } };
}

export async function addMember(tenant: TestTenant, user: TestUser, role: Role): Promise<string> {
  const row = await withPrivilegedTx('test', (tx) =>
    tx.one<{ id: string }>(
      'insert into public.memberships (tenant_id, user_id, role, display_name, email) values ($1, $2, $3, $4, $5) returning id',
      [tenant.id, user.id, role, user.email.split('@')[0], user.email],
    ),
  );
  return row!.id;
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
