import { z } from 'zod';
import { ZEmail, ZMembershipRole, ZSlug, ZTenantKind, ZTimestamp, ZUuid, ZVersion } from '../../domain.ts';
import { ACTION_NAMES } from '../../permissions.ts';
import { LOCALES } from '@brobygger/i18n/locale';
import { compactNumber, isValidCvr, isValidEan, SLUG_PATTERN } from '../../validation/danish-ids.ts';

export const ZGrant = z.union([z.enum(['all', 'own']), z.literal(false)]);

export const WORKSPACE_STATUSES = ['active', 'closed', 'suspended'] as const;
export const ZWorkspaceStatus = z.enum(WORKSPACE_STATUSES);

/** Closed by its owner, suspended by an operator, or locked by billing (app.tenant_read_only). */
export const READ_ONLY_REASONS = ['closed', 'suspended', 'billing'] as const;

export const ZWorkspace = z.object({
  id: ZUuid,
  slug: ZSlug,
  name: z.string(),
  kind: ZTenantKind,
  role: ZMembershipRole,
  runsActivities: z.boolean(),
  /** What the caller may do here, so the UI never works it out from the role itself. */
  permissions: z.record(z.enum(ACTION_NAMES), ZGrant),
  /** Closed or suspended (or locked by billing): nothing that writes is in `permissions`. */
  readOnly: z.boolean(),
  /** Why it is read-only, for the wording people see; null while it is writable. */
  readOnlyReason: z.enum(READ_ONLY_REASONS).nullable(),
  status: ZWorkspaceStatus,
  /** When a closed workspace is deleted for good, unless its owner reopens it before. */
  deleteAfter: ZTimestamp.nullable(),
  suspendedReason: z.string().nullable(),
});

export type Workspace = z.output<typeof ZWorkspace>;

// ---- fields a person types ------------------------------------------------------------------

/** Spaces and dots typed inside a number are dropped before it is checked. */
const digits = () => z.string().trim().transform(compactNumber);
export const ZCvr = digits().refine(isValidCvr, 'errors:cvr_invalid');
export const ZEan = digits().refine(isValidEan, 'errors:ean_invalid');
/** An optional field: empty is "none". */
const orNone = <T extends z.ZodType>(schema: T) => z.union([z.literal('').transform(() => null), z.null(), schema]);

export const ZWorkspaceName = z.string().trim().min(1, 'errors:workspace_name_required').max(200);
export const ZNewSlug = z.string().trim().toLowerCase().regex(SLUG_PATTERN, 'errors:slug_malformed');
export const ZLocale = z.enum(LOCALES);

export const ZCreateWorkspaceInput = z
  .object({
    name: ZWorkspaceName,
    kind: ZTenantKind,
    slug: ZNewSlug,
    cvr: ZCvr,
    ean: orNone(ZEan).optional().default(null),
    locale: ZLocale,
  })
  .refine((w) => w.kind === 'association' || w.ean !== null, { message: 'errors:ean_required', path: ['ean'] });
export type CreateWorkspaceInput = z.input<typeof ZCreateWorkspaceInput>;

export const ZSlugStatus = z.enum(['malformed', 'taken', 'available']);
export type SlugStatus = z.output<typeof ZSlugStatus>;

// ---- settings -------------------------------------------------------------------------------

export const ZWorkspaceSettings = z.object({
  name: ZWorkspaceName,
  contactName: orNone(z.string().trim().max(200)),
  contactEmail: orNone(ZEmail.pipe(z.string().regex(/^[^@\s]+@[^@\s]+$/, 'errors:contact_email_invalid'))),
  contactPhone: orNone(
    z
      .string()
      .trim()
      .regex(/^\+?[0-9 ]{6,20}$/, 'errors:contact_phone_invalid'),
  ),
  cvr: orNone(ZCvr),
  ean: orNone(ZEan),
  locale: ZLocale,
});

export const ZWorkspaceSettingsRow = ZWorkspaceSettings.extend({
  slug: ZSlug,
  kind: ZTenantKind,
  version: ZVersion,
  /** Days between closing and deletion (app.closed_retention_days), said before closing. */
  closedRetentionDays: z.number().int().positive(),
});
export type WorkspaceSettingsRow = z.output<typeof ZWorkspaceSettingsRow>;

export const ZSaveWorkspaceSettingsInput = ZWorkspaceSettings.extend({ version: ZVersion });

export const ZCloseWorkspaceInput = z.object({ confirmSlug: z.string().trim().toLowerCase().max(60) });
