import { z } from 'zod';
import { isCalendarDate, ZRowId } from '../../rosters/fields.ts';

const ZIsoDate = z.string().refine(isCalendarDate, 'errors:invalid_date');
const ZLocalTime = z.string().regex(/^([01]\d|2[0-3]):[0-5]\d$/, 'errors:invalid_time');

export const SCHEDULE_FREQUENCIES = ['weekly', 'fortnightly'] as const;

/**
 * A schedule as the coordinator enters it. Exactly one of `sessionCount` and `until` ends it;
 * that rule, an end before the start and too many sessions are checked in `checkSchedule`, so
 * each gets its own translated message rather than zod's generic one. The count's upper bound
 * here only keeps absurd input away from the recurrence library.
 */
export const ZScheduleFields = z.object({
  frequency: z.enum(SCHEDULE_FREQUENCIES, { error: 'errors:invalid_choice' }),
  firstDate: ZIsoDate,
  sessionCount: z.number().int().min(1, 'errors:out_of_range').max(10_000, 'errors:out_of_range').nullable(),
  until: ZIsoDate.nullable(),
  startsAt: ZLocalTime,
  durationMinutes: z.number().int().min(1, 'errors:out_of_range').max(1440, 'errors:out_of_range'),
});
export type ScheduleFields = z.infer<typeof ZScheduleFields>;

export const ZCourseScope = z.object({ course: ZRowId });

export const ZSchedule = ZScheduleFields.extend({ version: z.number().int() });
export type StoredSchedule = z.infer<typeof ZSchedule>;

/** Why a session outside the new schedule stays: it was held, cancelled, or has attendance. */
export const KEEP_REASONS = ['attendance', 'held', 'cancelled'] as const;

/**
 * What generating a schedule does to a course's sessions, date by date (ISO dates). The preview
 * shows it before anything changes; applying returns what was done.
 */
export const ZSchedulePlan = z.object({
  /** Every date the schedule gives. */
  dates: z.array(z.string()),
  /** New sessions. */
  add: z.array(z.string()),
  /** Planned sessions of the schedule whose time or length changes. */
  retime: z.array(z.string()),
  /** Planned sessions without attendance that the schedule no longer has: deleted. */
  remove: z.array(z.string()),
  /** Sessions the schedule no longer has that stay, with why; they become sessions of their own. */
  keep: z.array(z.object({ heldOn: z.string(), reason: z.enum(KEEP_REASONS) })),
  /** Sessions of the schedule that stay as they are (moved or cancelled by hand included). */
  unchanged: z.number().int(),
});
export type SchedulePlan = z.infer<typeof ZSchedulePlan>;

export const ZScheduleState = z.object({ schedule: ZSchedule.nullable(), canEdit: z.boolean() });
export const ZApplyInput = ZCourseScope.extend({
  schedule: ZScheduleFields,
  /** The version the form started from, null for a course without a schedule yet. */
  version: z.number().int().nullable(),
});
export const ZApplyResult = z.object({ plan: ZSchedulePlan, version: z.number().int() });
