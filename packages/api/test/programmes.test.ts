import { beforeEach, describe, expect, it } from 'vitest';
import { createWorld, privileged, type World } from '@brobygger/db/testing';
import { callerFor } from './helpers.ts';

/**
 * Programmes through the API: a coordinator creates one with a goal "40-50", sees progress that
 * follows the records, keeps a narrative, and a funding region reads only suppressed aggregates.
 */
let world: World;
let tenant: string;

const FIELDS = {
  name: 'Sammen om recovery',
  funderKind: 'regional_pool' as const,
  funderName: 'Region Hovedstaden',
  funderTenantId: null,
  grantAmount: 415686,
  totalBudget: 853986,
  startsOn: '2026-01-01',
  endsOn: '2027-12-31',
};

beforeEach(async () => {
  world = await createWorld();
  tenant = (await privileged((tx) =>
    tx.one<{ slug: string }>('select slug from public.tenants where id = $1', [world.tenant.id]),
  ))!.slug;
});

const coordinator = () => callerFor(world.users.coordinator).api;

/** One course of the programme with `n` participants present at one held session in 2026-Q2. */
async function attendProgramme(programmeId: string, n: number) {
  await privileged(async (tx) => {
    const course = (await tx.one<{ id: string }>(
      "insert into public.courses (tenant_id, name, programme_id) values ($1, 'Recovery-café', $2) returning id",
      [world.tenant.id, programmeId],
    ))!.id;
    const session = (await tx.one<{ id: string }>(
      "insert into public.course_sessions (tenant_id, course_id, held_on, status) values ($1, $2, date '2026-04-14', 'held') returning id",
      [world.tenant.id, course],
    ))!.id;
    for (let i = 0; i < n; i++) {
      const p = (await tx.one<{ id: string }>(
        'insert into public.participants (tenant_id, first_name) values ($1, $2) returning id',
        [world.tenant.id, `P${i}`],
      ))!.id;
      await tx.query('insert into public.enrolments (tenant_id, course_id, participant_id) values ($1, $2, $3)', [
        world.tenant.id,
        course,
        p,
      ]);
      await tx.query(
        "insert into public.attendance (tenant_id, course_id, session_id, participant_id, status) values ($1, $2, $3, $4, 'present')",
        [world.tenant.id, course, session, p],
      );
    }
  });
}

describe('programmes', () => {
  it('a coordinator creates a programme with a goal 40-50 and sees progress computed from attendance', async () => {
    const { id } = await coordinator().programmes.create({ tenant, ...FIELDS });
    await coordinator().programmes.saveGoal({
      tenant,
      programmeId: id,
      metric: 'participants_reached',
      targetMin: 40,
      targetMax: 50,
      dueOn: '2027-12-31',
      label: null,
    });
    let detail = await coordinator().programmes.get({ tenant, id });
    expect(detail.goals).toMatchObject([{ metric: 'participants_reached', targetMin: 40, targetMax: 50, value: 0 }]);
    await attendProgramme(id, 7);
    detail = await coordinator().programmes.get({ tenant, id });
    expect(detail.goals[0]!.value).toBe(7);
    expect(detail.linked).toEqual([expect.objectContaining({ name: 'Recovery-café', kind: 'course' })]);
  });

  it('refuses a stale update, an end before the start and a grant over budget, with translated keys', async () => {
    const { id } = await coordinator().programmes.create({ tenant, ...FIELDS });
    const first = await coordinator().programmes.update({ tenant, id, version: 1, ...FIELDS, name: 'Nyt navn' });
    expect(first).toMatchObject({ name: 'Nyt navn', version: 2 });
    await expect(coordinator().programmes.update({ tenant, id, version: 1, ...FIELDS })).rejects.toThrow(
      'errors:stale_version',
    );
    await expect(
      coordinator().programmes.update({ tenant, id, version: 2, ...FIELDS, endsOn: '2025-01-01' }),
    ).rejects.toThrow('errors:programme_ends_before_start');
    await expect(coordinator().programmes.create({ tenant, ...FIELDS, grantAmount: 900000 })).rejects.toThrow(
      'errors:programme_grant_over_budget',
    );
  });

  it('deletes a programme only when no course or match belongs to it', async () => {
    const { id } = await coordinator().programmes.create({ tenant, ...FIELDS });
    await attendProgramme(id, 1);
    await expect(coordinator().programmes.delete({ tenant, id })).rejects.toThrow('errors:programme_in_use');
    await privileged((tx) => tx.query('update public.courses set programme_id = null where programme_id = $1', [id]));
    await coordinator().programmes.delete({ tenant, id });
    expect(await coordinator().programmes.list({ tenant })).toEqual([]);
  });

  it('viewers read but do not change; peers see nothing', async () => {
    const { id } = await coordinator().programmes.create({ tenant, ...FIELDS });
    const viewer = callerFor(world.users.viewer).api;
    expect(await viewer.programmes.list({ tenant })).toHaveLength(1);
    await expect(viewer.programmes.addPartner({ tenant, programmeId: id, name: 'Recovery Lab' })).rejects.toThrow(
      'errors:forbidden',
    );
    await expect(callerFor(world.users.peer).api.programmes.list({ tenant })).rejects.toThrow('errors:forbidden');
  });

  it('the report has the quarters of the period, their figures, and the narrative kept for next time', async () => {
    const { id } = await coordinator().programmes.create({ tenant, ...FIELDS });
    await attendProgramme(id, 3);
    const report = await coordinator().programmes.report({ tenant, id, language: 'da' });
    expect(report.period).toEqual({ from: '2026-01-01', to: '2027-12-31' });
    expect(report.quarters).toHaveLength(8);
    expect(report.quarters[1]).toMatchObject({
      from: '2026-04-01',
      to: '2026-06-30',
      figures: { sessionsHeld: 1, participantsReached: 3, attendanceRate: 100 },
    });
    expect(report.quarters[0]!.figures.sessionsHeld).toBe(0);
    expect(report.total).toMatchObject({ sessionsHeld: 1, participantsReached: 3 });
    expect(report.narrative).toEqual({ text: '', version: null });

    const saved = await coordinator().programmes.saveNarrative({
      tenant,
      id,
      from: '2026-01-01',
      to: '2027-12-31',
      language: 'da',
      text: 'Caféen er kommet godt i gang.',
      version: null,
    });
    expect(saved.version).toBe(1);
    await expect(
      coordinator().programmes.saveNarrative({
        tenant,
        id,
        from: '2026-01-01',
        to: '2027-12-31',
        language: 'da',
        text: 'x',
        version: null,
      }),
    ).rejects.toThrow('errors:stale_version');
    // A report for the next period starts from the last narrative, as a draft.
    const next = await coordinator().programmes.report({
      tenant,
      id,
      language: 'da',
      from: '2027-01-01',
      to: '2027-12-31',
    });
    expect(next.narrative).toEqual({ text: 'Caféen er kommet godt i gang.', version: null });
    const english = await coordinator().programmes.report({ tenant, id, language: 'en' });
    expect(english.narrative.text).toBe('');
  });

  it('fundedGoals gives the region suppressed aggregates of the programmes it funds, and nothing after the partnership ends', async () => {
    const { id } = await coordinator().programmes.create({ tenant, ...FIELDS, funderTenantId: world.region.id });
    await coordinator().programmes.saveGoal({
      tenant,
      programmeId: id,
      metric: 'participants_reached',
      targetMin: 40,
      targetMax: 50,
      dueOn: '2027-12-31',
      label: null,
    });
    await coordinator().programmes.saveGoal({
      tenant,
      programmeId: id,
      metric: 'sessions_held',
      targetMin: 20,
      targetMax: null,
      dueOn: '2027-12-31',
      label: null,
    });
    await attendProgramme(id, 6);
    const regionSlug = (await privileged((tx) =>
      tx.one<{ slug: string }>('select slug from public.tenants where id = $1', [world.region.id]),
    ))!.slug;
    const region = callerFor(world.users.regionMember).api;
    const rows = await region.programmes.fundedGoals({ tenant: regionSlug, from: '2026-01-01', to: '2027-12-31' });
    expect(rows.map((r) => [r.metric, r.value, r.suppressed])).toEqual([
      ['participants_reached', 6, false],
      ['sessions_held', null, true],
    ]);
    await privileged((tx) =>
      tx.query("update public.partnerships set status = 'ended' where tenant_id = $1", [world.region.id]),
    );
    expect(await region.programmes.fundedGoals({ tenant: regionSlug, from: '2026-01-01', to: '2027-12-31' })).toEqual(
      [],
    );
  });
});
