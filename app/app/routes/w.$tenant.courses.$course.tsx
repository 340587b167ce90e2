import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { courseSessions, enrolments, type DerivedRoster } from '@brobygger/api/rosters';
import { useTranslation } from 'react-i18next';
import { SchedulePanel } from '../components/courses/schedule-panel.tsx';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { RosterGrid } from '../components/roster/roster-grid.tsx';
import { toRosterData, type RosterData } from '../components/roster/roster-data.ts';
import { act, load, requireCaller, statusOf } from '../lib/api.server.ts';
import { ProgrammeLink, programmeOf } from '../components/programmes/programme-link.tsx';
import { useWorkspace } from './w.$tenant.tsx';

/** One course: its schedule, its sessions and its enrolled participants (two child rosters scoped to it). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  const parent = params.course ?? '';
  return load(async () => {
    const { row: course } = await api.courses.get({ tenant, id: parent });
    const [sessions, enrolled, schedule] = await Promise.all([
      api.courseSessions.list({ tenant, parent }),
      api.enrolments.list({ tenant, parent }),
      api.courseSchedules.get({ tenant, course: parent }),
    ]);
    // A peer sees the enrolments of their own courses only: no section where there is nothing to see.
    const showEnrolments = enrolled.access.edit || enrolled.rows.length > 0;
    const programme = await programmeOf(api, tenant, course.programmeId as string | null);
    return {
      course,
      sessions: toRosterData(sessions),
      enrolled: toRosterData(enrolled),
      showEnrolments,
      schedule,
      programme,
    };
  }, request);
}

/** Blank number and date fields mean "not given"; anything else goes to the API's checks as typed. */
const optional = (value: FormDataEntryValue | null) => (value === null || value === '' ? null : String(value));
const numberOrText = (value: string | null) => (value === null || Number.isNaN(Number(value)) ? value : Number(value));

/** The schedule panel's two steps: preview what generating would do, then generate. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const form = await request.formData();
  const tenant = params.tenant ?? '';
  const course = params.course ?? '';
  const intent = form.get('intent') === 'generate' ? 'generate' : 'preview';
  const schedule = {
    frequency: String(form.get('frequency')),
    firstDate: String(form.get('firstDate') ?? ''),
    sessionCount: numberOrText(optional(form.get('sessionCount'))),
    until: optional(form.get('until')),
    startsAt: String(form.get('startsAt') ?? ''),
    durationMinutes: numberOrText(optional(form.get('durationMinutes'))),
  } as never;
  const version = numberOrText(optional(form.get('version'))) as never;
  const result =
    intent === 'generate'
      ? await act(() => api.courseSchedules.generate({ tenant, course, schedule, version }), intent)
      : await act(() => api.courseSchedules.preview({ tenant, course, schedule }), intent);
  return data(result, { status: statusOf(result) });
}

export const meta = ({ data }: { data?: { course: { name: string } } }) => [
  { title: data ? `${data.course.name} · Brobygger` : 'Brobygger' },
];

export default function Course() {
  const { t } = useTranslation('courses');
  const workspace = useWorkspace();
  const { course, sessions, enrolled, showEnrolments, schedule, programme } = useLoaderData<typeof loader>();
  return (
    <div className="page page-wide">
      <p>
        <Link to={`/w/${workspace.slug}/courses`}>{t('back')}</Link>
      </p>
      <h1>{course.name}</h1>
      <p className="muted">{t('detailIntro')}</p>
      <ProgrammeLink programme={programme} />
      <p>
        <Link to="attendance" className="button-link">
          {t('attendanceLink')}
        </Link>
      </p>
      <SchedulePanel schedule={schedule.schedule} canEdit={schedule.canEdit} />
      {/* A new schedule version brings new sessions: a fresh grid rather than edits on stale rows. */}
      <ChildRoster
        key={schedule.schedule?.version ?? 0}
        title={t('sessionsTitle')}
        roster={courseSessions}
        data={sessions}
        parent={course.id}
      />
      {showEnrolments ? (
        <ChildRoster title={t('enrolmentsTitle')} roster={enrolments} data={enrolled} parent={course.id} />
      ) : null}
    </div>
  );
}

/**
 * A child roster of the course under its own heading, which names the grid for screen readers.
 * The section itself stays unnamed: the grid inside is the region named by the heading, and a
 * second region of the same name would make a screen reader's landmark list say it twice.
 */
function ChildRoster({
  title,
  roster,
  data,
  parent,
}: {
  title: string;
  roster: DerivedRoster;
  data: RosterData;
  parent: string;
}) {
  const workspace = useWorkspace();
  const titleId = `${roster.definition.name}-title`;
  return (
    <section>
      <h2 id={titleId}>{title}</h2>
      <RosterGrid roster={roster} data={data} tenant={workspace.slug} parent={parent} labelledBy={titleId} />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
