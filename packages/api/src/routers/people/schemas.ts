import { z } from 'zod';
import { ZIsoDate, ZTimestamp } from '../../domain.ts';
import { COURSE_KINDS, ENROLMENT_STATUSES } from '../../rosters/definitions/courses.ts';
import { MATCH_STATUSES } from '../../rosters/definitions/matches.ts';

/**
 * A person's page: one row of the volunteers or participants roster as a readable record, the
 * courses they are on, their attendance there, and the change history of their row.
 */

/** Any text: an id that is not a UUID names no row, and is answered "not found" like any other. */
export const ZPersonInput = z.object({ id: z.string().max(100) });

/** How the person is on a course: facilitating it (a volunteer) or enrolled (a participant). */
export const COURSE_ROLES = ['facilitator', 'coFacilitator', 'participant'] as const;

export const ZPersonCourse = z.object({
  id: z.string(),
  name: z.string(),
  kind: z.enum(COURSE_KINDS),
  role: z.enum(COURSE_ROLES),
  /** The enrolment's status; null for a facilitator. */
  status: z.enum(ENROLMENT_STATUSES).nullable(),
  /** The enrolment's start and end, or the course's for a facilitator. */
  from: ZIsoDate.nullable(),
  to: ZIsoDate.nullable(),
  sessionsHeld: z.number().int().nonnegative(),
  /** Sessions the participant attended; null where nobody records it (a facilitator's own presence). */
  attended: z.number().int().nonnegative().nullable(),
  /** Per cent of recorded sessions attended (present / present + absent + no-show), as in the grids. */
  attendanceRate: z.number().int().nullable(),
});
export type PersonCourse = z.output<typeof ZPersonCourse>;

/** One changed field: its name in the roster definition, and the stored values before and after. */
export const ZFieldChange = z.object({ field: z.string(), from: z.unknown(), to: z.unknown() });

export const ZHistoryEntry = z.object({
  id: z.string(),
  action: z.enum(['insert', 'update', 'delete']),
  changedAt: ZTimestamp,
  /** The member's name; null when the change was made by the system or by a former member. */
  changedBy: z.string().nullable(),
  /** For an update, the fields that changed; empty for the row's creation. */
  changes: z.array(ZFieldChange),
});
export type HistoryEntry = z.output<typeof ZHistoryEntry>;

/** A companionship match the person is on, with the others on it by the names the caller may see. */
export const ZPersonMatch = z.object({
  id: z.string(),
  status: z.enum(MATCH_STATUSES),
  startsOn: ZIsoDate.nullable(),
  plannedEndOn: ZIsoDate.nullable(),
  /** Active and past its planned end. */
  overdue: z.boolean(),
  meetings: z.number().int().nonnegative(),
  participant: z.string().nullable(),
  /** The match's volunteers, leaving out the person whose page it is. */
  volunteers: z.array(z.string()),
});
export type PersonMatch = z.output<typeof ZPersonMatch>;

export const ZPersonPage = z.object({
  /** The row as the roster's `get` returns it, with only the fields the caller is shown. */
  row: z.looseObject({ id: z.string() }),
  /** The fields the caller is shown, in the definition's order. */
  fields: z.array(z.string()),
  courses: z.array(ZPersonCourse),
  matches: z.array(ZPersonMatch),
  /** Newest first; null when the caller may not read this person's history. */
  history: z.array(ZHistoryEntry).nullable(),
});
export type PersonPage = z.output<typeof ZPersonPage>;
