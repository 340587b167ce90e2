import { defineRoster, deriveRoster, type FieldsOf, type RowOf } from '../kit/define.ts';
import { field, type LookupTarget } from '../kit/fields.ts';
import { PROGRAMME } from './courses.ts';

export const MATCH_STATUSES = ['proposed', 'active', 'paused', 'ended'] as const;
/** The matches a volunteer is busy with: what the suggestions count. */
export const CURRENT_MATCH_STATUSES = ['proposed', 'active', 'paused'] as const;
export const END_REASONS = [
  'completed',
  'participant_withdrew',
  'volunteer_stopped',
  'no_contact',
  'moved',
  'other',
] as const;
export const MEETING_KINDS = ['walk', 'activity', 'conversation', 'other'] as const;

/**
 * Every volunteer, stopped ones included: an ended match still names who it was with. Peers get
 * the names through the directory of the volunteers they may know.
 */
const VOLUNTEER: LookupTarget = {
  directory: 'app.volunteer_lookup',
  roster: 'volunteers',
  table: 'public.volunteers',
  label: 'l.name',
  detail: 'l.email',
};

/**
 * Participants by first name; the birth year tells two apart for those who read participants in
 * full. Viewers, and peers for the participants of their own matches, get first names only.
 */
const PARTICIPANT: LookupTarget = {
  directory: 'app.participant_lookup',
  roster: 'participants',
  table: 'public.participants',
  label: 'l.first_name',
  detail: 'l.birth_year::text',
};

/**
 * Companionship (følgeskab): a participant and one or two volunteer peers for about six months.
 * Coordinators and up edit; viewers read; a peer reads the matches they are on (the policy says
 * so, this roster only lists what the database returns). No free text at all (decision 019).
 */
export const matchesRoster = defineRoster({
  name: 'matches',
  table: 'public.matches',
  namespace: 'matches',
  orderBy: "(t.status = 'ended'), t.starts_on desc nulls first, t.id",
  labelField: 'participantId',
  fields: {
    participantId: field.lookup(PARTICIPANT, {
      required: true,
      pinned: true,
      width: 170,
      importAliases: ['Deltager', 'Participant', 'Fornavn'],
    }),
    volunteerId: field.lookup(VOLUNTEER, { required: true, width: 190, importAliases: ['Frivillig', 'Volunteer'] }),
    coVolunteerId: field.lookup(VOLUNTEER, { width: 190, importAliases: ['Frivillig 2', 'Volunteer 2'] }),
    status: field.option(MATCH_STATUSES, { required: true, default: 'proposed', sqlType: 'public.match_status' }),
    intakeOn: field.date({ width: 170, importAliases: ['Indledende samtale', 'Intake'] }),
    startsOn: field.date({ importAliases: ['Start', 'Startdato'] }),
    // Left empty, the database fills in six months after the start; any other date may be typed.
    plannedEndOn: field.date({ width: 160, importAliases: ['Planlagt slut', 'Planned end'] }),
    overdue: field.computed<boolean>({
      shows: 'boolean',
      sql: "(t.status = 'active' and t.planned_end_on < current_date)",
    }),
    endReason: field.option(END_REASONS, { width: 200 }),
    programmeId: field.lookup(PROGRAMME, {
      width: 220,
      editAction: 'programmes.manage',
      importAliases: ['Program', 'Programme', 'Projekt'],
    }),
    meetings: field.computed<number>({
      shows: 'number',
      sql: '(select count(*)::int from public.match_meetings m where m.tenant_id = t.tenant_id and m.match_id = t.id)',
    }),
    lastMetOn: field.computed<string>({
      shows: 'date',
      sql: '(select max(m.met_on) from public.match_meetings m where m.tenant_id = t.tenant_id and m.match_id = t.id)',
    }),
  },
});

/**
 * The meeting log of one match: a child roster, its match fixed by the URL. Peers on the match
 * log, change and remove its meetings; the per-row right mirrors the policy.
 */
export const matchMeetingsRoster = defineRoster({
  name: 'matchMeetings',
  table: 'public.match_meetings',
  namespace: 'matches',
  parent: { table: 'public.matches', column: 'match_id' },
  orderBy: 't.met_on desc, t.id',
  labelField: 'metOn',
  rowEditable: "app.can_on_match('matches.logMeeting', t.tenant_id, t.match_id)",
  parentEditable: "app.can_on_match('matches.logMeeting', p.tenant_id, p.id)",
  editAction: 'matches.logMeeting',
  fields: {
    metOn: field.date({ required: true, pinned: true, importAliases: ['Dato', 'Date'] }),
    minutes: field.number({ sqlType: 'smallint', min: 1, max: 1440, importAliases: ['Minutter', 'Varighed'] }),
    kind: field.option(MEETING_KINDS, { required: true, default: 'conversation', sqlType: 'public.meeting_kind' }),
  },
});

export const matches = deriveRoster(matchesRoster);
export const matchMeetings = deriveRoster(matchMeetingsRoster);
export type MatchRow = RowOf<typeof matchesRoster.fields>;
export type MatchFields = FieldsOf<typeof matchesRoster.fields>;
export type MatchMeetingRow = RowOf<typeof matchMeetingsRoster.fields>;
