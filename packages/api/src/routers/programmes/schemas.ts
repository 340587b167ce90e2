import { z } from 'zod';
import { FUNDER_KINDS, PROGRAMME_METRICS, REPORT_LANGUAGES } from '../../programmes/index.ts';

const ZIsoDate = z.iso.date({ error: 'errors:invalid_date' });
const ZText = (max: number) => z.string().trim().max(max, { error: 'errors:too_long' });
/** Whole kroner: a grant is applied for and reported in whole kroner. */
const ZDkk = z.number().int({ error: 'errors:invalid_number' }).min(0).max(1_000_000_000_000);

export const ZProgrammeFields = z.object({
  name: ZText(200).min(1, { error: 'errors:required' }),
  funderKind: z.enum(FUNDER_KINDS),
  funderName: ZText(200).nullable(),
  funderTenantId: z.uuid().nullable(),
  grantAmount: ZDkk.nullable(),
  totalBudget: ZDkk.nullable(),
  startsOn: ZIsoDate,
  endsOn: ZIsoDate,
});
export type ProgrammeFields = z.infer<typeof ZProgrammeFields>;

export const ZProgramme = ZProgrammeFields.extend({
  id: z.uuid(),
  version: z.number().int(),
  funderWorkspaceName: z.string().nullable(),
});
export type Programme = z.infer<typeof ZProgramme>;

export const ZProgrammeId = z.object({ id: z.uuid({ error: 'errors:programme_not_found' }) });

export const ZGoalFields = z.object({
  metric: z.enum(PROGRAMME_METRICS),
  targetMin: z.number().int().min(0).max(1_000_000),
  targetMax: z.number().int().min(0).max(1_000_000).nullable(),
  dueOn: ZIsoDate,
  label: ZText(200).nullable(),
});

/** A goal with its progress, computed by app.programme_goal_progress. */
export const ZGoal = ZGoalFields.extend({
  id: z.uuid(),
  version: z.number().int(),
  value: z.number().int().nullable(),
});
export type Goal = z.infer<typeof ZGoal>;

export const ZPartner = z.object({
  id: z.uuid(),
  name: z.string(),
  partnerTenantId: z.uuid().nullable(),
  version: z.number().int(),
});

export const ZLinked = z.object({ id: z.uuid(), name: z.string(), kind: z.enum(['course', 'match']) });

export const ZProgrammeSummary = ZProgramme.extend({
  goals: z.array(ZGoal),
});

export const ZProgrammeDetail = ZProgrammeSummary.extend({
  partners: z.array(ZPartner),
  linked: z.array(ZLinked),
});

export const ZFigures = z.object({
  sessionsHeld: z.number().int(),
  attendanceRate: z.number().int().nullable(),
  participantsReached: z.number().int(),
  matchesActive: z.number().int(),
  matchesCompleted: z.number().int(),
  volunteersActive: z.number().int(),
  volunteersPeerEducated: z.number().int(),
});

export const ZPeriod = z.object({ from: ZIsoDate, to: ZIsoDate });

export const ZReportInput = ZProgrammeId.extend({
  from: ZIsoDate.optional(),
  to: ZIsoDate.optional(),
  language: z.enum(REPORT_LANGUAGES),
});

export const ZNarrative = z.object({ text: z.string(), version: z.number().int().nullable() });

export const ZReport = z.object({
  programme: ZProgramme,
  partners: z.array(z.string()),
  period: ZPeriod,
  language: z.enum(REPORT_LANGUAGES),
  goals: z.array(ZGoal),
  quarters: z.array(ZPeriod.extend({ year: z.number().int(), quarter: z.number().int(), figures: ZFigures })),
  total: ZFigures,
  narrative: ZNarrative,
});
export type FunderReport = z.infer<typeof ZReport>;

export const ZSaveNarrative = ZProgrammeId.extend({
  from: ZIsoDate,
  to: ZIsoDate,
  language: z.enum(REPORT_LANGUAGES),
  text: z.string().max(20000, { error: 'errors:too_long' }),
  version: z.number().int().nullable(),
});

export const ZFundedGoal = z.object({
  partnerName: z.string(),
  programmeId: z.uuid(),
  programmeName: z.string(),
  goalId: z.uuid(),
  metric: z.enum(PROGRAMME_METRICS),
  targetMin: z.number().int(),
  targetMax: z.number().int().nullable(),
  dueOn: z.string(),
  label: z.string().nullable(),
  value: z.number().int().nullable(),
  suppressed: z.boolean(),
});
export type FundedGoal = z.infer<typeof ZFundedGoal>;
