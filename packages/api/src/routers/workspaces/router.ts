import { router } from '../../trpc.ts';
import { closeWorkspace, reopenWorkspace } from './close-workspace.ts';
import { createRequestedWorkspace, createWorkspace, slugStatus } from './create-workspace.ts';
import { getWorkspace } from './get-workspace.ts';
import { saveWorkspaceSettings, workspaceSettings } from './workspace-settings.ts';

export const workspacesRouter = router({
  get: getWorkspace,
  create: createWorkspace,
  createRequested: createRequestedWorkspace,
  slugStatus,
  settings: workspaceSettings,
  saveSettings: saveWorkspaceSettings,
  close: closeWorkspace,
  reopen: reopenWorkspace,
});
