import { fail } from '../../errors.ts';
import { requirePermission, tenantProcedure } from '../../trpc.ts';
import { ZSaveWorkspaceSettingsInput, ZWorkspaceSettingsRow, type WorkspaceSettingsRow } from './schemas.ts';

const COLUMNS = `name, contact_name as "contactName", contact_email as "contactEmail",
  contact_phone as "contactPhone", cvr, ean, locale, slug, kind::text as kind, version,
  app.closed_retention_days() as "closedRetentionDays"`;

/** The workspace's own details (owners and admins): name, contact, CVR, EAN, mail language. */
export const workspaceSettings = tenantProcedure.output(ZWorkspaceSettingsRow).query(({ ctx }) => {
  requirePermission(ctx.tenant, 'workspace.manage');
  return ctx.db.tx(async (tx) => {
    const row = await tx.one<WorkspaceSettingsRow>(`select ${COLUMNS} from public.tenants where id = $1`, [
      ctx.tenant.id,
    ]);
    return row ?? fail('workspace_not_found');
  });
});

/**
 * Saves them if nobody saved since `version` was read; otherwise `stale_version`, and the form
 * shows what is stored now.
 */
export const saveWorkspaceSettings = tenantProcedure
  .input(ZSaveWorkspaceSettingsInput)
  .output(ZWorkspaceSettingsRow)
  .mutation(({ ctx, input }) => {
    requirePermission(ctx.tenant, 'workspace.manage');
    return ctx.db.tx(async (tx) => {
      const row = await tx.one<WorkspaceSettingsRow>(
        `update public.tenants
         set name = $3, contact_name = $4, contact_email = $5, contact_phone = $6, cvr = $7, ean = $8, locale = $9
         where id = $1 and version = $2
         returning ${COLUMNS}`,
        [
          ctx.tenant.id,
          input.version,
          input.name,
          input.contactName,
          input.contactEmail,
          input.contactPhone,
          input.cvr,
          input.ean,
          input.locale,
        ],
      );
      return row ?? fail('stale_version');
    });
  });
