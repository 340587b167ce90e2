import { router } from '../../trpc.ts';
import { deleteAccount, soleOwnerships } from './account-deletion.ts';
import { listWorkspaces } from './list-workspaces.ts';
import { rename } from './rename.ts';

export const meRouter = router({ workspaces: listWorkspaces, rename, soleOwnerships, deleteAccount });
