import { z } from 'zod';
import { optionalDate, optionalEnum, optionalText, requiredText, ZRowId, ZRowVersion } from './fields.ts';

export const PARTICIPANT_STATUSES = ['waiting', 'active', 'paused', 'ended'] as const;
export const REFERRED_BY = ['housing_support', 'psychiatry', 'job_centre', 'general_practitioner', 'relative', 'self', 'other'] as const;

const thisYear = () => new Date().getUTCFullYear();

/** Minimal by design: a first name or initials, never a CPR number, no health information. */
export const ZParticipantFields = z.object({
  firstName: requiredText(60),
  birthYear: z.preprocess(
    (v) => (v === '' || v === undefined ? null : v),
    z
      .number({ error: 'errors:invalid_number' })
      .int('errors:invalid_number')
      .min(1900, 'errors:invalid_birth_year')
      .refine((y) => y <= thisYear(), 'errors:invalid_birth_year')
      .nullable(),
  ),
  contact: optionalText(200),
  referredBy: optionalEnum(REFERRED_BY),
  consentOn: optionalDate,
  status: z.enum(PARTICIPANT_STATUSES, { error: 'errors:invalid_choice' }),
  note: optionalText(500),
});

export const ZParticipantRow = ZParticipantFields.extend({ id: ZRowId, version: ZRowVersion });
export type ParticipantFields = z.infer<typeof ZParticipantFields>;
export type ParticipantRow = z.infer<typeof ZParticipantRow>;

export const NEW_PARTICIPANT: ParticipantFields = {
  firstName: '',
  birthYear: null,
  contact: null,
  referredBy: null,
  consentOn: null,
  status: 'waiting',
  note: null,
};
