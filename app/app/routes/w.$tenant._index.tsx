import { redirect, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { OVERVIEW_PERIODS, ZOverviewPeriod } from '@brobygger/api/overview';
import { formatDate } from '@brobygger/i18n';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { CourseAttendance } from '../components/overview/course-attendance.tsx';
import { FigureCards } from '../components/overview/figure-cards.tsx';
import { PeriodPicker } from '../components/overview/period-picker.tsx';
import { TodoList } from '../components/overview/todo-list.tsx';
import '../components/overview/overview.css';
import { load, requireCaller } from '../lib/api.server.ts';
import { useLocale } from '../lib/i18n.tsx';
import { titleMeta } from '../lib/meta.ts';
import { useWorkspace } from './w.$tenant.tsx';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  const url = new URL(request.url);
  // A region opens on its dashboard (decision 026); one that runs activities reaches this
  // overview of its own through the navigation's ?view=own.
  const workspace = await load(() => api.workspaces.get({ tenant }), request);
  if (workspace.kind === 'region' && !(workspace.runsActivities && url.searchParams.get('view') === 'own')) {
    throw redirect(`/w/${workspace.slug}/dashboard`);
  }
  // An unknown ?period= is a stale or mistyped link, not an error: this quarter is shown instead.
  const chosen = ZOverviewPeriod.safeParse(url.searchParams.get('period'));
  const period = chosen.success ? chosen.data : 'quarter';
  const [members, partnerships, overview] = await load(
    () =>
      Promise.all([
        api.members.list({ tenant }),
        api.partnerships.list({ tenant }),
        api.overview.get({ tenant, period }),
      ]),
    request,
  );
  return { memberCount: members.members.length, partnerships, overview, periods: OVERVIEW_PERIODS };
}

export const meta = titleMeta('overview:title');

export default function Overview() {
  const { t } = useTranslation();
  const locale = useLocale();
  const workspace = useWorkspace();
  const { memberCount, partnerships, overview, periods } = useLoaderData<typeof loader>();
  return (
    <div className="page overview">
      <h1>{t('overview.welcome', { workspace: workspace.name })}</h1>
      <p className="muted">
        {t(`kinds.${workspace.kind}`)} · {t('overview.yourRole', { role: t(`roles.${workspace.role}`) })} ·{' '}
        {t('overview.members', { count: memberCount })}
      </p>
      {workspace.permissions['roster.read'] === 'all' ? null : <p>{t('overview:peerNote')}</p>}
      <PeriodPicker overview={overview} periods={periods} />
      <FigureCards overview={overview} tenant={workspace.slug} />
      <TodoList overview={overview} tenant={workspace.slug} />
      <CourseAttendance overview={overview} tenant={workspace.slug} />
      <section aria-labelledby="partners-heading" className="card">
        <h2 id="partners-heading">{workspace.kind === 'region' ? t('overview.partners') : t('overview.funders')}</h2>
        {partnerships.length === 0 ? (
          <p>{t('overview.noPartners')}</p>
        ) : (
          <ul className="plain-list">
            {partnerships.map((p) => (
              <li key={p.id}>
                <strong>{p.counterpartName}</strong> · {t(`kinds.${p.counterpartKind}`)} ·{' '}
                <span className={`badge badge-${p.status}`}>{t(`partnershipStatus.${p.status}`)}</span>
                {p.startedOn ? <> {t('overview.since', { date: formatDate(p.startedOn, locale) })}</> : null}
              </li>
            ))}
          </ul>
        )}
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
