import { z } from 'zod';

import { MEMBERSHIP_ROLES, TENANT_KINDS } from './roles.ts';

export { MEMBERSHIP_ROLES, TENANT_KINDS, type MembershipRole, type TenantKind } from './roles.ts';
export const ZMembershipRole = z.enum(MEMBERSHIP_ROLES, { error: 'errors:invalid_role' });
export const ZTenantKind = z.enum(TENANT_KINDS);

export const ZSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$/, 'errors:invalid_slug');
export const ZEmail = z.string().trim().toLowerCase().pipe(z.email('errors:invalid_email').max(254));
export const ZUuid = z.uuid();
export const ZVersion = z.number().int().positive();

/** A point in time as the API sends it: ISO 8601 in UTC, the same over HTTP and from the server caller. */
export const ZTimestamp = z.date().transform((d) => d.toISOString());
/** A calendar date (SQL `date`, which the pool keeps as 'YYYY-MM-DD'). */
export const ZIsoDate = z.iso.date();
