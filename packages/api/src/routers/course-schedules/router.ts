import { router } from '../../trpc.ts';
import { applySchedule, getSchedule, previewSchedule } from './course-schedule.ts';

export const courseSchedulesRouter = router({ get: getSchedule, preview: previewSchedule, apply: applySchedule });
