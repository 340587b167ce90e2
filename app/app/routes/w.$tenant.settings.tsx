import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { can } from '@brobygger/api/permissions';
import { kmRates, type KmRateRow } from '@brobygger/api/rosters';
import { formatNumber } from '@brobygger/i18n';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { formatIsoDate } from '../components/grid/values.ts';
import { RosterGrid } from '../components/roster/roster-grid.tsx';
import { CloseSection } from '../components/settings/close-section.tsx';
import { RecordCheckSection } from '../components/settings/record-check-section.tsx';
import { WorkspaceSection } from '../components/settings/workspace-section.tsx';
import { RetentionSection } from '../components/settings/retention-section.tsx';
import { RunsActivitiesSection } from '../components/region/runs-activities-section.tsx';
import { toRosterData } from '../components/roster/roster-data.ts';
import { act, load, requireCaller, statusOf } from '../lib/api.server.ts';
import { useLocale } from '../lib/i18n.tsx';
import { titleMeta } from '../lib/meta.ts';
import { useWorkspace } from './w.$tenant.tsx';

/**
 * The workspace's settings, for owners and admins: a list of sections, each a heading, a line
 * of text and its controls: the workspace itself (name, contact, numbers, mail language), the
 * per-km rate history, how old a record check may be, how long ended people are kept, and closing.
 * A read-only workspace still shows the page (by role, not by the write grants it lacks), so that
 * its owner can reopen it.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  return load(async () => {
    const workspace = await api.workspaces.get({ tenant });
    if (!can(workspace.role, 'settings.manage')) throw new Response('errors:forbidden', { status: 403 });
    const [settings, rates, retention, recordChecks] = await Promise.all([
      api.workspaces.settings({ tenant }),
      api.kmRates.list({ tenant }),
      api.privacy.retention({ tenant }),
      api.settings.recordChecks({ tenant }),
    ]);
    return {
      settings,
      rates: toRosterData(rates),
      current: rates.rows.find((r) => r.current) ?? null,
      retention,
      recordChecks,
    };
  }, request);
}

/** The settings counted in months: how long ended people are kept (decision 024, empty keeps
 * them until someone erases them), and how old a record check may be. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const form = await request.formData();
  const tenant = params.tenant ?? '';
  const typed = String(form.get('months') ?? '').trim();
  const months = typed === '' ? null : Number(typed);
  const intent = form.get('intent');
  const text = (name: string) => String(form.get(name) ?? '');
  const result =
    intent === 'workspace'
      ? await act(
          () =>
            api.workspaces.saveSettings({
              tenant,
              version: Number(text('version')),
              name: text('name'),
              contactName: text('contactName'),
              contactEmail: text('contactEmail'),
              contactPhone: text('contactPhone'),
              cvr: text('cvr'),
              ean: text('ean'),
              locale: text('locale') as 'da',
            }),
          intent,
        )
      : intent === 'close'
        ? await act(() => api.workspaces.close({ tenant, confirmSlug: text('confirmSlug') }), intent)
        : intent === 'reopen'
          ? await act(() => api.workspaces.reopen({ tenant }), intent)
          : intent === 'retention'
            ? await act(() => api.privacy.setRetention({ tenant, months }), intent)
            : intent === 'recordChecks'
              ? await act(() => api.settings.setRecordChecks({ tenant, months: months as number }), intent)
              : intent === 'runsActivities'
                ? await act(
                    () =>
                      api.settings.setRunsActivities({ tenant, runsActivities: form.get('runsActivities') === 'on' }),
                    intent,
                  )
                : null;
  if (!result) throw new Response('errors:invalid_input', { status: 400 });
  return data(result, { status: statusOf(result) });
}

export const meta = titleMeta('settings:title');

export default function Settings() {
  const { t } = useTranslation('settings');
  const workspace = useWorkspace();
  const { settings, rates, current, retention, recordChecks } = useLoaderData<typeof loader>();
  return (
    <div className="page page-wide">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro', { workspace: workspace.name })}</p>
      <WorkspaceSection settings={settings} disabled={workspace.readOnly} />
      <section className="settings-section">
        <h2 id="km-rates-title">{t('kmRates.title')}</h2>
        <p>{t('kmRates.intro')}</p>
        <CurrentRate rate={current} />
        <RosterGrid roster={kmRates} data={rates} tenant={workspace.slug} labelledBy="km-rates-title" />
      </section>
      <fieldset className="bare" disabled={workspace.readOnly}>
        <RecordCheckSection months={recordChecks.months} />
        <RetentionSection retention={retention} />
        <RunsActivitiesSection value={workspace.runsActivities} />
      </fieldset>
      <CloseSection workspace={workspace} retentionDays={settings.closedRetentionDays} />
    </div>
  );
}

function CurrentRate({ rate }: { rate: Pick<KmRateRow, 'rate' | 'validFrom'> | null }) {
  const { t } = useTranslation('settings');
  const locale = useLocale();
  if (!rate?.rate || !rate.validFrom) return <p className="muted">{t('kmRates.none')}</p>;
  const shown = formatNumber(rate.rate, locale, { minimumFractionDigits: 2, maximumFractionDigits: 2 });
  return <p>{t('kmRates.current', { rate: shown, from: formatIsoDate(rate.validFrom, locale) })}</p>;
}

export const ErrorBoundary = GeneralErrorBoundary;
