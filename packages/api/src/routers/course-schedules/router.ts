import { router } from '../../trpc.ts';
import { generateSchedule, getSchedule, previewSchedule } from './course-schedule.ts';

export const courseSchedulesRouter = router({ get: getSchedule, preview: previewSchedule, generate: generateSchedule });
