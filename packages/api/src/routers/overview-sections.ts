import { courseFigures, participantsReached } from './overview-courses.ts';
import { unapprovedExpenses } from './overview-expenses.ts';
import { matchFigures } from './overview-matches.ts';
import type { OverviewQuery } from './overview-section.ts';
import {
  missingConfidentiality,
  recordCheckDue,
  recordCheckRenewalMonths,
  volunteerFigures,
  waitingForIntake,
} from './overview-volunteers.ts';

/**
 * Every query of the overview, in the order the page reads them. A new area adds its query here,
 * one line, and the page shows its section as soon as the figure is present.
 */
export const OVERVIEW_QUERIES: readonly OverviewQuery[] = [
  volunteerFigures,
  participantsReached,
  courseFigures,
  missingConfidentiality,
  recordCheckDue,
  recordCheckRenewalMonths,
  waitingForIntake,
  matchFigures,
  unapprovedExpenses,
];
