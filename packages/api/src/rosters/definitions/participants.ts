import { defineRoster, deriveRoster, type FieldsOf, type RowOf } from '../kit/define.ts';
import { field } from '../kit/fields.ts';

export const PARTICIPANT_STATUSES = ['waiting', 'active', 'paused', 'ended'] as const;
export const REFERRED_BY = [
  'housing_support',
  'psychiatry',
  'job_centre',
  'general_practitioner',
  'relative',
  'self',
  'other',
] as const;

/**
 * Citizens receiving support. Minimal by design: a first name or initials, never a CPR number, no
 * health information. Viewers see a summary only (decision 015): the fields marked `shownTo:
 * 'full'` never leave the database for them, and every read is written to the access log.
 */
export const participantsRoster = defineRoster({
  name: 'participants',
  table: 'public.participants',
  namespace: 'participants',
  orderBy: 't.first_name collate "da-DK-x-icu", t.id',
  labelField: 'firstName',
  partialRead: { fullRead: 'participants.read', source: 'app.participants_for_viewers' },
  accessLogged: true,
  fields: {
    firstName: field.text({
      required: true,
      max: 60,
      pinned: true,
      width: 200,
      importAliases: ['Fornavn', 'Navn', 'Name', 'Initialer', 'Initials'],
    }),
    birthYear: field.number({
      sqlType: 'smallint',
      min: 1900,
      // The database allows up to 2100: a CHECK must not depend on the clock.
      max: () => new Date().getUTCFullYear(),
      rangeError: 'errors:invalid_birth_year',
      shownTo: 'full',
      importAliases: ['Født', 'Årgang', 'Born', 'Year of birth'],
    }),
    contact: field.text({
      max: 200,
      width: 220,
      shownTo: 'full',
      importAliases: ['Kontaktoplysninger', 'Telefon', 'Phone'],
    }),
    referredBy: field.option(REFERRED_BY),
    consentOn: field.date({ width: 150, shownTo: 'full', importAliases: ['Samtykke', 'Consent'] }),
    // What a viewer sees instead of the consent date: that consent is recorded, not when.
    consentGiven: field.computed<boolean>({ shows: 'boolean', sql: 't.consent_given', shownTo: 'partial' }),
    status: field.option(PARTICIPANT_STATUSES, {
      required: true,
      default: 'waiting',
      sqlType: 'public.participant_status',
    }),
    note: field.text({ max: 500, width: 300, shownTo: 'full', importAliases: ['Bemærkning', 'Kommentar', 'Comment'] }),
  },
});

export const participants = deriveRoster(participantsRoster);
export const ZParticipantFields = participants.fieldsSchema;
export const ZParticipantRow = participants.rowSchema;
export type ParticipantFields = FieldsOf<typeof participantsRoster.fields>;
export type ParticipantRow = RowOf<typeof participantsRoster.fields>;
export const NEW_PARTICIPANT: ParticipantFields = participants.newRow();
