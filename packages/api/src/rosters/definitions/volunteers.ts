import { defineRoster, deriveRoster, type FieldsOf, type RowOf } from '../kit/define.ts';
import { field } from '../kit/fields.ts';

export const VOLUNTEER_STATUSES = ['applicant', 'active', 'paused', 'stopped'] as const;
export const RECRUITED_VIA = [
  'frivilligjob',
  'volunteer_centre',
  'word_of_mouth',
  'partner',
  'social_media',
  'other',
] as const;
export const PEER_EDUCATION = ['none', 'in_progress', 'completed'] as const;
export const SHORT_COURSES = [
  'first_aid',
  'conflict_handling',
  'psychosis_support',
  'suicide_prevention',
  'recovery',
] as const;

/** Volunteer peers and their life cycle: intake, agreements, record check, education. */
export const volunteersRoster = defineRoster({
  name: 'volunteers',
  table: 'public.volunteers',
  namespace: 'volunteers',
  orderBy: 't.name collate "da-DK-x-icu", t.id',
  labelField: 'name',
  importKeys: ['email', 'name'],
  listedJson: { column: 'listed_json', reader: 'app.volunteers_listed' },
  fields: {
    name: field.text({
      required: true,
      max: 200,
      pinned: true,
      width: 200,
      importAliases: ['Navn', 'Fulde navn', 'Full name'],
    }),
    email: field.email({ width: 220, importAliases: ['Mail', 'E-mail-adresse', 'Email address'] }),
    phone: field.text({ max: 40, width: 130, importAliases: ['Tlf', 'Telefonnummer', 'Mobil', 'Mobile'] }),
    status: field.option(VOLUNTEER_STATUSES, {
      required: true,
      default: 'applicant',
      sqlType: 'public.volunteer_status',
    }),
    statusChangedOn: field.date(),
    startDate: field.date({ importAliases: ['Start'] }),
    recruitedVia: field.option(RECRUITED_VIA),
    intakeOn: field.date({ width: 160 }),
    confidentialitySignedOn: field.date({ width: 190 }),
    // Only that a criminal-record check was seen, when, and that it was OK; never the certificate.
    recordCheckOn: field.date({ width: 180 }),
    recordCheckOk: field.boolean({ nullable: true }),
    meetsChildrenUnder15: field.boolean({ width: 170 }),
    peerEducation: field.option(PEER_EDUCATION, { required: true, default: 'none', sqlType: 'public.peer_education' }),
    // Dated so that a programme's goal can count completions within its period (decision 025).
    peerEducationCompletedOn: field.date({ width: 190 }),
    peerEducationProvider: field.text({ max: 120 }),
    shortCourses: field.multiOption(SHORT_COURSES),
    note: field.text({ max: 500, width: 260, importAliases: ['Bemærkning', 'Kommentar', 'Comment'] }),
  },
});

export const volunteers = deriveRoster(volunteersRoster);
export const ZVolunteerFields = volunteers.fieldsSchema;
export const ZVolunteerRow = volunteers.rowSchema;
export type VolunteerFields = FieldsOf<typeof volunteersRoster.fields>;
export type VolunteerRow = RowOf<typeof volunteersRoster.fields>;
export const NEW_VOLUNTEER: VolunteerFields = volunteers.newRow();
