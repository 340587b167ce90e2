import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { courseSessions, enrolments, type DerivedRoster } from '@brobygger/api/rosters';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { RosterGrid } from '../components/roster/roster-grid.tsx';
import { toRosterData, type RosterData } from '../components/roster/roster-data.ts';
import { load, requireCaller } from '../lib/api.server.ts';
import { useWorkspace } from './w.$tenant.tsx';

/** One course: its sessions and its enrolled participants, two child rosters scoped to it. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  const parent = params.course ?? '';
  return load(async () => {
    const { row: course } = await api.courses.get({ tenant, id: parent });
    const [sessions, enrolled] = await Promise.all([
      api.courseSessions.list({ tenant, parent }),
      api.enrolments.list({ tenant, parent }),
    ]);
    // A peer sees the enrolments of their own courses only: no section where there is nothing to see.
    const showEnrolments = enrolled.access.edit || enrolled.rows.length > 0;
    return { course, sessions: toRosterData(sessions), enrolled: toRosterData(enrolled), showEnrolments };
  });
}

export const meta = ({ data }: { data?: { course: { name: string } } }) => [
  { title: data ? `${data.course.name} · Brobygger` : 'Brobygger' },
];

export default function Course() {
  const { t } = useTranslation('courses');
  const workspace = useWorkspace();
  const { course, sessions, enrolled, showEnrolments } = useLoaderData<typeof loader>();
  return (
    <div className="page page-wide">
      <p>
        <Link to={`/w/${workspace.slug}/courses`}>{t('back')}</Link>
      </p>
      <h1>{course.name}</h1>
      <p className="muted">{t('detailIntro')}</p>
      <p>
        <Link to="attendance" className="button-link">
          {t('attendanceLink')}
        </Link>
      </p>
      <ChildRoster title={t('sessionsTitle')} roster={courseSessions} data={sessions} parent={course.id} />
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
