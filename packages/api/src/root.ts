import { createCallerFactory, router } from './trpc.ts';
import { accessLogRouter } from './routers/access-log/router.ts';
import { billingRouter } from './routers/billing/router.ts';
import { courseSchedulesRouter } from './routers/course-schedules/router.ts';
import { invitationsRouter } from './routers/invitations/router.ts';
import { matchesRouters } from './routers/matches/router.ts';
import { meRouter } from './routers/me/router.ts';
import { offerRouter } from './routers/offer/router.ts';
import { operatorRouter } from './routers/operator/router.ts';
import { overviewRouter } from './routers/overview.ts';
import { membersRouter } from './routers/members/router.ts';
import { peopleRouter } from './routers/people/router.ts';
import { partnershipsRouter } from './routers/partnerships/router.ts';
import { regionDashboardRouter } from './routers/region-dashboard/router.ts';
import { programmesRouter } from './routers/programmes/router.ts';
import { privacyRouter } from './routers/privacy/router.ts';
import { preferencesRouter } from './routers/preferences/router.ts';
import { rosterRouters } from './routers/rosters/router.ts';
import { settingsRouter } from './routers/settings/router.ts';
import { workspacesRouter } from './routers/workspaces/router.ts';

export const appRouter = router({
  me: meRouter,
  workspaces: workspacesRouter,
  members: membersRouter,
  invitations: invitationsRouter,
  partnerships: partnershipsRouter,
  preferences: preferencesRouter,
  accessLog: accessLogRouter,
  courseSchedules: courseSchedulesRouter,
  people: peopleRouter,
  overview: overviewRouter,
  privacy: privacyRouter,
  programmes: programmesRouter,
  settings: settingsRouter,
  regionDashboard: regionDashboardRouter,
  offer: offerRouter,
  billing: billingRouter,
  operator: operatorRouter,
  ...rosterRouters,
  ...matchesRouters,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
