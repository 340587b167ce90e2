import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { httpStatusOfKey } from '@brobygger/api/error-codes';
import { formatDate } from '@brobygger/i18n';
import { useTranslation } from 'react-i18next';
import { SkipLink, UserRow } from '../components/app-header.tsx';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { Field, FormMessage } from '../components/form.tsx';
import { act, load, requireCaller, statusOf, type ActionResult } from '../lib/api.server.ts';
import { useLocale } from '../lib/i18n.tsx';
import { titleMeta } from '../lib/meta.ts';

export const meta = titleMeta('workspace:operator.title');

/**
 * The operator's console (decision 028), outside every workspace: each workspace as counts and
 * dates, suspended and restored here. Anyone but an operator gets the "not found" page.
 */
export async function loader({ request, context }: LoaderFunctionArgs) {
  const { api, session } = await requireCaller(request, context);
  const workspaces = await load(() => api.operator.workspaces(), request);
  return { workspaces, email: session.email };
}

export async function action({ request, context }: ActionFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const form = await request.formData();
  const intent = String(form.get('intent'));
  const tenantId = String(form.get('tenantId') ?? '');
  const result: ActionResult<{ changed: boolean }> =
    intent === 'suspend'
      ? await act(() => api.operator.suspend({ tenantId, reason: String(form.get('reason') ?? '') }), intent)
      : intent === 'restore'
        ? await act(() => api.operator.restore({ tenantId }), intent)
        : { ok: false, status: httpStatusOfKey('invalid_input'), error: 'errors:invalid_input' };
  return data({ ...result, tenantId }, { status: statusOf(result) });
}

export default function OperatorConsole() {
  const { t } = useTranslation('workspace');
  const locale = useLocale();
  const { workspaces, email } = useLoaderData<typeof loader>();
  const answer = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const date = (value: string | null) => (value ? formatDate(value, locale) : t('operator.none'));
  return (
    <>
      <SkipLink />
      <header className="app-header">
        <div className="brand-row">
          <span className="brand">{t('common:appName')}</span>
          <Link to="/">{t('account:back')}</Link>
        </div>
        <UserRow email={email} />
      </header>
      <main id="main">
        <div className="page page-wide">
          <h1>{t('operator.title')}</h1>
          <p className="muted">{t('operator.intro')}</p>
          <table className="table stack operator-table">
            <thead>
              <tr>
                <th scope="col">{t('operator.workspace')}</th>
                <th scope="col">{t('operator.kind')}</th>
                <th scope="col">{t('operator.plan')}</th>
                <th scope="col">{t('operator.status')}</th>
                <th scope="col">{t('operator.participants')}</th>
                <th scope="col">{t('operator.lastActivity')}</th>
                <th scope="col">{t('operator.actions')}</th>
              </tr>
            </thead>
            <tbody>
              {workspaces.map((w) => {
                const mine = answer?.tenantId === w.id ? answer : undefined;
                return (
                  <tr key={w.id}>
                    <th scope="row" data-label={t('operator.workspace')}>
                      {w.name} <span className="muted">/w/{w.slug}</span>
                    </th>
                    <td data-label={t('operator.kind')}>{t(`fields.kinds.${w.kind}`)}</td>
                    <td data-label={t('operator.plan')}>
                      <OperatorPlan plan={w.plan} status={w.billingStatus} coveredBy={w.coveredBy} />
                    </td>
                    <td data-label={t('operator.status')}>
                      {t(`operator.statuses.${w.status}`)}
                      {w.suspendedReason ? <span className="muted"> · {w.suspendedReason}</span> : null}
                      {w.deleteAfter ? (
                        <span className="muted"> · {t('operator.deleteAfter', { date: date(w.deleteAfter) })}</span>
                      ) : null}
                    </td>
                    <td data-label={t('operator.participants')}>{w.activeParticipants}</td>
                    <td data-label={t('operator.lastActivity')}>{date(w.lastActivity)}</td>
                    <td data-label={t('operator.actions')}>
                      {w.status === 'suspended' ? (
                        <Form method="post">
                          <input type="hidden" name="intent" value="restore" />
                          <input type="hidden" name="tenantId" value={w.id} />
                          <button type="submit" disabled={busy}>
                            {t('operator.restore', { workspace: w.name })}
                          </button>
                        </Form>
                      ) : (
                        <Form method="post" className="inline-form compact" noValidate>
                          <input type="hidden" name="intent" value="suspend" />
                          <input type="hidden" name="tenantId" value={w.id} />
                          <Field
                            label={t('operator.reason', { workspace: w.name })}
                            name="reason"
                            maxLength={500}
                            required
                            errors={mine && !mine.ok ? (mine.fieldErrors?.reason ?? [mine.error]) : undefined}
                          />
                          <button type="submit" className="danger" disabled={busy}>
                            {t('operator.suspend')}
                          </button>
                        </Form>
                      )}
                      {mine?.ok ? (
                        <FormMessage
                          success={t(w.status === 'suspended' ? 'operator.suspended' : 'operator.restored', {
                            workspace: w.name,
                          })}
                        />
                      ) : null}
                    </td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </main>
    </>
  );
}

/** The plan by name ("Free" without a subscription), its Stripe status, and the region paying for it. */
function OperatorPlan({ plan, status, coveredBy }: { plan: string; status: string | null; coveredBy: string | null }) {
  const { t } = useTranslation('workspace');
  return (
    <>
      {t(`billing:plans.${plan}`, { defaultValue: plan })}
      {status ? <span className="muted"> · {t(`billing:statuses.${status}`, { defaultValue: status })}</span> : null}
      {coveredBy ? <span className="muted"> · {t('operator.coveredBy', { region: coveredBy })}</span> : null}
    </>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
