import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { meetingAttendees } from '@brobygger/api/rosters';
import { formatIsoDate } from '../components/grid/values.ts';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { RosterGrid } from '../components/roster/roster-grid.tsx';
import { toRosterData } from '../components/roster/roster-data.ts';
import { load, requireCaller } from '../lib/api.server.ts';
import { useLocale } from '../lib/i18n.tsx';
import { titleMeta } from '../lib/meta.ts';
import { useWorkspace } from './w.$tenant.tsx';

/** One meeting: its minutes to read, and who attended (a child roster scoped to it). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  const parent = params.meeting ?? '';
  return load(async () => {
    const [{ row: meeting, access }, attendees] = await Promise.all([
      api.meetings.get({ tenant, id: parent }),
      api.meetingAttendees.list({ tenant, parent }),
    ]);
    return { meeting, canEdit: access.edit, attendees: toRosterData(attendees) };
  }, request);
}

export const meta = titleMeta('meetings:title');

export default function Meeting() {
  const { t } = useTranslation('meetings');
  const locale = useLocale();
  const workspace = useWorkspace();
  const { meeting, canEdit, attendees } = useLoaderData<typeof loader>();
  const titleId = 'meeting-attendees-title';
  return (
    <div className="page page-wide">
      <p>
        <Link to={`/w/${workspace.slug}/meetings`}>{t('back')}</Link>
      </p>
      <h1>{t('heading', { kind: t(`kind.${meeting.kind}`), date: formatIsoDate(meeting.heldOn ?? '', locale) })}</h1>
      {meeting.topic ? <p>{meeting.topic}</p> : null}
      <section aria-labelledby="meeting-minutes-title">
        <h2 id="meeting-minutes-title">{t('minutesTitle')}</h2>
        {meeting.minutes ? <p className="minutes">{meeting.minutes}</p> : <p className="muted">{t('noMinutes')}</p>}
        {canEdit ? <p className="muted">{t('editHint')}</p> : null}
      </section>
      <section>
        <h2 id={titleId}>{t('attendeesTitle')}</h2>
        {attendees.access.edit ? <p className="muted">{t('attendeesIntro')}</p> : null}
        <RosterGrid
          roster={meetingAttendees}
          data={attendees}
          tenant={workspace.slug}
          parent={meeting.id}
          labelledBy={titleId}
        />
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
