import * as rruleModule from 'rrule';

// Node loads rrule's CommonJS build (names under `default`), a bundler its ES module build.
type RRuleModule = typeof rruleModule;
const { RRule } = ((rruleModule as { default?: RRuleModule }).default ?? rruleModule) as RRuleModule;

/**
 * A course's schedule as the database keeps it (course_schedules): local Danish dates and a
 * local wall-clock time, never instants.
 */
export type Schedule = {
  frequency: 'weekly' | 'fortnightly';
  /** ISO date (YYYY-MM-DD) of the first session. */
  firstDate: string;
  /** A number of sessions, or… */
  sessionCount: number | null;
  /** …an ISO end date (inclusive). Exactly one of the two. */
  until: string | null;
  /** Local time, HH:MM. */
  startsAt: string;
  durationMinutes: number;
};

/** No schedule generates more than this: two years of weekly meetings, with room to spare. */
export const MAX_SCHEDULED_SESSIONS = 200;

const INTERVAL = { weekly: 1, fortnightly: 2 } as const;

const toRuleDate = (iso: string) => new Date(`${iso}T00:00:00Z`);
const toIso = (date: Date) => date.toISOString().slice(0, 10);

/**
 * The session dates of a schedule, computed by rrule (RFC 5545). The rule runs on "floating"
 * dates (rrule's UTC dates read as local calendar dates, as its documentation recommends), so
 * daylight saving never moves a date; the time is the schedule's local time on every date, and
 * Postgres turns date + time into an instant in Europe/Copenhagen only when one is needed.
 * Returns at most MAX_SCHEDULED_SESSIONS + 1 dates, so a caller can tell "too many".
 */
export function scheduleDates(
  schedule: Pick<Schedule, 'frequency' | 'firstDate' | 'sessionCount' | 'until'>,
): string[] {
  const rule = new RRule({
    freq: RRule.WEEKLY,
    interval: INTERVAL[schedule.frequency],
    dtstart: toRuleDate(schedule.firstDate),
    ...(schedule.sessionCount !== null
      ? { count: Math.min(schedule.sessionCount, MAX_SCHEDULED_SESSIONS + 1) }
      : { until: toRuleDate(schedule.until ?? schedule.firstDate) }),
  });
  return rule.all((_date, i) => i <= MAX_SCHEDULED_SESSIONS).map(toIso);
}
