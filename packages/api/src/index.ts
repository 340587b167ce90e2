export { appRouter, createCaller, type AppRouter } from './root.ts';
export type { Context, CallerSession } from './context.ts';
export { MEMBERSHIP_ROLES, type MembershipRole } from './domain.ts';
export type { WorkspaceSummary } from './routers/me/list-workspaces.ts';
export type { Member, PendingInvitation } from './routers/members/schemas.ts';
export type { InvitationPreview } from './routers/invitations/router.ts';
export type { TenantContext } from './trpc.ts';
export type { PartnershipRow } from './routers/partnerships/router.ts';
export { toTRPCError } from './errors.ts';
