import { fail } from '../../errors.ts';
import { requirePermission, tenantProcedure } from '../../trpc.ts';
import { planSchedule } from './plan.ts';
import {
  applySteps,
  checkSchedule,
  readSchedule,
  readSessions,
  requireCourse,
  saveSchedule,
} from './schedule-repository.ts';
import { ZApplyInput, ZApplyResult, ZCourseScope, ZScheduleFields, ZSchedulePlan, ZScheduleState } from './schemas.ts';
import { grantOf } from '../../permissions.ts';

/** A course's schedule, if it has one, and whether the caller may change it. */
export const getSchedule = tenantProcedure
  .input(ZCourseScope)
  .output(ZScheduleState)
  .query(({ ctx, input }) =>
    ctx.db.tx(async (tx) => {
      const scope = { tenantId: ctx.tenant.id, courseId: input.course };
      await requireCourse(tx, scope);
      const schedule = (await readSchedule(tx, scope)) ?? null;
      return { schedule, canEdit: grantOf(ctx.tenant.role, 'roster.edit') === 'all' && !ctx.lifecycle.readOnly };
    }),
  );

/** What generating the schedule would do to the course's sessions; changes nothing. */
export const previewSchedule = tenantProcedure
  .input(ZCourseScope.extend({ schedule: ZScheduleFields }))
  .output(ZSchedulePlan)
  .query(({ ctx, input }) => {
    requirePermission(ctx.tenant, 'roster.edit');
    const dates = checkSchedule(input.schedule);
    return ctx.db.tx(async (tx) => {
      const scope = { tenantId: ctx.tenant.id, courseId: input.course };
      await requireCourse(tx, scope);
      return planSchedule(dates, await readSessions(tx, scope), input.schedule).plan;
    });
  });

/**
 * Saves the schedule and generates its sessions in one transaction, as the caller (RLS), so it
 * happens entirely or not at all. Recorded attendance is never deleted: see `planSchedule`.
 */
export const generateSchedule = tenantProcedure
  .input(ZApplyInput)
  .output(ZApplyResult)
  .mutation(({ ctx, input }) => {
    requirePermission(ctx.tenant, 'roster.edit');
    const dates = checkSchedule(input.schedule);
    return ctx.db.tx(async (tx) => {
      const scope = { tenantId: ctx.tenant.id, courseId: input.course };
      // Two coordinators generating at once take turns; the second sees the first's version.
      await requireCourse(tx, scope, true);
      const current = await readSchedule(tx, scope);
      if ((current?.version ?? null) !== input.version) fail('stale_version');
      const version = await saveSchedule(tx, scope, input.schedule, !!current);
      const { plan, steps } = planSchedule(dates, await readSessions(tx, scope), input.schedule);
      await applySteps(tx, scope, steps, input.schedule);
      return { plan, version };
    });
  });
