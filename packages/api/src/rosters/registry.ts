import { matches, matchMeetings } from './definitions/matches.ts';
import { expenses, kmRates } from './definitions/expenses.ts';
import { meetingAttendees, meetings } from './definitions/meetings.ts';
import { attendance, courses, courseSessions, enrolments, facilitatorAttendance } from './definitions/courses.ts';
import { participants } from './definitions/participants.ts';
import { volunteers } from './definitions/volunteers.ts';

/**
 * Every roster of the app, by name. The API serves each one (`api.<name>.list` and `.save`) and
 * the schema test checks each against the database catalogue; adding a roster is adding it here.
 */
export const ROSTERS = {
  volunteers,
  participants,
  courses,
  courseSessions,
  enrolments,
  attendance,
  matches,
  matchMeetings,
  meetings,
  meetingAttendees,
  expenses,
  kmRates,
  facilitatorAttendance,
} as const;
export type RosterName = keyof typeof ROSTERS;
