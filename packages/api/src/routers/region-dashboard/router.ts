import { router } from '../../trpc.ts';
import { getRegionDashboard } from './get-region-dashboard.ts';

export const regionDashboardRouter = router({ get: getRegionDashboard });
