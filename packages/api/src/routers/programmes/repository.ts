import type { Tx } from '@brobygger/db';
import { fail } from '../../errors.ts';
import type { ProgrammeFields, Programme, Goal } from './schemas.ts';
import type { z } from 'zod';
import type { ZFigures, ZGoalFields, ZPartner, ZLinked } from './schemas.ts';

/**
 * The programmes' SQL, under the caller's claims: row-level security decides what each statement
 * sees and may change; this module only maps rows to the API's shapes and versions to conflicts.
 */

const PROGRAMME_COLUMNS = `p.id, p.version, p.name, p.funder_kind as "funderKind", p.funder_name as "funderName",
  p.funder_tenant_id as "funderTenantId", p.grant_amount::float8 as "grantAmount", p.total_budget::float8 as "totalBudget",
  p.starts_on::text as "startsOn", p.ends_on::text as "endsOn",
  (select f.name from app.funding_regions(p.tenant_id) f where f.id = p.funder_tenant_id) as "funderWorkspaceName"`;

export const listProgrammes = (tx: Tx, tenantId: string) =>
  tx.query<Programme>(
    `select ${PROGRAMME_COLUMNS} from public.programmes p where p.tenant_id = $1
     order by p.starts_on desc, p.name collate "da-DK-x-icu", p.id`,
    [tenantId],
  );

export async function getProgramme(tx: Tx, tenantId: string, id: string): Promise<Programme> {
  const row = await tx.one<Programme>(
    `select ${PROGRAMME_COLUMNS} from public.programmes p where p.tenant_id = $1 and p.id = $2`,
    [tenantId, id],
  );
  return row ?? fail('programme_not_found');
}

/** The period and the amounts are checked here first, so the caller gets a message, not a 500. */
function checkProgramme(fields: ProgrammeFields) {
  if (fields.startsOn > fields.endsOn) fail('programme_ends_before_start');
  if (fields.grantAmount != null && fields.totalBudget != null && fields.grantAmount > fields.totalBudget)
    fail('programme_grant_over_budget');
}

const programmeParams = (f: ProgrammeFields) => [
  f.name,
  f.funderKind,
  f.funderName || null,
  f.funderTenantId,
  f.grantAmount,
  f.totalBudget,
  f.startsOn,
  f.endsOn,
];

export async function createProgramme(tx: Tx, tenantId: string, fields: ProgrammeFields) {
  checkProgramme(fields);
  const row = await tx.one<{ id: string }>(
    `insert into public.programmes (tenant_id, name, funder_kind, funder_name, funder_tenant_id, grant_amount, total_budget, starts_on, ends_on)
     values ($1, $2, $3, $4, $5, $6, $7, $8, $9) returning id`,
    [tenantId, ...programmeParams(fields)],
  );
  return row!.id;
}

/** Updates `table`'s row if it still has `version`; otherwise says whether it is gone or stale. */
async function versioned(
  tx: Tx,
  table: string,
  tenantId: string,
  id: string,
  version: number,
  set: () => Promise<unknown[]>,
) {
  const rows = await set();
  if (rows.length === 1) return;
  const exists = await tx.one(`select 1 from ${table} where tenant_id = $1 and id = $2`, [tenantId, id]);
  fail(exists ? 'stale_version' : 'row_not_found');
}

export async function updateProgramme(tx: Tx, tenantId: string, id: string, version: number, fields: ProgrammeFields) {
  checkProgramme(fields);
  await versioned(tx, 'public.programmes', tenantId, id, version, () =>
    tx.query(
      `update public.programmes set name = $4, funder_kind = $5, funder_name = $6, funder_tenant_id = $7,
         grant_amount = $8, total_budget = $9, starts_on = $10, ends_on = $11
       where tenant_id = $1 and id = $2 and version = $3 returning id`,
      [tenantId, id, version, ...programmeParams(fields)],
    ),
  );
}

/** Deleted only when no course or match names it: their history would otherwise lose its funder. */
export async function deleteProgramme(tx: Tx, tenantId: string, id: string) {
  const linked = await tx.one<{ n: number }>(
    `select (select count(*) from public.courses where tenant_id = $1 and programme_id = $2)
          + (select count(*) from public.matches where tenant_id = $1 and programme_id = $2) as n`,
    [tenantId, id],
  );
  if (Number(linked!.n) > 0) fail('programme_in_use');
  const rows = await tx.query('delete from public.programmes where tenant_id = $1 and id = $2 returning id', [
    tenantId,
    id,
  ]);
  if (rows.length === 0) fail('programme_not_found');
}

export const goalProgress = (tx: Tx, programmeId: string) =>
  tx.query<Goal>(
    `select g.goal_id as id, pg.version, g.metric, g.target_min as "targetMin", g.target_max as "targetMax",
            g.due_on::text as "dueOn", g.label, g.value
     from app.programme_goal_progress($1) g join public.programme_goals pg on pg.id = g.goal_id`,
    [programmeId],
  );

type GoalFields = z.infer<typeof ZGoalFields>;
function checkGoal(goal: GoalFields) {
  if (goal.targetMax != null && goal.targetMax < goal.targetMin) fail('goal_target_order');
}

export async function saveGoal(
  tx: Tx,
  tenantId: string,
  programmeId: string,
  goal: GoalFields & { id?: string; version?: number },
) {
  checkGoal(goal);
  const params = [goal.metric, goal.targetMin, goal.targetMax, goal.dueOn, goal.label || null];
  if (!goal.id) {
    await getProgramme(tx, tenantId, programmeId);
    await tx.query(
      `insert into public.programme_goals (tenant_id, programme_id, metric, target_min, target_max, due_on, label)
       values ($1, $2, $3, $4, $5, $6, $7)`,
      [tenantId, programmeId, ...params],
    );
    return;
  }
  const { id, version = 0 } = goal;
  await versioned(tx, 'public.programme_goals', tenantId, id, version, () =>
    tx.query(
      `update public.programme_goals set metric = $5, target_min = $6, target_max = $7, due_on = $8, label = $9
       where tenant_id = $1 and id = $2 and version = $3 and programme_id = $4 returning id`,
      [tenantId, id, version, programmeId, ...params],
    ),
  );
}

export async function deleteChild(
  tx: Tx,
  table: 'programme_goals' | 'programme_partners',
  tenantId: string,
  id: string,
) {
  const rows = await tx.query(`delete from public.${table} where tenant_id = $1 and id = $2 returning id`, [
    tenantId,
    id,
  ]);
  if (rows.length === 0) fail('row_not_found');
}

export const listPartners = (tx: Tx, tenantId: string, programmeId: string) =>
  tx.query<z.infer<typeof ZPartner>>(
    `select id, name, partner_tenant_id as "partnerTenantId", version from public.programme_partners
     where tenant_id = $1 and programme_id = $2 order by created_at, id`,
    [tenantId, programmeId],
  );

export async function addPartner(tx: Tx, tenantId: string, programmeId: string, name: string) {
  await getProgramme(tx, tenantId, programmeId);
  await tx.query('insert into public.programme_partners (tenant_id, programme_id, name) values ($1, $2, $3)', [
    tenantId,
    programmeId,
    name,
  ]);
}

/** The courses and matches that belong to the programme, named as their grids name them. */
export const listLinked = (tx: Tx, tenantId: string, programmeId: string) =>
  tx.query<z.infer<typeof ZLinked>>(
    `select c.id, c.name, 'course' as kind from public.courses c where c.tenant_id = $1 and c.programme_id = $2
     union all
     select x.id, coalesce(l.label, '–'), 'match' from public.matches x
       left join app.participant_lookup($1) l on l.id = x.participant_id
     where x.tenant_id = $1 and x.programme_id = $2
     order by kind, name`,
    [tenantId, programmeId],
  );

export async function figures(tx: Tx, programmeId: string, from: string, to: string) {
  const row = await tx.one<z.infer<typeof ZFigures>>(
    `select sessions_held as "sessionsHeld", attendance_rate as "attendanceRate",
            participants_reached as "participantsReached", matches_active as "matchesActive",
            matches_completed as "matchesCompleted", volunteers_active as "volunteersActive",
            volunteers_peer_educated as "volunteersPeerEducated"
     from app.programme_figures($1, $2, $3)`,
    [programmeId, from, to],
  );
  return row!;
}
