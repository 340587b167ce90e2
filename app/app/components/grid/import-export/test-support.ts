import { PARTICIPANT_STATUSES, PEER_EDUCATION, REFERRED_BY, SHORT_COURSES, VOLUNTEER_STATUSES } from '@brobygger/api/rosters';
import { translate } from '@brobygger/i18n';
import type { ImportContext, Column } from './mapping.ts';

/**
 * Column configs as the roster pages declare them, for the tests of this folder: the pages
 * themselves are route modules and too heavy to import in a unit test.
 */
export const volunteerColumns: Column[] = [
  { field: 'name', header: 'volunteers:columns.name', type: 'text' },
  { field: 'email', header: 'volunteers:columns.email', type: 'text' },
  { field: 'phone', header: 'volunteers:columns.phone', type: 'text' },
  { field: 'status', header: 'volunteers:columns.status', type: 'select', options: VOLUNTEER_STATUSES, optionLabels: 'volunteers:status' },
  { field: 'startDate', header: 'volunteers:columns.startDate', type: 'date' },
  { field: 'recordCheckOk', header: 'volunteers:columns.recordCheckOk', type: 'checkbox', nullable: true },
  { field: 'meetsChildrenUnder15', header: 'volunteers:columns.meetsChildrenUnder15', type: 'checkbox' },
  { field: 'peerEducation', header: 'volunteers:columns.peerEducation', type: 'select', options: PEER_EDUCATION, optionLabels: 'volunteers:peerEducation' },
  { field: 'shortCourses', header: 'volunteers:columns.shortCourses', type: 'multiselect', options: SHORT_COURSES, optionLabels: 'volunteers:shortCourses' },
  { field: 'note', header: 'volunteers:columns.note', type: 'text' },
];

export const participantColumns: Column[] = [
  { field: 'firstName', header: 'participants:columns.firstName', type: 'text' },
  { field: 'birthYear', header: 'participants:columns.birthYear', type: 'number' },
  { field: 'referredBy', header: 'participants:columns.referredBy', type: 'select', options: REFERRED_BY, optionLabels: 'participants:referredBy', nullable: true },
  { field: 'consentOn', header: 'participants:columns.consentOn', type: 'date' },
  { field: 'status', header: 'participants:columns.status', type: 'select', options: PARTICIPANT_STATUSES, optionLabels: 'participants:status' },
];

export const importContext = (locale: 'da' | 'en' = 'da'): ImportContext => ({ locale, t: { da: translate('da'), en: translate('en') } });

/** Predictable ids for new rows, so tests can name them. */
export function sequentialIds(prefix = '00000000-0000-4000-8000-'): () => string {
  let n = 0;
  return () => `${prefix}${String(++n).padStart(12, '0')}`;
}
