import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { PROGRAMME_METRICS, REPORT_LANGUAGES, formatDkk, type ReportLanguage } from '@brobygger/api/programmes';
import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { Field, FormMessage } from '../components/form.tsx';
import { formatIsoDate } from '../components/grid/values.ts';
import { parseTarget, programmeFieldsOf } from '../components/programmes/form-values.ts';
import { GoalProgress } from '../components/programmes/goal-progress.tsx';
import { ProgrammeFieldset } from '../components/programmes/programme-fieldset.tsx';
import { QuarterTable } from '../components/programmes/quarter-table.tsx';
import { reportParams } from '../components/programmes/report-params.ts';
import { act, load, requireCaller, statusOf, type ActionResult } from '../lib/api.server.ts';
import { useLocale } from '../lib/i18n.tsx';
import { titleMeta } from '../lib/meta.ts';
import { useWorkspace } from './w.$tenant.tsx';

/**
 * One programme: its details, partners, goals with live progress, the courses and matches that
 * belong to it, and the funder report for a chosen period and language (`?from&to&lang`).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  const id = params.id ?? '';
  const url = new URL(request.url);
  return load(async () => {
    const [programme, regions] = await Promise.all([
      api.programmes.get({ tenant, id }),
      api.programmes.fundingRegions({ tenant }),
    ]);
    const asked = reportParams(url.searchParams, context.services.localeOf(request));
    const report = await api.programmes.report({ tenant, id, ...asked });
    return { programme, regions, report };
  }, request);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  const id = params.id ?? '';
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const field = (name: string) => String(form.get(name) ?? '').trim();
  const version = Number(field('version')) || 0;
  let result: ActionResult;
  switch (intent) {
    case 'update':
      result = await act(() => api.programmes.update({ tenant, id, version, ...programmeFieldsOf(form) }), intent);
      break;
    case 'delete':
      result = await act(() => api.programmes.delete({ tenant, id }), intent);
      if (result.ok) return redirect(`/w/${tenant}/programmes`);
      break;
    case 'addPartner':
      result = await act(() => api.programmes.addPartner({ tenant, programmeId: id, name: field('name') }), intent);
      break;
    case 'deletePartner':
      result = await act(() => api.programmes.deletePartner({ tenant, partnerId: field('partnerId') }), intent);
      break;
    case 'addGoal': {
      const target = parseTarget(field('target'));
      if (!target) {
        result = {
          ok: false,
          status: 400,
          error: 'errors:invalid_input',
          fieldErrors: { target: ['programmes:goals.targetInvalid'] },
          intent,
        };
        break;
      }
      result = await act(
        () =>
          api.programmes.saveGoal({
            tenant,
            programmeId: id,
            metric: field('metric') as never,
            ...target,
            dueOn: field('dueOn'),
            label: field('label') || null,
          }),
        intent,
      );
      break;
    }
    case 'deleteGoal':
      result = await act(() => api.programmes.deleteGoal({ tenant, goalId: field('goalId') }), intent);
      break;
    case 'narrative':
      result = await act(
        () =>
          api.programmes.saveNarrative({
            tenant,
            id,
            from: field('from'),
            to: field('to'),
            language: field('language') as ReportLanguage,
            text: String(form.get('narrative') ?? ''),
            version: field('version') === '' ? null : Number(field('version')),
          }),
        intent,
      );
      break;
    default:
      throw new Response('errors:invalid_input', { status: 400 });
  }
  return data(result, { status: statusOf(result) });
}

export const meta = titleMeta('programmes:title');

export default function Programme() {
  const { t } = useTranslation('programmes');
  const locale = useLocale();
  const workspace = useWorkspace();
  const { programme, regions, report } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const manages = workspace.permissions['programmes.manage'] === 'all';
  const outcome = (intent: string) => (result?.intent === intent ? result : undefined);
  const failed = (intent: string) => {
    const r = outcome(intent);
    return r && !r.ok ? r : undefined;
  };
  const date = (value: string) => formatIsoDate(value, locale);
  const base = `/w/${workspace.slug}`;
  return (
    <div className="page page-wide programme-page">
      <p>
        <Link to={`${base}/programmes`}>{t('back')}</Link>
      </p>
      <h1>{programme.name}</h1>
      <dl className="record">
        <div>
          <dt>{t('columns.funder')}</dt>
          <dd>
            {programme.funderName ?? programme.funderWorkspaceName ?? '–'} ({t(`funderKind.${programme.funderKind}`)})
          </dd>
        </div>
        <div>
          <dt>{t('columns.period')}</dt>
          <dd>{t('period', { from: date(programme.startsOn), to: date(programme.endsOn) })}</dd>
        </div>
        <div>
          <dt>{t('columns.grant')}</dt>
          <dd>{programme.grantAmount == null ? '–' : formatDkk(programme.grantAmount, locale)}</dd>
        </div>
        <div>
          <dt>{t('columns.budget')}</dt>
          <dd>{programme.totalBudget == null ? '–' : formatDkk(programme.totalBudget, locale)}</dd>
        </div>
      </dl>

      <section aria-labelledby="goals-title">
        <h2 id="goals-title">{t('goals.title')}</h2>
        {programme.goals.length === 0 ? (
          <p>{t('goals.none')}</p>
        ) : (
          <div className="table-scroll">
            <table className="table">
              <thead>
                <tr>
                  <th scope="col">{t('goals.metric')}</th>
                  <th scope="col">{t('goals.dueOn')}</th>
                  <th scope="col">{t('goals.progress')}</th>
                  {manages ? <td /> : null}
                </tr>
              </thead>
              <tbody>
                {programme.goals.map((g) => (
                  <tr key={g.id}>
                    <td>
                      {t(`metric.${g.metric}`)}
                      {g.label ? (
                        <>
                          <br />
                          <span className="muted">{g.label}</span>
                        </>
                      ) : null}
                    </td>
                    <td>{date(g.dueOn)}</td>
                    <td>
                      <GoalProgress metric={g.metric} value={g.value} targetMin={g.targetMin} targetMax={g.targetMax} />
                    </td>
                    {manages ? (
                      <td>
                        <Form method="post">
                          <input type="hidden" name="intent" value="deleteGoal" />
                          <input type="hidden" name="goalId" value={g.id} />
                          <button
                            type="submit"
                            className="link-button"
                            aria-label={t('goals.removeNamed', { metric: t(`metric.${g.metric}`) })}
                          >
                            {t('goals.remove')}
                          </button>
                        </Form>
                      </td>
                    ) : null}
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
        {manages ? <AddGoal errors={failed('addGoal')?.fieldErrors} error={failed('addGoal')?.error} /> : null}
      </section>

      <section aria-labelledby="partners-title">
        <h2 id="partners-title">{t('partners.title')}</h2>
        {programme.partners.length === 0 ? <p>{t('partners.none')}</p> : null}
        <ul className="plain-list partner-list">
          {programme.partners.map((p) => (
            <li key={p.id}>
              {p.name}{' '}
              {manages ? (
                <Form method="post" className="inline">
                  <input type="hidden" name="intent" value="deletePartner" />
                  <input type="hidden" name="partnerId" value={p.id} />
                  <button
                    type="submit"
                    className="link-button"
                    aria-label={t('partners.removeNamed', { name: p.name })}
                  >
                    ×
                  </button>
                </Form>
              ) : null}
            </li>
          ))}
        </ul>
        {manages ? (
          <Form method="post" className="inline-form">
            <input type="hidden" name="intent" value="addPartner" />
            <Field label={t('partners.name')} name="name" required errors={failed('addPartner')?.fieldErrors?.name} />
            <button type="submit" disabled={busy}>
              {t('partners.add')}
            </button>
          </Form>
        ) : null}
      </section>

      <section aria-labelledby="linked-title">
        <h2 id="linked-title">{t('linked.title')}</h2>
        {programme.linked.length === 0 ? <p>{t('linked.none')}</p> : null}
        <ul>
          {programme.linked.map((l) => (
            <li key={l.id}>
              {l.kind === 'course' ? (
                <Link to={`${base}/courses/${l.id}`}>
                  {t('linked.course')}: {l.name}
                </Link>
              ) : (
                <Link to={`${base}/matches/${l.id}`}>{t('linked.match', { name: l.name })}</Link>
              )}
            </li>
          ))}
        </ul>
        <p className="muted">{t('linked.intro')}</p>
      </section>

      <ReportSection report={report} manages={manages} result={outcome('narrative')} busy={busy} />

      {manages ? (
        <section className="card" aria-labelledby="details-title">
          <h2 id="details-title">{t('detailsTitle')}</h2>
          <Form method="post" key={programme.version}>
            <input type="hidden" name="intent" value="update" />
            <input type="hidden" name="version" value={programme.version} />
            <ProgrammeFieldset values={programme} regions={regions} errors={failed('update')?.fieldErrors} />
            <FormMessage error={failed('update')?.error} success={outcome('update')?.ok ? t('saved') : undefined} />
            <button type="submit" className="primary" disabled={busy}>
              {t('save')}
            </button>
          </Form>
          <Form method="post">
            <input type="hidden" name="intent" value="delete" />
            <FormMessage error={failed('delete')?.error} />
            <button type="submit" className="danger" disabled={busy}>
              {t('delete')}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

function AddGoal({ errors, error }: { errors?: Record<string, string[] | undefined>; error?: string }) {
  const { t } = useTranslation('programmes');
  const metricId = useId();
  return (
    <Form method="post" className="inline-form add-goal">
      <input type="hidden" name="intent" value="addGoal" />
      <div className="field">
        <label htmlFor={metricId}>{t('goals.metric')}</label>
        <select id={metricId} name="metric">
          {PROGRAMME_METRICS.map((m) => (
            <option key={m} value={m}>
              {t(`metric.${m}`)}
            </option>
          ))}
        </select>
      </div>
      <Field label={t('goals.target')} name="target" required hint={t('goals.targetHint')} errors={errors?.target} />
      <Field label={t('goals.dueOn')} name="dueOn" type="date" required errors={errors?.dueOn} />
      <Field label={t('goals.label')} name="label" errors={errors?.label} />
      <button type="submit">{t('goals.add')}</button>
      {errors?.target ? null : <FormMessage error={error === 'errors:invalid_input' ? undefined : error} />}
    </Form>
  );
}

type Report = ReturnType<typeof useLoaderData<typeof loader>>['report'];

/** The funder report: period and language, the figures per quarter, the narrative, the files. */
function ReportSection({
  report,
  manages,
  result,
  busy,
}: {
  report: Report;
  manages: boolean;
  result: ActionResult | undefined;
  busy: boolean;
}) {
  const { t } = useTranslation('programmes');
  const { t: common } = useTranslation();
  const languageId = useId();
  const narrativeId = useId();
  const query = new URLSearchParams({ from: report.period.from, to: report.period.to, lang: report.language });
  const files = `/w/${useWorkspace().slug}/programmes/${report.programme.id}`;
  return (
    <section aria-labelledby="report-title" className="card">
      <h2 id="report-title">{t('report.title')}</h2>
      <p className="muted">{t('report.intro')}</p>
      <Form method="get" className="inline-form">
        <Field label={t('report.from')} name="from" type="date" defaultValue={report.period.from} required />
        <Field label={t('report.to')} name="to" type="date" defaultValue={report.period.to} required />
        <div className="field">
          <label htmlFor={languageId}>{t('report.language')}</label>
          <select id={languageId} name="lang" defaultValue={report.language}>
            {REPORT_LANGUAGES.map((l) => (
              <option key={l} value={l}>
                {common(`language.${l}`)}
              </option>
            ))}
          </select>
        </div>
        <button type="submit">{t('report.show')}</button>
      </Form>
      <h3 id="quarters-title">{t('report.quartersTitle')}</h3>
      <QuarterTable report={report} labelledBy="quarters-title" />
      <Form method="post" key={`${query.toString()}-${report.narrative.version ?? 'new'}`}>
        <input type="hidden" name="intent" value="narrative" />
        <input type="hidden" name="from" value={report.period.from} />
        <input type="hidden" name="to" value={report.period.to} />
        <input type="hidden" name="language" value={report.language} />
        <input type="hidden" name="version" value={report.narrative.version ?? ''} />
        <div className="field">
          <label htmlFor={narrativeId}>{t('report.narrative')}</label>
          <p className="hint" id={`${narrativeId}-hint`}>
            {t('report.narrativeHint')}
          </p>
          <textarea
            id={narrativeId}
            name="narrative"
            rows={8}
            readOnly={!manages}
            aria-describedby={`${narrativeId}-hint`}
            defaultValue={report.narrative.text}
            lang={report.language}
          />
        </div>
        <FormMessage
          error={result && !result.ok ? result.error : undefined}
          success={result?.ok ? t('report.narrativeSaved') : undefined}
        />
        {manages ? (
          <button type="submit" disabled={busy}>
            {t('report.saveNarrative')}
          </button>
        ) : null}
      </Form>
      <p className="report-downloads">
        <a href={`${files}/report.xlsx?${query}`} download>
          {t('report.downloadXlsx')}
        </a>
        <a href={`${files}/report.pdf?${query}`} download>
          {t('report.downloadPdf')}
        </a>
      </p>
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
