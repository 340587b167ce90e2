import type { Tx } from '@brobygger/db';
import { translate, type Locale } from '@brobygger/i18n';
import type { FieldDef } from '../rosters/kit/fields.ts';
import { ROSTERS } from '../rosters/registry.ts';
import { rosterRepository } from '../rosters/repository.ts';
import type { PersonExport } from '../routers/privacy/schemas.ts';
import type { PersonKind } from './erase.ts';

type Json = Record<string, unknown>;

/** Named sections of the file, per kind, in the order they appear. */
const SECTIONS = {
  participant: ['person', 'enrolments', 'attendance', 'matches', 'changeHistory', 'accessLog'],
  volunteer: [
    'person',
    'facilitatedCourses',
    'facilitatorPresence',
    'matches',
    'meetingsAttended',
    'expenses',
    'changeHistory',
    'accessLog',
  ],
} as const satisfies Record<PersonKind, readonly string[]>;

/** A match's logged meetings, inside the match's item (alias `x`). */
const MEETINGS = `coalesce((select jsonb_agg(jsonb_build_object('metOn', mm.met_on, 'minutes', mm.minutes, 'kind', mm.kind) order by mm.met_on)
  from public.match_meetings mm where mm.tenant_id = x.tenant_id and mm.match_id = x.id), '[]'::jsonb)`;

/**
 * The sections besides the person's row, as SQL returning one jsonb array each, over `$1`
 * (workspace) and `$2` (the person). Each also returns the ids of its rows (`rowIds`) so that the
 * change history can cover them. Run as the caller: row-level security decides what is read.
 */
const SECTION_SQL: Record<PersonKind, Record<string, string>> = {
  participant: {
    enrolments: `
      select e.id, jsonb_build_object('course', c.name, 'startedOn', e.started_on, 'endedOn', e.ended_on,
               'status', e.status, 'dropOutReason', e.drop_out_reason) as item
      from public.enrolments e join public.courses c on c.tenant_id = e.tenant_id and c.id = e.course_id
      where e.tenant_id = $1 and e.participant_id = $2 order by e.started_on nulls last, c.name`,
    attendance: `
      select a.id, jsonb_build_object('course', c.name, 'sessionDate', s.held_on, 'status', a.status) as item
      from public.attendance a
      join public.courses c on c.tenant_id = a.tenant_id and c.id = a.course_id
      join public.course_sessions s on s.tenant_id = a.tenant_id and s.id = a.session_id
      where a.tenant_id = $1 and a.participant_id = $2 order by s.held_on, c.name`,
    matches: `
      select x.id, jsonb_build_object('intakeOn', x.intake_on, 'startsOn', x.starts_on, 'plannedEndOn', x.planned_end_on,
               'status', x.status, 'endReason', x.end_reason, 'meetings', ${MEETINGS}) as item
      from public.matches x where x.tenant_id = $1 and x.participant_id = $2 order by x.starts_on nulls last`,
  },
  volunteer: {
    facilitatedCourses: `
      select c.id, jsonb_build_object('course', c.name,
               'role', case when c.facilitator_id = $2 then 'facilitator' else 'coFacilitator' end,
               'startsOn', c.starts_on, 'endsOn', c.ends_on) as item
      from public.courses c where c.tenant_id = $1 and $2 in (c.facilitator_id, c.co_facilitator_id)
      order by c.starts_on nulls last, c.name`,
    facilitatorPresence: `
      select f.id, jsonb_build_object('course', c.name, 'sessionDate', s.held_on, 'status', f.status) as item
      from public.facilitator_attendance f
      join public.courses c on c.tenant_id = f.tenant_id and c.id = f.course_id
      join public.course_sessions s on s.tenant_id = f.tenant_id and s.id = f.session_id
      where f.tenant_id = $1 and f.volunteer_id = $2 order by s.held_on, c.name`,
    matches: `
      select x.id, jsonb_build_object('role', case when x.volunteer_id = $2 then 'volunteer' else 'coVolunteer' end,
               'intakeOn', x.intake_on, 'startsOn', x.starts_on, 'plannedEndOn', x.planned_end_on,
               'status', x.status, 'endReason', x.end_reason, 'meetings', ${MEETINGS}) as item
      from public.matches x where x.tenant_id = $1 and $2 in (x.volunteer_id, x.co_volunteer_id)
      order by x.starts_on nulls last`,
    meetingsAttended: `
      select a.id, jsonb_build_object('kind', m.kind, 'heldOn', m.held_on, 'topic', m.topic) as item
      from public.volunteer_meeting_attendees a
      join public.volunteer_meetings m on m.tenant_id = a.tenant_id and m.id = a.meeting_id
      where a.tenant_id = $1 and a.volunteer_id = $2 order by m.held_on`,
    expenses: `
      select x.id, jsonb_build_object('spentOn', x.spent_on, 'kind', x.kind, 'km', x.km, 'amount', x.amount,
               'purpose', x.purpose, 'status', x.status, 'decidedAt', x.decided_at) as item
      from public.expenses x where x.tenant_id = $1 and x.volunteer_id = $2 order by x.spent_on`,
  },
};

const repositories = {
  participant: rosterRepository<{ id: string; version: number | null }>(ROSTERS.participants),
  volunteer: rosterRepository<{ id: string; version: number | null }>(ROSTERS.volunteers),
};
const ROSTER_OF = { participant: ROSTERS.participants, volunteer: ROSTERS.volunteers };

/**
 * Everything the workspace holds about one person, as one JSON document for them to take away
 * (GDPR art. 20): their row, every row that names them, the change history of those rows and,
 * for a participant, who read their record. Field and section names are the API's (stable for
 * machines); `labels` says what each means in the workspace's language. Undefined when the
 * person is not there for the caller.
 */
export async function exportPerson(
  tx: Tx,
  tenantId: string,
  kind: PersonKind,
  id: string,
): Promise<PersonExport | undefined> {
  const [person] = await repositories[kind].byIds(tx, { tenantId }, [id], 'full');
  if (!person) return undefined;
  const workspace = (await tx.one<{ name: string; locale: Locale }>(
    'select name, locale from public.tenants where id = $1',
    [tenantId],
  ))!;

  const sections: Record<string, unknown[]> = {};
  const rowIds: string[] = [id];
  for (const [name, sql] of Object.entries(SECTION_SQL[kind])) {
    const rows = await tx.query<{ id: string; item: Json }>(sql, [tenantId, id]);
    sections[name] = rows.map((r) => r.item);
    rowIds.push(...rows.map((r) => r.id));
  }
  const meetings = await tx.query<{ id: string }>(
    `select mm.id from public.match_meetings mm join public.matches x on x.tenant_id = mm.tenant_id and x.id = mm.match_id
     where x.tenant_id = $1 and $2 in (x.participant_id, x.volunteer_id, x.co_volunteer_id)`,
    [tenantId, id],
  );
  rowIds.push(...meetings.map((m) => m.id));

  const changeHistory = await tx.query<Json>(
    `select a.table_name as "table", a.action, a.changed_at as "changedAt",
            coalesce(m.display_name, m.email) as "changedBy", a.changes
     from public.audit_log a
     left join public.memberships m on m.tenant_id = a.tenant_id and m.user_id = a.changed_by
     where a.tenant_id = $1 and a.row_id = any($2::uuid[])
     order by a.changed_at, a.id`,
    [tenantId, rowIds],
  );
  const accessLog =
    kind === 'participant'
      ? await tx.query<Json>(
          `select l.read_at as "readAt", l.procedure, l.reader from app.person_access_log($1, $2) l`,
          [tenantId, id],
        )
      : [];

  return {
    format: 'brobygger.person-export' as const,
    formatVersion: 1 as const,
    kind,
    exportedAt: new Date().toISOString(),
    workspace: workspace.name,
    language: workspace.locale,
    labels: labelsFor(kind, workspace.locale),
    person,
    ...sections,
    changeHistory,
    accessLog,
  };
}

/** What each section and each of the person's fields is called, in the workspace's language. */
function labelsFor(kind: PersonKind, locale: Locale) {
  const t = translate(locale);
  const roster = ROSTER_OF[kind];
  const namespace = roster.definition.namespace;
  const fields = Object.entries(roster.definition.fields as Record<string, FieldDef>)
    .filter(([, f]) => !f.computed)
    .map(([name]) => [name, t(`${namespace}:columns.${name}`)]);
  return {
    sections: Object.fromEntries(SECTIONS[kind].map((s) => [s, t(`people:export.sections.${s}`)])),
    fields: Object.fromEntries(fields),
  };
}
