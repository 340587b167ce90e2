import { z } from 'zod';
import { requirePermission, router, tenantProcedure } from '../../trpc.ts';
import { REPORT_LANGUAGES } from '../../programmes/index.ts';
import { buildReport, saveNarrative } from './report.ts';
import * as repo from './repository.ts';
import {
  ZFundedGoal,
  ZGoalFields,
  ZProgramme,
  ZProgrammeDetail,
  ZProgrammeFields,
  ZProgrammeId,
  ZProgrammeSummary,
  ZReport,
  ZSaveNarrative,
} from './schemas.ts';

const ZIsoDate = z.iso.date({ error: 'errors:invalid_date' });
const ZVersion = z.object({ version: z.number().int() });

const readProcedure = tenantProcedure.use(({ ctx, next }) => {
  requirePermission(ctx.tenant, 'programmes.read');
  return next();
});
const manageProcedure = tenantProcedure.use(({ ctx, next }) => {
  requirePermission(ctx.tenant, 'programmes.manage');
  return next();
});

/**
 * Programmes, their partners and goals, the goals' computed progress, and the funder report's
 * figures (decision 025). Reading is for readers, changing for editors; row-level security says
 * the same underneath.
 */
export const programmesRouter = router({
  list: readProcedure.output(z.array(ZProgrammeSummary)).query(({ ctx }) =>
    ctx.db.tx(async (tx) => {
      // One statement at a time: a transaction's client runs queries one after the other.
      const programmes = [];
      for (const p of await repo.listProgrammes(tx, ctx.tenant.id)) {
        programmes.push({ ...p, goals: await repo.goalProgress(tx, p.id) });
      }
      return programmes;
    }),
  ),
  get: readProcedure
    .input(ZProgrammeId)
    .output(ZProgrammeDetail)
    .query(({ ctx, input }) =>
      ctx.db.tx(async (tx) => {
        const programme = await repo.getProgramme(tx, ctx.tenant.id, input.id);
        return {
          ...programme,
          goals: await repo.goalProgress(tx, programme.id),
          partners: await repo.listPartners(tx, ctx.tenant.id, programme.id),
          linked: await repo.listLinked(tx, ctx.tenant.id, programme.id),
        };
      }),
    ),
  /** A programme's name, for a course's or match's page to link to it. */
  name: readProcedure
    .input(ZProgrammeId)
    .output(z.object({ id: z.uuid(), name: z.string() }))
    .query(({ ctx, input }) =>
      ctx.db.tx(async (tx) => {
        const { id, name } = await repo.getProgramme(tx, ctx.tenant.id, input.id);
        return { id, name };
      }),
    ),
  /** The regions a programme may name as its funder: those the workspace has a partnership with. */
  fundingRegions: readProcedure
    .output(z.array(z.object({ id: z.uuid(), name: z.string() })))
    .query(({ ctx }) =>
      ctx.db.tx((tx) =>
        tx.query<{ id: string; name: string }>('select id, name from app.funding_regions($1)', [ctx.tenant.id]),
      ),
    ),
  create: manageProcedure
    .input(ZProgrammeFields)
    .output(z.object({ id: z.uuid() }))
    .mutation(({ ctx, input }) =>
      ctx.db.tx(async (tx) => ({ id: await repo.createProgramme(tx, ctx.tenant.id, input) })),
    ),
  update: manageProcedure
    .input(ZProgrammeFields.extend(ZProgrammeId.shape).extend(ZVersion.shape))
    .output(ZProgramme)
    .mutation(({ ctx, input }) =>
      ctx.db.tx(async (tx) => {
        await repo.updateProgramme(tx, ctx.tenant.id, input.id, input.version, input);
        return repo.getProgramme(tx, ctx.tenant.id, input.id);
      }),
    ),
  delete: manageProcedure
    .input(ZProgrammeId)
    .mutation(({ ctx, input }) => ctx.db.tx((tx) => repo.deleteProgramme(tx, ctx.tenant.id, input.id))),
  saveGoal: manageProcedure
    .input(
      ZGoalFields.extend({
        programmeId: z.uuid(),
        goalId: z.uuid().optional(),
        version: z.number().int().optional(),
      }),
    )
    .mutation(({ ctx, input }) =>
      ctx.db.tx((tx) =>
        repo.saveGoal(tx, ctx.tenant.id, input.programmeId, { ...input, id: input.goalId, version: input.version }),
      ),
    ),
  deleteGoal: manageProcedure
    .input(z.object({ goalId: z.uuid() }))
    .mutation(({ ctx, input }) =>
      ctx.db.tx((tx) => repo.deleteChild(tx, 'programme_goals', ctx.tenant.id, input.goalId)),
    ),
  addPartner: manageProcedure
    .input(
      z.object({
        programmeId: z.uuid(),
        name: z.string().trim().min(1, { error: 'errors:required' }).max(200, { error: 'errors:too_long' }),
      }),
    )
    .mutation(({ ctx, input }) => ctx.db.tx((tx) => repo.addPartner(tx, ctx.tenant.id, input.programmeId, input.name))),
  deletePartner: manageProcedure
    .input(z.object({ partnerId: z.uuid() }))
    .mutation(({ ctx, input }) =>
      ctx.db.tx((tx) => repo.deleteChild(tx, 'programme_partners', ctx.tenant.id, input.partnerId)),
    ),
  report: readProcedure
    .input(
      ZProgrammeId.extend({
        from: ZIsoDate.optional(),
        to: ZIsoDate.optional(),
        language: z.enum(REPORT_LANGUAGES),
      }),
    )
    .output(ZReport)
    .query(({ ctx, input }) => ctx.db.tx((tx) => buildReport(tx, ctx.tenant.id, input))),
  saveNarrative: manageProcedure
    .input(ZSaveNarrative)
    .output(ZVersion)
    .mutation(({ ctx, input }) => ctx.db.tx((tx) => saveNarrative(tx, ctx.tenant.id, input))),
  /**
   * For a region: the goal progress of the programmes it funds in partner workspaces with an
   * active partnership, as aggregates.funded_goal_progress returns it (counts 1-4 suppressed).
   * The function itself checks that the caller is a member of the region.
   */
  fundedGoals: tenantProcedure
    // Without dates, each goal is judged over its programme's own period up to its due date.
    .input(z.object({ from: ZIsoDate.optional(), to: ZIsoDate.optional() }))
    .output(z.array(ZFundedGoal))
    .query(({ ctx, input }) =>
      ctx.db.tx((tx) =>
        tx.query<z.infer<typeof ZFundedGoal>>(
          `select partner_name as "partnerName", programme_id as "programmeId", programme_name as "programmeName",
                  goal_id as "goalId", metric, target_min as "targetMin", target_max as "targetMax",
                  due_on::text as "dueOn", label, value, suppressed
           from aggregates.funded_goal_progress($1, $2, $3)`,
          [ctx.tenant.id, input.from ?? null, input.to ?? null],
        ),
      ),
    ),
});
