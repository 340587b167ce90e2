import { router } from '../../trpc.ts';
import { listWorkspaces } from './list-workspaces.ts';

export const meRouter = router({ workspaces: listWorkspaces });
