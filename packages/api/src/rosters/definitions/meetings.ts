import { defineRoster, deriveRoster, type RowOf } from '../kit/define.ts';
import { field } from '../kit/fields.ts';

export const VOLUNTEER_MEETING_KINDS = ['monthly_meeting', 'supervision'] as const;

/**
 * Volunteer meetings: the monthly meeting and supervision, with minutes that the volunteers who
 * were absent read. Every member reads them; coordinators and up write them (the policies).
 */
export const meetingsRoster = defineRoster({
  name: 'meetings',
  table: 'public.volunteer_meetings',
  namespace: 'meetings',
  orderBy: 't.held_on desc, t.id',
  labelField: 'heldOn',
  editAction: 'meetings.edit',
  fields: {
    heldOn: field.date({ required: true, pinned: true, importAliases: ['Dato', 'Date'] }),
    kind: field.option(VOLUNTEER_MEETING_KINDS, {
      required: true,
      default: 'monthly_meeting',
      sqlType: 'public.volunteer_meeting_kind',
      width: 170,
    }),
    topic: field.text({ max: 200, width: 220, importAliases: ['Emne', 'Tema'] }),
    attendees: field.computed<number>({
      shows: 'number',
      width: 120,
      sql: '(select count(*)::int from public.volunteer_meeting_attendees a where a.tenant_id = t.tenant_id and a.meeting_id = t.id)',
    }),
    minutes: field.text({ max: 4000, width: 360, importAliases: ['Referat'] }),
  },
});

/**
 * Who attended one meeting: a child roster of volunteers, typed or pasted by name or e-mail (the
 * quickest for a coordinator with a sign-in sheet). Members who may not read the volunteers see
 * the attendees' names through the volunteer lookup.
 */
export const meetingAttendeesRoster = defineRoster({
  name: 'meetingAttendees',
  table: 'public.volunteer_meeting_attendees',
  namespace: 'meetings',
  parent: { table: 'public.volunteer_meetings', column: 'meeting_id' },
  orderBy: 't.created_at, t.id',
  labelField: 'volunteerId',
  importKeys: ['volunteerId'],
  editAction: 'meetings.edit',
  fields: {
    volunteerId: field.lookup(
      {
        directory: 'app.volunteer_lookup',
        roster: 'volunteers',
        table: 'public.volunteers',
        label: 'l.name',
        detail: 'l.email',
        where: "l.status <> 'stopped'",
      },
      { required: true, pinned: true, width: 240, importAliases: ['Frivillig', 'Navn', 'Volunteer', 'Name'] },
    ),
  },
});

export const meetings = deriveRoster(meetingsRoster);
export const meetingAttendees = deriveRoster(meetingAttendeesRoster);
export type MeetingRow = RowOf<typeof meetingsRoster.fields>;
export type MeetingAttendeeRow = RowOf<typeof meetingAttendeesRoster.fields>;
