import { z } from 'zod';

export const MEMBERSHIP_ROLES = ['owner', 'admin', 'coordinator', 'peer', 'viewer'] as const;
export type MembershipRole = (typeof MEMBERSHIP_ROLES)[number];
export const ZMembershipRole = z.enum(MEMBERSHIP_ROLES);

export const ZSlug = z.string().trim().toLowerCase().regex(/^[a-z0-9]([a-z0-9-]{0,48}[a-z0-9])?$/, 'errors.invalid_slug');
export const ZEmail = z.string().trim().toLowerCase().pipe(z.email('errors.invalid_email').max(254));
export const ZUuid = z.uuid();
export const ZVersion = z.number().int().positive();
