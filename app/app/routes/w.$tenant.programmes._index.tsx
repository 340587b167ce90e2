import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { formatDkk } from '@brobygger/api/programmes';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { FormMessage } from '../components/form.tsx';
import { formatIsoDate } from '../components/grid/values.ts';
import { programmeFieldsOf } from '../components/programmes/form-values.ts';
import { GoalProgress } from '../components/programmes/goal-progress.tsx';
import { ProgrammeFieldset } from '../components/programmes/programme-fieldset.tsx';
import { act, load, requireCaller, statusOf } from '../lib/api.server.ts';
import { useLocale } from '../lib/i18n.tsx';
import { titleMeta } from '../lib/meta.ts';
import { useWorkspace } from './w.$tenant.tsx';

/** The workspace's programmes with their goals' progress at a glance, and a form for a new one. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  return load(async () => {
    const [programmes, regions] = await Promise.all([
      api.programmes.list({ tenant }),
      api.programmes.fundingRegions({ tenant }),
    ]);
    return { programmes, regions };
  }, request);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  const form = await request.formData();
  const result = await act(() => api.programmes.create({ tenant, ...programmeFieldsOf(form) }), 'create');
  if (result.ok) return redirect(`/w/${tenant}/programmes/${result.data.id}`);
  return data(result, { status: statusOf(result) });
}

export const meta = titleMeta('programmes:title');

export default function Programmes() {
  const { t } = useTranslation('programmes');
  const locale = useLocale();
  const workspace = useWorkspace();
  const { programmes, regions } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state === 'submitting';
  const manages = workspace.permissions['programmes.manage'] === 'all';
  const failed = result && !result.ok ? result : undefined;
  return (
    <div className="page page-wide">
      <h1>{t('title')}</h1>
      <p className="muted">{t('intro')}</p>
      {programmes.length === 0 ? (
        <p>{t('none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table programmes-table">
            <thead>
              <tr>
                <th scope="col">{t('columns.name')}</th>
                <th scope="col">{t('columns.funder')}</th>
                <th scope="col">{t('columns.period')}</th>
                <th scope="col">{t('columns.grant')}</th>
                <th scope="col">{t('columns.budget')}</th>
                <th scope="col">{t('columns.goals')}</th>
              </tr>
            </thead>
            <tbody>
              {programmes.map((p) => (
                <tr key={p.id}>
                  <td>
                    <Link to={p.id}>{p.name}</Link>
                  </td>
                  <td>
                    {p.funderName ?? p.funderWorkspaceName ?? ''}
                    <br />
                    <span className="muted">{t(`funderKind.${p.funderKind}`)}</span>
                  </td>
                  <td>
                    {t('period', { from: formatIsoDate(p.startsOn, locale), to: formatIsoDate(p.endsOn, locale) })}
                  </td>
                  <td className="numeric">{p.grantAmount == null ? '' : formatDkk(p.grantAmount, locale)}</td>
                  <td className="numeric">{p.totalBudget == null ? '' : formatDkk(p.totalBudget, locale)}</td>
                  <td>
                    <ul className="plain-list goal-glance">
                      {p.goals.map((g) => (
                        <li key={g.id}>
                          <span>{g.label || t(`metric.${g.metric}`)}</span>{' '}
                          <GoalProgress
                            metric={g.metric}
                            value={g.value}
                            targetMin={g.targetMin}
                            targetMax={g.targetMax}
                          />
                        </li>
                      ))}
                    </ul>
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {manages ? (
        <section className="card" aria-labelledby="new-programme-title">
          <h2 id="new-programme-title">{t('new')}</h2>
          <Form method="post">
            <ProgrammeFieldset regions={regions} errors={failed?.fieldErrors} />
            <FormMessage error={failed?.error} />
            <button type="submit" className="primary" disabled={busy}>
              {t('create')}
            </button>
          </Form>
        </section>
      ) : null}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
