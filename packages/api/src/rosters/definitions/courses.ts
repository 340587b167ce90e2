import { defineRoster, deriveRoster, type RowOf } from '../kit/define.ts';
import { field, type LookupTarget } from '../kit/fields.ts';

export const COURSE_KINDS = ['group_course', 'recovery_cafe', 'training_team', 'youth_cafe', 'other'] as const;
export const SESSION_STATUSES = ['planned', 'held', 'cancelled'] as const;
export const ENROLMENT_STATUSES = ['enrolled', 'completed', 'dropped_out'] as const;
export const DROP_OUT_REASONS = ['moved', 'illness', 'work_or_education', 'not_a_fit', 'no_contact', 'other'] as const;
export const ATTENDANCE_STATUSES = ['present', 'absent', 'cancelled', 'no_show'] as const;
export const FACILITATOR_ATTENDANCE_STATUSES = ['present', 'absent'] as const;

/** Volunteers who can facilitate: everyone not stopped, found by name or e-mail. */
const FACILITATOR: LookupTarget = {
  directory: 'app.volunteer_lookup',
  roster: 'volunteers',
  table: 'public.volunteers',
  label: 'l.name',
  detail: 'l.email',
  where: "l.status <> 'stopped'",
};
/**
 * Participants by first name; the birth year tells two Annas apart for those who may read
 * participants in full. Viewers get the first names through the directory (decision 015).
 */
const PARTICIPANT: LookupTarget = {
  directory: 'app.participant_lookup',
  roster: 'participants',
  table: 'public.participants',
  label: 'l.first_name',
  detail: 'l.birth_year::text',
};

/**
 * The programme a course or match belongs to (decision 025). Only those who manage programmes
 * change it; peers and viewers see it read-only, and peers get no names (they cannot read
 * programmes).
 */
export const PROGRAMME: LookupTarget = { roster: 'programmes', table: 'public.programmes', label: 'l.name' };

/** Share of held sessions attended, in per cent: present / (present + absent + no-show). */
export const attendanceRateSql = (where: string) =>
  `(select round(100.0 * count(*) filter (where a.status = 'present')
     / nullif(count(*) filter (where a.status in ('present', 'absent', 'no_show')), 0))::int
    from public.attendance a where ${where})`;

/**
 * Group courses, cafés and training teams. Peers see and may change only the courses they
 * facilitate (decision 018): the per-row edit right below mirrors the policy.
 */
export const coursesRoster = defineRoster({
  name: 'courses',
  table: 'public.courses',
  namespace: 'courses',
  orderBy: 't.starts_on desc nulls last, t.name collate "da-DK-x-icu", t.id',
  labelField: 'name',
  importKeys: ['name'],
  rowEditable: "app.can_on_course('courses.edit', t.tenant_id, t.id)",
  editAction: 'courses.edit',
  fields: {
    name: field.text({
      required: true,
      max: 200,
      pinned: true,
      width: 220,
      importAliases: ['Navn', 'Hold', 'Forløb', 'Course'],
    }),
    kind: field.option(COURSE_KINDS, { required: true, default: 'group_course', sqlType: 'public.course_kind' }),
    facilitatorId: field.lookup(FACILITATOR, { width: 170, importAliases: ['Facilitator', 'Peer 1', 'Tovholder'] }),
    coFacilitatorId: field.lookup(FACILITATOR, { width: 170, importAliases: ['Peer 2', 'Medfacilitator'] }),
    startsOn: field.date({ importAliases: ['Start', 'Startdato'] }),
    endsOn: field.date({ importAliases: ['Slut', 'Slutdato', 'End'] }),
    // What a coordinator checks first, next to the course rather than at the far right.
    sessionsHeld: field.computed<number>({
      shows: 'number',
      sql: "(select count(*)::int from public.course_sessions s where s.tenant_id = t.tenant_id and s.course_id = t.id and s.status = 'held')",
    }),
    enrolled: field.computed<number>({
      shows: 'number',
      sql: "(select count(*)::int from public.enrolments e where e.tenant_id = t.tenant_id and e.course_id = t.id and e.status = 'enrolled')",
    }),
    attendanceRate: field.computed<number>({
      shows: 'number',
      sql: attendanceRateSql('a.tenant_id = t.tenant_id and a.course_id = t.id'),
    }),
    programmeId: field.lookup(PROGRAMME, {
      width: 220,
      editAction: 'programmes.manage',
      importAliases: ['Program', 'Programme', 'Projekt'],
    }),
    location: field.text({ max: 200, width: 180, importAliases: ['Sted', 'Adresse', 'Place'] }),
    partnerOrganisation: field.text({ max: 200, width: 200, importAliases: ['Partner', 'Samarbejdspartner'] }),
    capacity: field.number({ sqlType: 'smallint', min: 1, max: 500, importAliases: ['Pladser', 'Places'] }),
    minAge: field.number({ sqlType: 'smallint', min: 0, max: 120 }),
    maxAge: field.number({ sqlType: 'smallint', min: 0, max: 120 }),
    note: field.text({ max: 500, width: 240 }),
  },
});

/** The meetings of one course: a child roster, its course fixed by the URL. */
export const courseSessionsRoster = defineRoster({
  name: 'courseSessions',
  table: 'public.course_sessions',
  namespace: 'courses',
  parent: { table: 'public.courses', column: 'course_id' },
  orderBy: 't.held_on, t.starts_at nulls first, t.id',
  labelField: 'heldOn',
  rowEditable: "app.can_on_course('courses.edit', t.tenant_id, t.course_id)",
  editAction: 'courses.edit',
  fields: {
    heldOn: field.date({ required: true, pinned: true, importAliases: ['Dato', 'Date'] }),
    startsAt: field.time({ width: 100, importAliases: ['Tid', 'Kl.', 'Time'] }),
    durationMinutes: field.number({
      sqlType: 'smallint',
      min: 1,
      max: 1440,
      importAliases: ['Varighed', 'Minutter', 'Duration'],
    }),
    status: field.option(SESSION_STATUSES, { required: true, default: 'planned', sqlType: 'public.session_status' }),
    note: field.text({ max: 500, width: 260 }),
    present: field.computed<number>({
      shows: 'number',
      sql: "(select count(*)::int from public.attendance a where a.tenant_id = t.tenant_id and a.session_id = t.id and a.status = 'present')",
    }),
  },
});

/** Participants on one course, from a start to an end (completed, or dropped out with a reason). */
export const enrolmentsRoster = defineRoster({
  name: 'enrolments',
  table: 'public.enrolments',
  namespace: 'courses',
  parent: { table: 'public.courses', column: 'course_id' },
  orderBy: 't.started_on nulls last, t.id',
  labelField: 'participantId',
  importKeys: ['participantId'],
  fields: {
    participantId: field.lookup(PARTICIPANT, {
      required: true,
      pinned: true,
      width: 200,
      importAliases: ['Deltager', 'Participant', 'Fornavn'],
    }),
    startedOn: field.date({ importAliases: ['Start'] }),
    endedOn: field.date({ importAliases: ['Slut', 'End'] }),
    status: field.option(ENROLMENT_STATUSES, {
      required: true,
      default: 'enrolled',
      sqlType: 'public.enrolment_status',
    }),
    dropOutReason: field.option(DROP_OUT_REASONS, { width: 190 }),
    attendanceRate: field.computed<number>({
      shows: 'number',
      sql: attendanceRateSql(
        'a.tenant_id = t.tenant_id and a.course_id = t.course_id and a.participant_id = t.participant_id',
      ),
    }),
  },
});

/**
 * Who came to which session: one row per participant and session, edited as a matrix
 * (participants x sessions) and saved through the same version-checked batch as every roster.
 */
export const attendanceRoster = defineRoster({
  name: 'attendance',
  table: 'public.attendance',
  namespace: 'courses',
  parent: { table: 'public.courses', column: 'course_id' },
  orderBy: 't.session_id, t.participant_id',
  labelField: 'participantId',
  // The whole-workspace grant first: computed once per statement, so a coordinator's 10,000-cell
  // save does not call app.can_on_course per row (migration 20261127130100).
  rowEditable:
    "(t.tenant_id = any (array(select app.tenants_where('attendance.record'))) or app.can_on_course('attendance.record', t.tenant_id, t.course_id))",
  editAction: 'attendance.record',
  naturalKey: ['sessionId', 'participantId'],
  fields: {
    participantId: field.lookup(PARTICIPANT, { required: true }),
    sessionId: field.lookup(
      { roster: 'courseSessions', table: 'public.course_sessions', label: "to_char(l.held_on, 'DD-MM-YYYY')" },
      { required: true },
    ),
    status: field.option(ATTENDANCE_STATUSES, { required: true, sqlType: 'public.attendance_status' }),
  },
});

/** Whether each facilitating volunteer was at a session: a second, small matrix beside attendance. */
export const facilitatorAttendanceRoster = defineRoster({
  name: 'facilitatorAttendance',
  table: 'public.facilitator_attendance',
  namespace: 'courses',
  parent: { table: 'public.courses', column: 'course_id' },
  orderBy: 't.session_id, t.volunteer_id',
  labelField: 'volunteerId',
  rowEditable: "app.can_on_course('attendance.record', t.tenant_id, t.course_id)",
  editAction: 'attendance.record',
  naturalKey: ['sessionId', 'volunteerId'],
  fields: {
    volunteerId: field.lookup(FACILITATOR, { required: true }),
    sessionId: field.lookup(
      { roster: 'courseSessions', table: 'public.course_sessions', label: "to_char(l.held_on, 'DD-MM-YYYY')" },
      { required: true },
    ),
    status: field.option(FACILITATOR_ATTENDANCE_STATUSES, { required: true }),
  },
});

export const courses = deriveRoster(coursesRoster);
export const courseSessions = deriveRoster(courseSessionsRoster);
export const enrolments = deriveRoster(enrolmentsRoster);
export const attendance = deriveRoster(attendanceRoster);
export const facilitatorAttendance = deriveRoster(facilitatorAttendanceRoster);
export type CourseRow = RowOf<typeof coursesRoster.fields>;
export type CourseSessionRow = RowOf<typeof courseSessionsRoster.fields>;
export type EnrolmentRow = RowOf<typeof enrolmentsRoster.fields>;
export type AttendanceRow = RowOf<typeof attendanceRoster.fields>;
export type FacilitatorAttendanceRow = RowOf<typeof facilitatorAttendanceRoster.fields>;
