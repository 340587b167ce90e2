import { z } from 'zod';

import { MEMBERSHIP_ROLES } from './roles.ts';

export { MEMBERSHIP_ROLES, type MembershipRole } from './roles.ts';
export const ZMembershipRole = z.enum(MEMBERSHIP_ROLES, { error: 'errors:invalid_role' });

export const ZSlug = z
  .string()
  .trim()
  .toLowerCase()
  .regex(/^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$/, 'errors:invalid_slug');
export const ZEmail = z.string().trim().toLowerCase().pipe(z.email('errors:invalid_email').max(254));
export const ZUuid = z.uuid();
export const ZVersion = z.number().int().positive();
