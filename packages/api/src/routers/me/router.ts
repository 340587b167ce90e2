import { router } from '../../trpc.ts';
import { listWorkspaces } from './list-workspaces.ts';
import { rename } from './rename.ts';

export const meRouter = router({ workspaces: listWorkspaces, rename });
