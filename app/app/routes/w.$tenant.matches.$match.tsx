import type { LoaderFunctionArgs } from '@remix-run/node';
import { Link, useLoaderData } from '@remix-run/react';
import { matchMeetings, type MatchRow } from '@brobygger/api/rosters';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { formatIsoDate } from '../components/grid/values.ts';
import { RosterGrid } from '../components/roster/roster-grid.tsx';
import { toRosterData } from '../components/roster/roster-data.ts';
import { load, requireCaller } from '../lib/api.server.ts';
import { ProgrammeLink } from '../components/programmes/programme-link.tsx';
import { useLocale } from '../lib/i18n.tsx';
import { titleMeta } from '../lib/meta.ts';
import { useWorkspace } from './w.$tenant.tsx';

/**
 * One match as a readable record, and its meeting log (a child roster scoped to it). The match
 * comes from the roster's list, whose lookups name its participant and volunteers: a peer may
 * not read either roster, but sees those names on their own matches.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  const parent = params.match ?? '';
  return load(async () => {
    const [listed, meetings] = await Promise.all([
      api.matches.list({ tenant }),
      api.matchMeetings.list({ tenant, parent }),
    ]);
    const match = listed.rows.find((r) => r.id === parent);
    if (!match) throw new Response('Not found', { status: 404 });
    const nameOf = (field: string, id: string | null) =>
      id ? (listed.lookups[field]?.find((o) => o.id === id)?.label ?? '') : null;
    const names = {
      participant: nameOf('participantId', match.participantId) ?? '',
      volunteer: nameOf('volunteerId', match.volunteerId),
      coVolunteer: nameOf('coVolunteerId', match.coVolunteerId),
    };
    // Named through the roster's lookups: only those who may read programmes get a name.
    const programmeName = nameOf('programmeId', (match.programmeId as string | null) ?? null);
    const programme =
      match.programmeId && programmeName ? { id: match.programmeId as string, name: programmeName } : null;
    return { match: match as MatchRow, names, meetings: toRosterData(meetings), programme };
  }, request);
}

export const meta = titleMeta('matches:matchTitle', (d: { names: { participant: string } }) => ({
  participant: d.names.participant,
}));

export default function Match() {
  const { t } = useTranslation('matches');
  const locale = useLocale();
  const workspace = useWorkspace();
  const { match, names, meetings, programme } = useLoaderData<typeof loader>();
  const date = (value: string | null) => (value ? formatIsoDate(value, locale) : '–');
  const record: [string, string][] = [
    [t('columns.volunteerId'), names.volunteer ?? '–'],
    [t('columns.coVolunteerId'), names.coVolunteer ?? '–'],
    [t('columns.status'), t(`status.${match.status}`)],
    ...(match.endReason ? [[t('columns.endReason'), t(`endReason.${match.endReason}`)] as [string, string]] : []),
    [t('columns.intakeOn'), date(match.intakeOn)],
    [t('columns.startsOn'), date(match.startsOn)],
    [t('columns.plannedEndOn'), date(match.plannedEndOn)],
    [t('columns.meetings'), String(match.meetings ?? 0)],
  ];
  return (
    <div className="page page-wide">
      <p>
        <Link to={`/w/${workspace.slug}/matches`}>{t('back')}</Link>
      </p>
      <h1>{t('matchTitle', { participant: names.participant })}</h1>
      <p className="muted">{t('detailIntro')}</p>
      {match.overdue ? (
        <p className="notice" role="status">
          {t('overdueNotice')}
        </p>
      ) : null}
      <ProgrammeLink programme={programme} />
      <dl className="record">
        {record.map(([term, value]) => (
          <div key={term}>
            <dt>{term}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <section>
        <h2 id="match-meetings-title">{t('meetingsTitle')}</h2>
        <RosterGrid
          roster={matchMeetings}
          data={meetings}
          tenant={workspace.slug}
          parent={match.id}
          labelledBy="match-meetings-title"
        />
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
