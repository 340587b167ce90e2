/** Constants the browser needs too; this module has no dependencies, so it stays small there. */
export const MEMBERSHIP_ROLES = ['owner', 'admin', 'coordinator', 'peer', 'viewer'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];

export const TENANT_KINDS = ['municipality', 'association', 'region'] as const;
export type TenantKind = (typeof TENANT_KINDS)[number];
