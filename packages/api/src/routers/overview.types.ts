import { z } from 'zod';

/** The periods the overview can be read for; "this quarter" unless the caller picks another. */
export const OVERVIEW_PERIODS = ['quarter', 'year', 'last12'] as const;
export const ZOverviewPeriod = z.enum(OVERVIEW_PERIODS);
export type OverviewPeriod = z.infer<typeof ZOverviewPeriod>;

export const ZOverviewInput = z.object({ period: ZOverviewPeriod.default('quarter') });

const count = z.number().int().nonnegative();

export const ZVolunteerFigures = z.object({ active: count, paused: count, waitingForIntake: count });

/** One course's tallies for one calendar month of the period; rates are derived from these. */
export const ZCourseMonth = z.object({
  month: z.string(), // YYYY-MM
  sessions: count,
  present: count,
  absent: count,
  cancelled: count,
  noShow: count,
});
export type CourseMonth = z.infer<typeof ZCourseMonth>;

export const ZCourseFigures = z.array(z.object({ id: z.string(), name: z.string(), months: z.array(ZCourseMonth) }));
export type CourseFigures = z.infer<typeof ZCourseFigures>;

/** Companionship: matches active now, and those past their planned end. */
export const ZMatchFigures = z.object({ active: count, pastPlannedEnd: count });

/**
 * Something that needs doing now: how many, and, for those who may act on it (coordinators and
 * up), who, so the list can name them. Viewers get the count only (aggregates, decision 021).
 */
export const ZTodo = z.object({
  count,
  people: z.array(z.object({ id: z.string(), name: z.string() })).nullable(),
});
export type Todo = z.infer<typeof ZTodo>;

export const TODO_KEYS = [
  'missingConfidentiality',
  'recordCheckDue',
  'waitingForIntake',
  'unapprovedExpenses',
] as const;
export type TodoKey = (typeof TODO_KEYS)[number];

/**
 * The overview's figures. Every section is optional: a section the caller's role is not shown is
 * simply absent.
 */
export const ZOverview = z.object({
  period: z.object({ name: ZOverviewPeriod, from: z.string(), to: z.string(), months: z.array(z.string()) }),
  volunteers: ZVolunteerFigures.optional(),
  participantsReached: count.optional(),
  courses: ZCourseFigures.optional(),
  matches: ZMatchFigures.optional(),
  /** How old a record check may be (months) before the to-do lists it. */
  recordCheckRenewalMonths: count.optional(),
  todos: z.partialRecord(z.enum(TODO_KEYS), ZTodo),
});
export type Overview = z.infer<typeof ZOverview>;
