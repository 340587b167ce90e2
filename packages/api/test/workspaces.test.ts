import { randomUUID } from 'node:crypto';
import { beforeEach, describe, expect, it } from 'vitest';
import { createTenant, createUser, createWorld, privileged, type TestUser, type World } from '@brobygger/db/testing';
import { deleteClosedWorkspaces } from '../src/index.ts';
import { callerFor } from './helpers.ts';

/* Decision 028: creating, configuring, closing and suspending a workspace through the API. */

const rejection = (promise: Promise<unknown>) =>
  promise.then(
    () => undefined,
    (e: { code: string; message: string }) => ({ code: e.code, message: e.message }),
  );
const suffix = () => randomUUID().slice(0, 8);

async function confirmedUser(label: string): Promise<TestUser> {
  const user = await createUser(label, { name: 'Frida Founder' });
  await privileged((tx) => tx.query('update auth.users set email_confirmed_at = now() where id = $1', [user.id]));
  return user;
}

let world: World;
beforeEach(async () => {
  world = await createWorld();
});

describe('workspaces.create', () => {
  it('creates a workspace whose owner the caller is, with numbers typed with spaces', async () => {
    const user = await confirmedUser('creator');
    const { api } = callerFor(user);
    const slug = `ny-${suffix()}`;
    const created = await api.workspaces.create({
      name: '  Ny kommune ',
      kind: 'municipality',
      slug,
      cvr: '11 22 33 46',
      ean: '5798009174000',
      locale: 'en',
    });
    expect(created).toEqual({ slug });
    const workspace = await api.workspaces.get({ tenant: slug });
    expect(workspace).toMatchObject({ name: 'Ny kommune', kind: 'municipality', role: 'owner', status: 'active' });
    expect((await api.workspaces.settings({ tenant: slug })).cvr).toBe('11223346');
  });

  it('answers each refusal with its translated key', async () => {
    const { api } = callerFor(await confirmedUser('refused'));
    const base = { name: 'X', kind: 'association' as const, cvr: '11223346', locale: 'da' as const };
    expect(await rejection(api.workspaces.create({ ...base, slug: world.tenant.slug }))).toEqual({
      code: 'CONFLICT',
      message: 'errors:slug_taken',
    });
    const invalid = await rejection(api.workspaces.create({ ...base, slug: `x-${suffix()}`, cvr: '11223344' }));
    expect(invalid?.code).toBe('BAD_REQUEST');
    const noEan = await rejection(api.workspaces.create({ ...base, kind: 'region', slug: `r-${suffix()}` }));
    expect(noEan?.code).toBe('BAD_REQUEST');
  });

  it('tells anyone, signed in or not, whether an address can be had', async () => {
    const { api } = callerFor(null);
    expect(await api.workspaces.slugStatus({ slug: world.tenant.slug })).toBe('taken');
    expect(await api.workspaces.slugStatus({ slug: 'Æble!' })).toBe('malformed');
    expect(await api.workspaces.slugStatus({ slug: `free-${suffix()}` })).toBe('available');
  });
});

describe('workspace settings', () => {
  it('owners and admins save them with the version they read; a stale version is refused', async () => {
    const { api } = callerFor(world.users.admin);
    const tenant = world.tenant.slug;
    const read = await api.workspaces.settings({ tenant });
    const saved = await api.workspaces.saveSettings({
      tenant,
      version: read.version,
      name: 'Ny navn',
      contactName: 'Karin Kontakt',
      contactEmail: 'Karin@Kommune.dk',
      contactPhone: '+45 12 34 56 78',
      cvr: '11223346',
      ean: '',
      locale: 'en',
    });
    expect(saved).toMatchObject({ name: 'Ny navn', contactEmail: 'karin@kommune.dk', ean: null, locale: 'en' });
    const again = rejection(api.workspaces.saveSettings({ ...saved, tenant, version: read.version }));
    expect(await again).toEqual({ code: 'CONFLICT', message: 'errors:stale_version' });
  });

  it('coordinators may not read or save them', async () => {
    const { api } = callerFor(world.users.coordinator);
    expect((await rejection(api.workspaces.settings({ tenant: world.tenant.slug })))?.code).toBe('FORBIDDEN');
  });
});

describe('a closed workspace', () => {
  beforeEach(async () => {
    await callerFor(world.users.owner).api.workspaces.close({
      tenant: world.tenant.slug,
      confirmSlug: world.tenant.slug,
    });
  });

  it('refuses every mutation with errors:workspace_read_only, and still answers queries', async () => {
    const { api } = callerFor(world.users.coordinator);
    const tenant = world.tenant.slug;
    const save = api.volunteers.save({ tenant, upserts: [], deletes: [] });
    expect(await rejection(save)).toEqual({ code: 'FORBIDDEN', message: 'errors:workspace_read_only' });
    const list = await api.volunteers.list({ tenant });
    expect(list.access).toEqual({ add: false, edit: false, delete: false });
  });

  it('hands the UI no write permission, and says until when it is kept', async () => {
    const workspace = await callerFor(world.users.owner).api.workspaces.get({ tenant: world.tenant.slug });
    expect(workspace.status).toBe('closed');
    expect(workspace.readOnly).toBe(true);
    expect(workspace.permissions['roster.edit']).toBe(false);
    expect(workspace.permissions['roster.read']).toBe('all');
    expect(workspace.permissions['workspace.close']).toBe('all');
    expect(new Date(workspace.deleteAfter!).getTime()).toBeGreaterThan(Date.now() + 89 * 86_400_000);
  });

  it('is reopened by its owner, and deleted by the job only after the waiting period', async () => {
    expect(await deleteClosedWorkspaces(() => {})).not.toContain(world.tenant.slug);
    const in91Days = new Date(Date.now() + 91 * 86_400_000);
    const other = await createTenant('association');
    await callerFor(world.users.owner).api.workspaces.reopen({ tenant: world.tenant.slug });
    await privileged((tx) =>
      tx.query("update public.tenants set closed_at = now(), delete_after = now() + interval '90 days' where id = $1", [
        other.id,
      ]),
    );
    const deleted = await deleteClosedWorkspaces(() => {}, in91Days);
    expect(deleted).toContain(other.slug);
    expect(deleted).not.toContain(world.tenant.slug);
    const left = await privileged((tx) => tx.query('select 1 from public.tenants where id = $1', [other.id]));
    expect(left).toEqual([]);
  });
});

describe('operator console', () => {
  it('is "not found" for anyone who is not an operator', async () => {
    const { api } = callerFor(world.users.owner);
    expect(await rejection(api.operator.workspaces())).toEqual({ code: 'NOT_FOUND', message: 'errors:page_not_found' });
  });

  it('lists workspaces with counts and no names of people; suspends and restores', async () => {
    const operator = await createUser('operator');
    await privileged(async (tx) => {
      await tx.query('insert into app.operators (user_id) values ($1)', [operator.id]);
      await tx.query(
        "insert into public.participants (tenant_id, first_name, status) values ($1, 'Zelda Navn', 'active'), ($1, 'Yrsa Navn', 'ended')",
        [world.tenant.id],
      );
    });
    const { api } = callerFor(operator);
    const listed = await api.operator.workspaces();
    const row = listed.find((w) => w.id === world.tenant.id);
    expect(row).toMatchObject({ kind: 'municipality', status: 'active', activeParticipants: 1, plan: 'free' });
    expect(JSON.stringify(listed)).not.toMatch(/Zelda|Yrsa/);

    await api.operator.suspend({ tenantId: world.tenant.id, reason: 'Misbrug' });
    const member = callerFor(world.users.owner).api;
    expect((await member.workspaces.get({ tenant: world.tenant.slug })).status).toBe('suspended');
    // A suspended workspace's owner cannot reopen it; only the operator restores it.
    await member.workspaces.reopen({ tenant: world.tenant.slug });
    expect((await member.workspaces.get({ tenant: world.tenant.slug })).readOnly).toBe(true);
    await api.operator.restore({ tenantId: world.tenant.id });
    expect((await member.workspaces.get({ tenant: world.tenant.slug })).readOnly).toBe(false);
  });

  it("shows each workspace's billing plan and status, Free without a billing row, and the region covering it", async () => {
    const operator = await createUser('operator');
    const paying = await createTenant('municipality', `Betalende ${suffix()}`);
    const covered = await createTenant('association', `Dækket ${suffix()}`);
    const region = await createTenant('region', `Region ${suffix()}`);
    await privileged(async (tx) => {
      await tx.query('insert into app.operators (user_id) values ($1)', [operator.id]);
      await tx.query(
        "insert into public.workspace_billing (tenant_id, plan, status) values ($1, 'municipality_annual', 'past_due')",
        [paying.id],
      );
      await tx.query(
        "insert into public.partnerships (tenant_id, partner_tenant_id, status, started_on) values ($1, $2, 'active', current_date)",
        [region.id, covered.id],
      );
      await tx.query('insert into public.workspace_billing (tenant_id, covered_by_tenant_id) values ($1, $2)', [
        covered.id,
        region.id,
      ]);
    });
    const { api } = callerFor(operator);
    const byId = async () => new Map((await api.operator.workspaces()).map((w) => [w.id, w]));
    const listed = await byId();
    expect(listed.get(world.tenant.id)).toMatchObject({ plan: 'free', billingStatus: null, coveredBy: null });
    expect(listed.get(paying.id)).toMatchObject({
      plan: 'municipality_annual',
      billingStatus: 'past_due',
      coveredBy: null,
    });
    expect(listed.get(covered.id)).toMatchObject({ plan: 'free', billingStatus: null, coveredBy: region.name });

    // Coverage counts only while the partnership is active.
    await privileged((tx) =>
      tx.query("update public.partnerships set status = 'ended', ended_on = current_date where tenant_id = $1", [
        region.id,
      ]),
    );
    expect((await byId()).get(covered.id)).toMatchObject({ coveredBy: null });
  });
});
