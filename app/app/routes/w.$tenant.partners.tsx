import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import { formatDate } from '@brobygger/i18n';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { Field, FormMessage } from '../components/form.tsx';
import { PartnershipHistory } from '../components/region/partnership-history.tsx';
import '../components/region/region.css';
import { act, load, requireCaller, statusOf } from '../lib/api.server.ts';
import { useLocale } from '../lib/i18n.tsx';
import { titleMeta } from '../lib/meta.ts';
import { useWorkspace } from './w.$tenant.tsx';

/**
 * Both sides of partnerships on one page: a region invites (from a search of workspaces by name),
 * withdraws and ends; a partner accepts, declines and ends. Each partnership shows its history.
 * Plain forms, so every step works before the page's JavaScript has arrived.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  const words = new URL(request.url).searchParams.get('q')?.trim() ?? '';
  return load(async () => {
    const workspace = await api.workspaces.get({ tenant });
    const invites = workspace.kind === 'region' && workspace.permissions['partnerships.manage'] === 'all';
    const [partnerships, history, candidates] = await Promise.all([
      api.partnerships.list({ tenant }),
      api.partnerships.history({ tenant }),
      invites && words.length >= 2 ? api.partnerships.candidates({ tenant, words }) : Promise.resolve(null),
    ]);
    return { partnerships, history, candidates, words, invites };
  }, request);
}

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const form = await request.formData();
  const tenant = params.tenant ?? '';
  const id = String(form.get('id') ?? '');
  const intent = String(form.get('intent') ?? '');
  // The API checks the action's name: anything else comes back as invalid input.
  const result =
    intent === 'invite'
      ? await act(() => api.partnerships.invite({ tenant, partnerId: id }), intent)
      : await act(() => api.partnerships.act({ tenant, id, action: intent as 'end' }), intent);
  return data(result, { status: statusOf(result) });
}

export const meta = titleMeta('region:partners.title');

export default function Partners() {
  const { t } = useTranslation('region');
  const locale = useLocale();
  const workspace = useWorkspace();
  const { partnerships, history, candidates, words, invites } = useLoaderData<typeof loader>();
  const result = useActionData<typeof action>();
  const busy = useNavigation().state !== 'idle';
  const isRegion = workspace.kind === 'region';
  const manages = workspace.permissions['partnerships.manage'] === 'all';
  const actionsFor = (status: 'proposed' | 'active' | 'ended') =>
    !manages
      ? []
      : status === 'active'
        ? (['end'] as const)
        : status === 'proposed'
          ? isRegion
            ? (['withdraw'] as const)
            : (['accept', 'decline'] as const)
          : [];
  return (
    <div className="page region-partners">
      <h1>{t('partners.title')}</h1>
      <p className="muted">{isRegion ? t('partners.introRegion') : t('partners.introPartner')}</p>
      <FormMessage
        error={result && !result.ok ? result.error : undefined}
        success={result?.ok ? t(`partners.done.${result.intent as 'invite'}`) : undefined}
      />
      {invites ? (
        <section className="card" aria-labelledby="invite-title">
          <h2 id="invite-title">{t('partners.invite.title')}</h2>
          <Form method="get" className="inline-form">
            <Field label={t('partners.invite.search')} name="q" type="search" defaultValue={words} minLength={2} />
            <button type="submit">{t('partners.invite.searchButton')}</button>
          </Form>
          {candidates === null ? null : candidates.length === 0 ? (
            <p>{t('partners.invite.noMatch', { words })}</p>
          ) : (
            <ul className="plain-list" aria-label={t('partners.invite.results')}>
              {candidates.map((c) => (
                <li key={c.id}>
                  <Form method="post" className="inline-form">
                    <input type="hidden" name="id" value={c.id} />
                    <strong>{c.name}</strong> · {t(`common:kinds.${c.kind}`)}{' '}
                    <button type="submit" name="intent" value="invite" disabled={busy}>
                      {t('partners.invite.button', { name: c.name })}
                    </button>
                  </Form>
                </li>
              ))}
            </ul>
          )}
        </section>
      ) : null}
      {partnerships.length === 0 ? (
        <p>{t('partners.none')}</p>
      ) : (
        <ul className="plain-list partnership-list">
          {partnerships.map((p) => {
            const events = history.filter((e) => e.partnershipId === p.id);
            return (
              <li key={p.id} className="card">
                <h2 className="partnership-name">
                  {p.counterpartName}{' '}
                  <span className={`badge badge-${p.status}`}>{t(`common:partnershipStatus.${p.status}`)}</span>
                </h2>
                <p className="muted">
                  {t(`common:kinds.${p.counterpartKind}`)}
                  {p.status === 'active' && p.startedOn
                    ? ` · ${t('partners.since', { date: formatDate(p.startedOn, locale) })}`
                    : null}
                  {p.status === 'ended' && p.endedOn
                    ? ` · ${t('partners.ended', { date: formatDate(p.endedOn, locale) })}`
                    : null}
                </p>
                <Form method="post" className="inline-form">
                  <input type="hidden" name="id" value={p.id} />
                  {actionsFor(p.status).map((a) => (
                    <button
                      key={a}
                      type="submit"
                      name="intent"
                      value={a}
                      disabled={busy}
                      className={a === 'accept' ? undefined : 'secondary'}
                      aria-label={`${t(`partners.actions.${a}`)}: ${p.counterpartName}`}
                    >
                      {t(`partners.actions.${a}`)}
                    </button>
                  ))}
                </Form>
                <PartnershipHistory name={p.counterpartName} events={events} />
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
