import { z } from 'zod';
import { optionalDate, optionalEmail, optionalEnum, optionalText, requiredText, ZRowId, ZRowVersion } from './fields.ts';

export const VOLUNTEER_STATUSES = ['applicant', 'active', 'paused', 'stopped'] as const;
export const RECRUITED_VIA = ['frivilligjob', 'volunteer_centre', 'word_of_mouth', 'partner', 'social_media', 'other'] as const;
export const PEER_EDUCATION = ['none', 'in_progress', 'completed'] as const;
export const SHORT_COURSES = ['first_aid', 'conflict_handling', 'psychosis_support', 'suicide_prevention', 'recovery'] as const;

/** The editable fields of a volunteer, as the grid edits them and the server stores them. */
export const ZVolunteerFields = z.object({
  name: requiredText(200),
  email: optionalEmail,
  phone: optionalText(40),
  status: z.enum(VOLUNTEER_STATUSES, { error: 'errors:invalid_choice' }),
  statusChangedOn: optionalDate,
  startDate: optionalDate,
  recruitedVia: optionalEnum(RECRUITED_VIA),
  intakeOn: optionalDate,
  confidentialitySignedOn: optionalDate,
  // Only that a criminal-record check was seen, when, and that it was OK; never the certificate.
  recordCheckOn: optionalDate,
  recordCheckOk: z.boolean().nullable(),
  meetsChildrenUnder15: z.boolean(),
  peerEducation: z.enum(PEER_EDUCATION, { error: 'errors:invalid_choice' }),
  peerEducationProvider: optionalText(120),
  shortCourses: z.array(z.enum(SHORT_COURSES, { error: 'errors:invalid_choice' })).max(SHORT_COURSES.length),
  note: optionalText(500),
});

export const ZVolunteerRow = ZVolunteerFields.extend({ id: ZRowId, version: ZRowVersion });
export type VolunteerFields = z.infer<typeof ZVolunteerFields>;
export type VolunteerRow = z.infer<typeof ZVolunteerRow>;

export const NEW_VOLUNTEER: VolunteerFields = {
  name: '',
  email: null,
  phone: null,
  status: 'applicant',
  statusChangedOn: null,
  startDate: null,
  recruitedVia: null,
  intakeOn: null,
  confidentialitySignedOn: null,
  recordCheckOn: null,
  recordCheckOk: null,
  meetsChildrenUnder15: false,
  peerEducation: 'none',
  peerEducationProvider: null,
  shortCourses: [],
  note: null,
};
