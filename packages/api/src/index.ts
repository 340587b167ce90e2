export { appRouter, createCaller, type AppRouter } from './root.ts';
export type { Context, CallerSession } from './context.ts';
export { MEMBERSHIP_ROLES, TENANT_KINDS, type MembershipRole, type TenantKind } from './domain.ts';
export { ACTIONS, can, grantOf, permissionsOf, type Action, type Grant } from './permissions.ts';
export type { WorkspaceSummary } from './routers/me/schemas.ts';
export type { Workspace } from './routers/workspaces/schemas.ts';
export type { Member, PendingInvitation } from './routers/members/schemas.ts';
export type { InvitationPreview } from './routers/invitations/schemas.ts';
export type { TenantContext } from './trpc.ts';
export type { Partnership } from './routers/partnerships/schemas.ts';
export type { AccessLogEntry } from './routers/access-log/schemas.ts';
export type { PersonPage, PersonCourse, PersonMatch, HistoryEntry } from './routers/people/schemas.ts';
export { JsonTextSplicer } from './json-text.ts';
export { ERROR_CODES, httpStatusOf, httpStatusOfKey, toTRPCError, type ErrorKey } from './errors.ts';
export { rosterRepository, type RosterScope, type LookupOption } from './rosters/repository.ts';
export type { RosterAccess } from './routers/roster-procedures.ts';
export type { ExportedExpense, MonthExport } from './routers/expenses/schemas.ts';
export type { PersonExport, Retention } from './routers/privacy/schemas.ts';
export { runRetention, type RetentionResult } from './privacy/retention.ts';
export type { Offer, OfferPage, CatalogueEntry, OfferContent } from './routers/offer/schemas.ts';
export type { BillingPage } from './routers/billing/schemas.ts';
export { billingLocksWrites, entitlementOf, type Entitlement } from './billing/entitlement.ts';
export { deleteClosedWorkspaces } from './workspaces/delete-closed.ts';
export { isOperator } from './operator/console.ts';
export {
  ZCreateWorkspaceInput,
  type CreateWorkspaceInput,
  type SlugStatus,
  type WorkspaceSettingsRow,
} from './routers/workspaces/schemas.ts';
