import { createWorld, privileged, type World } from '@brobygger/db/testing';
import { beforeAll, describe, expect, it } from 'vitest';
import { runRetention } from '../src/privacy/retention.ts';
import { callerFor } from './helpers.ts';

/**
 * The retention job (decision 024): with a 24-month setting, a participant who ended 25 months ago
 * is erased and one who ended 23 months ago is kept; the run is logged and recorded.
 */
let world: World;
const people: Record<string, string> = {};

const monthsAgo = (months: number) => `now() - interval '${months} months'`;

beforeAll(async () => {
  world = await createWorld();
  const t = world.tenant.id;
  await privileged(async (tx) => {
    await tx.query('update public.tenants set retention_months = 24 where id = $1', [t]);
    const participant = async (label: string, status: string, months: number) => {
      const row = await tx.one<{ id: string }>(
        `insert into public.participants (tenant_id, first_name, status, created_at, updated_at)
         values ($1, $2, $3, ${monthsAgo(months + 6)}, ${monthsAgo(months)}) returning id`,
        [t, label, status],
      );
      people[label] = row!.id;
    };
    await participant('ended25', 'ended', 25);
    await participant('ended23', 'ended', 23);
    await participant('active25', 'active', 25);
    // Ended 25 months ago by status, but an enrolment ended 20 months ago: the later date counts.
    await participant('enrolled20', 'ended', 25);
    const course = await tx.one<{ id: string }>(
      `insert into public.courses (tenant_id, name) values ($1, 'Vejen') returning id`,
      [t],
    );
    await tx.query(
      `insert into public.enrolments (tenant_id, course_id, participant_id, status, ended_on, updated_at)
       values ($1, $2, $3, 'completed', (${monthsAgo(20)})::date, ${monthsAgo(20)})`,
      [t, course!.id, people.enrolled20],
    );
    const volunteer = async (label: string, status: string, months: number) => {
      const row = await tx.one<{ id: string }>(
        `insert into public.volunteers (tenant_id, name, status, status_changed_on, updated_at)
         values ($1, $2, $3, (${monthsAgo(months)})::date, ${monthsAgo(months)}) returning id`,
        [t, label, status],
      );
      people[label] = row!.id;
    };
    await volunteer('stopped25', 'stopped', 25);
    await volunteer('stopped23', 'stopped', 23);
    await volunteer('paused25', 'paused', 25);
    // Another workspace without a setting keeps everyone, however old.
    await tx.query(
      `insert into public.participants (tenant_id, first_name, status, updated_at) values ($1, 'elsewhere', 'ended', ${monthsAgo(60)})`,
      [world.other.id],
    );
  });
});

const remaining = (table: 'participants' | 'volunteers', tenantId: string) =>
  privileged(async (tx) =>
    (
      await tx.query<{ label: string }>(
        `select ${table === 'participants' ? 'first_name' : 'name'} as label from public.${table}
         where tenant_id = $1 and erased_at is null order by 1`,
        [tenantId],
      )
    ).map((r) => r.label),
  );

describe('the retention job', () => {
  it('erases who ended longer ago than the setting, keeps the rest, and logs how many', async () => {
    const log: { level: string; message: string; fields?: Record<string, unknown> }[] = [];
    const results = await runRetention((level, message, fields) => void log.push({ level, message, fields }));

    expect(await remaining('participants', world.tenant.id)).toEqual(['active25', 'ended23', 'enrolled20']);
    expect(await remaining('volunteers', world.tenant.id)).toEqual(['paused25', 'stopped23']);
    expect(await remaining('participants', world.other.id)).toEqual(['elsewhere']);

    expect(results).toContainEqual({ tenantId: world.tenant.id, participants: 1, volunteers: 1 });
    expect(log).toContainEqual({
      level: 'info',
      message: 'retention run',
      fields: { workspace: world.tenant.slug, tenantId: world.tenant.id, participants: 1, volunteers: 1 },
    });
    // Erased like a request: gone from every log, and the erasure recorded as the job's.
    const traces = await privileged((tx) =>
      tx.one<{ audit: number; erasures: { kind: string; reason: string; erased_by: string | null }[] }>(
        `select (select count(*)::int from public.audit_log where row_id = any($2::uuid[])) as audit,
                (select jsonb_agg(jsonb_build_object('kind', kind, 'reason', reason, 'erased_by', erased_by) order by kind)
                 from public.erasures where tenant_id = $1) as erasures`,
        [world.tenant.id, [people.ended25, people.stopped25]],
      ),
    );
    expect(traces).toEqual({
      audit: 0,
      erasures: [
        { kind: 'participant', reason: 'retention', erased_by: null },
        { kind: 'volunteer', reason: 'retention', erased_by: null },
      ],
    });
  });

  it('shows the last run on the settings page’s data, to owners and admins', async () => {
    const retention = await callerFor(world.users.admin).api.privacy.retention({ tenant: world.tenant.slug });
    expect(retention).toMatchObject({ months: 24, lastRun: { participants: 1, volunteers: 1 } });
    await expect(
      callerFor(world.users.coordinator).api.privacy.retention({ tenant: world.tenant.slug }),
    ).rejects.toMatchObject({
      code: 'FORBIDDEN',
    });
  });
});

describe('the retention setting', () => {
  it('owners and admins set it, or clear it to keep people until erased by hand', async () => {
    const admin = callerFor(world.users.admin).api;
    await expect(admin.privacy.setRetention({ tenant: world.other.slug, months: 12 })).rejects.toMatchObject({
      message: 'errors:workspace_not_found',
    });
    const owner = callerFor(world.users.owner).api;
    expect(await owner.privacy.setRetention({ tenant: world.tenant.slug, months: 36 })).toEqual({ months: 36 });
    expect(await admin.privacy.setRetention({ tenant: world.tenant.slug, months: null })).toEqual({ months: null });
    expect((await owner.privacy.retention({ tenant: world.tenant.slug })).months).toBeNull();
  });

  it('refuses coordinators, and months outside 1–240 with a translated message', async () => {
    await expect(
      callerFor(world.users.coordinator).api.privacy.setRetention({ tenant: world.tenant.slug, months: 12 }),
    ).rejects.toMatchObject({ code: 'FORBIDDEN', message: 'errors:forbidden' });
    for (const months of [0, 241, 1.5])
      await expect(
        callerFor(world.users.owner).api.privacy.setRetention({ tenant: world.tenant.slug, months }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
  });
});
