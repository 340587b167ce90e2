import type { TRPC_ERROR_CODE_KEY, TRPCError } from '@trpc/server';
import { getHTTPStatusCodeFromError } from '@trpc/server/http';

/**
 * The one table of errors the API answers with: the key names the text (`errors:<key>` in
 * packages/i18n/locales/{da,en}/errors.json) and the tRPC code, and tRPC's own code table gives
 * the HTTP status. The same status therefore comes back from /api/trpc, from a loader (404 and 503
 * pages) and from an action. Keys raised by SQL (`raise exception '<key>'`) must be here too; the
 * i18n catalogue test checks it.
 */
export const ERROR_CODES = {
  // Requests
  invalid_input: 'BAD_REQUEST',
  not_signed_in: 'UNAUTHORIZED',
  forbidden: 'FORBIDDEN',
  duplicate: 'CONFLICT',
  stale_version: 'CONFLICT',
  database_unavailable: 'SERVICE_UNAVAILABLE',
  // A statement ran past the request role's statement_timeout or waited past its lock_timeout.
  database_timeout: 'SERVICE_UNAVAILABLE',
  unexpected: 'INTERNAL_SERVER_ERROR',
  // Workspaces and members
  workspace_not_found: 'NOT_FOUND',
  member_not_found: 'NOT_FOUND',
  already_member: 'CONFLICT',
  last_owner: 'CONFLICT',
  last_owner_account: 'CONFLICT',
  only_owner_manages_owners: 'FORBIDDEN',
  // A workspace's lifecycle: creating, closing, read-only (decision 028)
  workspace_read_only: 'FORBIDDEN',
  slug_taken: 'CONFLICT',
  slug_malformed: 'BAD_REQUEST',
  cvr_invalid: 'BAD_REQUEST',
  ean_invalid: 'BAD_REQUEST',
  ean_required: 'BAD_REQUEST',
  workspace_limit: 'TOO_MANY_REQUESTS',
  email_not_confirmed: 'FORBIDDEN',
  close_confirmation_mismatch: 'BAD_REQUEST',
  // The operator's console answers everyone else as a page that does not exist.
  page_not_found: 'NOT_FOUND',
  // Invitations
  invitation_not_found: 'NOT_FOUND',
  invitation_used: 'CONFLICT',
  invitation_expired: 'BAD_REQUEST',
  invitation_email_mismatch: 'FORBIDDEN',
  // Rosters
  parent_not_found: 'NOT_FOUND',
  row_not_found: 'NOT_FOUND',
  lookup_not_found: 'BAD_REQUEST',
  facilitators_by_coordinators: 'FORBIDDEN',
  cpr_not_allowed: 'BAD_REQUEST',
  batch_reused: 'CONFLICT',
  // Matches
  match_same_volunteer: 'BAD_REQUEST',
  match_ends_before_start: 'BAD_REQUEST',
  match_end_reason_required: 'BAD_REQUEST',
  // Expenses
  expense_volunteer_required: 'BAD_REQUEST',
  expense_decided_by_coordinators: 'FORBIDDEN',
  // Courses: schedules and sessions
  session_has_attendance: 'CONFLICT',
  schedule_needs_end: 'BAD_REQUEST',
  schedule_ends_before_start: 'BAD_REQUEST',
  schedule_too_many_sessions: 'BAD_REQUEST',
  // Privacy: erasure and retention
  erasure_incomplete: 'CONFLICT',
  // Programmes
  programme_not_found: 'NOT_FOUND',
  programme_in_use: 'CONFLICT',
  programme_ends_before_start: 'BAD_REQUEST',
  programme_grant_over_budget: 'BAD_REQUEST',
  goal_target_order: 'BAD_REQUEST',
  programme_set_by_coordinators: 'FORBIDDEN',
  // Partnerships
  partnership_not_found: 'NOT_FOUND',
  partnership_owner_not_region: 'BAD_REQUEST',
  partnership_partner_is_region: 'BAD_REQUEST',
  partnership_exists: 'CONFLICT',
  partnership_not_proposed: 'CONFLICT',
  partnership_not_active: 'CONFLICT',
  partnership_already_ended: 'CONFLICT',
  partnership_region_only: 'FORBIDDEN',
  partnership_partner_only: 'FORBIDDEN',
  // The region's dashboard
  region_dashboard_not_allowed: 'FORBIDDEN',
  region_dashboard_bad_period: 'BAD_REQUEST',
  // Offer descriptions and the regions' catalogue
  offer_incomplete: 'BAD_REQUEST',
  catalogue_for_regions: 'FORBIDDEN',
  // Billing
  billing_off: 'PRECONDITION_FAILED',
  billing_plan_not_for_kind: 'BAD_REQUEST',
  billing_invoice_for_public_bodies: 'BAD_REQUEST',
  billing_covered_by_other: 'CONFLICT',
  billing_region_only: 'FORBIDDEN',
  billing_unavailable: 'SERVICE_UNAVAILABLE',
  billing_already_subscribed: 'CONFLICT',
  plan_limit_reached: 'FORBIDDEN',
} as const satisfies Record<string, TRPC_ERROR_CODE_KEY>;

export type ErrorKey = keyof typeof ERROR_CODES;

export const isErrorKey = (key: string): key is ErrorKey => Object.hasOwn(ERROR_CODES, key);

/** The HTTP status of an API error, from tRPC's table (the one the HTTP adapter answers with). */
export const httpStatusOf = (error: Pick<TRPCError, 'code'>): number => getHTTPStatusCodeFromError(error as TRPCError);

export const httpStatusOfKey = (key: ErrorKey): number => httpStatusOf({ code: ERROR_CODES[key] });
