import { router } from '../../trpc.ts';
import { getWorkspace } from './get-workspace.ts';

export const workspacesRouter = router({ get: getWorkspace });
