import type { Overview } from '@brobygger/api/overview';

type CourseMonth = NonNullable<Overview['courses']>[number]['months'][number];
export type Tally = Omit<CourseMonth, 'month'>;

const EMPTY: Tally = { sessions: 0, present: 0, absent: 0, cancelled: 0, noShow: 0 };

export const addTallies = (a: Tally, b: Tally): Tally => ({
  sessions: a.sessions + b.sessions,
  present: a.present + b.present,
  absent: a.absent + b.absent,
  cancelled: a.cancelled + b.cancelled,
  noShow: a.noShow + b.noShow,
});

export const sumTallies = (tallies: readonly Tally[]): Tally => tallies.reduce(addTallies, EMPTY);

/**
 * Attendance and no-show rates as the attendance matrix computes them: out of present + absent +
 * no-show; a cancellation (notice given) counts for neither. Null while nothing counts.
 */
export function ratesOf(t: Tally): { attendance: number | null; noShow: number | null } {
  const counted = t.present + t.absent + t.noShow;
  return counted === 0
    ? { attendance: null, noShow: null }
    : { attendance: t.present / counted, noShow: t.noShow / counted };
}

/**
 * One tally per month of the period, for one course or (courseId null) all of them; months with
 * nothing held are empty tallies, so the chart's time axis has no gaps.
 */
export function monthlyTallies(overview: Overview, courseId: string | null): { month: string; tally: Tally }[] {
  const courses = (overview.courses ?? []).filter((c) => courseId === null || c.id === courseId);
  return overview.period.months.map((month) => ({
    month,
    tally: sumTallies(courses.flatMap((c) => c.months.filter((m) => m.month === month))),
  }));
}
