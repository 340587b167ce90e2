import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { Form, useActionData, useLoaderData, useNavigation } from '@remix-run/react';
import type { BillingPage } from '@brobygger/api';
import { formatDate, formatNumber, type Locale } from '@brobygger/i18n';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { Field, FormMessage } from '../components/form.tsx';
import { act, load, requireCaller, statusOf, type ActionResult } from '../lib/api.server.ts';
import { useLocale } from '../lib/i18n.tsx';
import { titleMeta } from '../lib/meta.ts';
import { useWorkspace } from './w.$tenant.tsx';
import '../components/billing-page.css';

/**
 * The workspace's billing, for owners and admins: the plan and its status, the next and past
 * invoices, Checkout and the Billing Portal, invoice details for public bodies, and for a region
 * the partners whose plans it pays. Others get 403 (the API refuses them too).
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  return load(async () => {
    const workspace = await api.workspaces.get({ tenant });
    if (workspace.permissions['billing.manage'] !== 'all') throw new Response('errors:forbidden', { status: 403 });
    return { page: await api.billing.page({ tenant }) };
  }, request);
}

type Enabled = Extract<BillingPage, { enabled: true }>;
type ActionData = ActionResult<unknown>;

/** Checkout and the portal send the browser to Stripe; invoice terms and coverage answer here. */
export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const form = await request.formData();
  const tenant = params.tenant ?? '';
  const intent = String(form.get('intent') ?? '');
  const plan = String(form.get('plan') ?? '') as Enabled['choosablePlans'][number];
  if (intent === 'checkout' || intent === 'portal') {
    const result = await act(() =>
      intent === 'checkout' ? api.billing.checkout({ tenant, plan }) : api.billing.portal({ tenant }),
    );
    if (result.ok) return redirect(result.data.url);
    return data({ ...result, intent }, { status: statusOf(result) });
  }
  const result =
    intent === 'invoice'
      ? await act(
          () =>
            api.billing.subscribeByInvoice({
              tenant,
              plan,
              ean: String(form.get('ean') ?? ''),
              orderReference: String(form.get('orderReference') ?? ''),
              paymentTermsDays: Number(form.get('paymentTermsDays')) as 14 | 30 | 60,
            }),
          intent,
        )
      : intent === 'cover'
        ? await act(
            () =>
              api.billing.setCoverage({
                tenant,
                partner: String(form.get('partner') ?? ''),
                covered: form.get('covered') === 'true',
              }),
            intent,
          )
        : null;
  if (!result) throw new Response('errors:invalid_input', { status: 400 });
  return data(result, { status: statusOf(result) });
}

export const meta = titleMeta('billing:title');

/** A subscription that is running: its plan is not offered again, and changes go through the portal. */
const isLive = (page: Enabled) => page.status === 'active' || page.status === 'trialing' || page.status === 'past_due';

const money = (oere: number, currency: string, locale: Locale) =>
  formatNumber(oere / 100, locale, { style: 'currency', currency: currency.toUpperCase() });

export default function Billing() {
  const { t } = useTranslation('billing');
  const workspace = useWorkspace();
  const { page } = useLoaderData<typeof loader>();
  return (
    <div className="page billing-page">
      <h1>{t('title')}</h1>
      {page.enabled ? (
        <>
          <p className="muted">{t('intro', { workspace: workspace.name })}</p>
          <PlanSection page={page} />
          {page.coveredBy ? null : <ChoosePlan page={page} />}
          {page.paysByInvoice && !page.coveredBy ? <InvoiceTermsSection page={page} /> : null}
          <InvoicesSection page={page} />
          {page.kind === 'region' ? <PartnersSection page={page} /> : null}
        </>
      ) : (
        <p className="notice">{t('off')}</p>
      )}
    </div>
  );
}

function PlanSection({ page }: { page: Enabled }) {
  const { t } = useTranslation('billing');
  const locale = useLocale();
  return (
    <section className="billing-section" aria-labelledby="plan-title">
      <h2 id="plan-title">{t('plan.title')}</h2>
      {page.coveredBy ? <p className="notice">{t('plan.coveredBy', { region: page.coveredBy })}</p> : null}
      {page.locksWrites ? (
        <p className="notice" role="status">
          {t('plan.locked')}
        </p>
      ) : page.graceEndsAt ? (
        <p className="notice" role="status">
          {t('plan.pastDue', { date: formatDate(page.graceEndsAt, locale) })}
        </p>
      ) : null}
      <dl className="billing-facts">
        <dt>{t('plan.plan')}</dt>
        <dd>{t(`plans.${page.plan}`, { defaultValue: page.plan })}</dd>
        <dt>{t('plan.status')}</dt>
        <dd>{t(`statuses.${page.status ?? 'none'}`, { defaultValue: page.status ?? '' })}</dd>
        {page.currentPeriodEnd ? (
          <>
            <dt>{t('plan.periodEnd')}</dt>
            <dd>{formatDate(page.currentPeriodEnd, locale)}</dd>
          </>
        ) : null}
        <dt>{t('plan.participants')}</dt>
        <dd>
          {page.participantLimit === null
            ? formatNumber(page.activeParticipants, locale)
            : t('plan.participantsOfLimit', { count: page.activeParticipants, limit: page.participantLimit })}
        </dd>
      </dl>
    </section>
  );
}

function ChoosePlan({ page }: { page: Enabled }) {
  const { t } = useTranslation('billing');
  const result = useActionData<ActionData>();
  const busy = useNavigation().state !== 'idle';
  const failed = result && !result.ok && (result.intent === 'checkout' || result.intent === 'portal');
  const plans = isLive(page) ? page.choosablePlans.filter((plan) => plan !== page.plan) : page.choosablePlans;
  return (
    <section className="billing-section" aria-labelledby="choose-title">
      <h2 id="choose-title">{t('choose.title')}</h2>
      <p>{t('choose.intro')}</p>
      <div className="billing-actions">
        {plans.map((plan) => (
          <Form method="post" key={plan}>
            <input type="hidden" name="intent" value="checkout" />
            <input type="hidden" name="plan" value={plan} />
            <button type="submit" className="primary" disabled={busy}>
              {t('choose.checkout', { plan: t(`plans.${plan}`) })}
            </button>
          </Form>
        ))}
        {page.status ? (
          <Form method="post">
            <input type="hidden" name="intent" value="portal" />
            <button type="submit" disabled={busy}>
              {t('choose.portal')}
            </button>
          </Form>
        ) : null}
      </div>
      {page.status ? <p className="muted">{t('choose.portalIntro')}</p> : null}
      <FormMessage error={failed ? result.error : undefined} />
    </section>
  );
}

function InvoiceTermsSection({ page }: { page: Enabled }) {
  const { t } = useTranslation('billing');
  const details = page.invoiceDetails;
  const paying = details.collectionMethod === 'send_invoice' && details.ean;
  return (
    <section className="billing-section" aria-labelledby="invoice-title">
      <h2 id="invoice-title">{t('invoice.title')}</h2>
      <p>{t('invoice.intro')}</p>
      {paying ? (
        <p className="notice">
          {t('invoice.current', {
            days: details.paymentTermsDays,
            ean: details.ean,
            reference: details.orderReference,
          })}
        </p>
      ) : null}
      {paying && isLive(page) ? null : <InvoiceTermsForm page={page} />}
    </section>
  );
}

function InvoiceTermsForm({ page }: { page: Enabled }) {
  const { t } = useTranslation('billing');
  const result = useActionData<ActionData>();
  const busy = useNavigation().state !== 'idle';
  const mine = result?.intent === 'invoice' ? result : undefined;
  const errors = mine && !mine.ok ? mine.fieldErrors : undefined;
  const details = page.invoiceDetails;
  return (
    <>
      <Form method="post" className="billing-invoice-form">
        <input type="hidden" name="intent" value="invoice" />
        {page.choosablePlans.length === 1 ? (
          <input type="hidden" name="plan" value={page.choosablePlans[0]} />
        ) : (
          <div className="field">
            <label htmlFor="invoice-plan">{t('invoice.plan')}</label>
            <select id="invoice-plan" name="plan">
              {page.choosablePlans.map((plan) => (
                <option key={plan} value={plan}>
                  {t(`plans.${plan}`)}
                </option>
              ))}
            </select>
          </div>
        )}
        <Field
          label={t('invoice.ean')}
          name="ean"
          inputMode="numeric"
          autoComplete="off"
          required
          maxLength={13}
          hint={t('invoice.eanHint')}
          defaultValue={details.ean ?? ''}
          errors={errors?.ean}
        />
        <Field
          label={t('invoice.orderReference')}
          name="orderReference"
          required
          maxLength={100}
          defaultValue={details.orderReference ?? ''}
          errors={errors?.orderReference}
        />
        <div className="field">
          <label htmlFor="invoice-terms">{t('invoice.terms')}</label>
          <select id="invoice-terms" name="paymentTermsDays" defaultValue={String(details.paymentTermsDays ?? 30)}>
            {[14, 30, 60].map((days) => (
              <option key={days} value={days}>
                {t('invoice.termsDays', { count: days })}
              </option>
            ))}
          </select>
        </div>
        <button type="submit" className="primary" disabled={busy}>
          {t('invoice.submit')}
        </button>
      </Form>
      <FormMessage
        error={mine && !mine.ok && !errors ? mine.error : undefined}
        success={mine?.ok ? t('invoice.started') : undefined}
      />
    </>
  );
}

function InvoicesSection({ page }: { page: Enabled }) {
  const { t } = useTranslation('billing');
  const locale = useLocale();
  const next = page.nextInvoice;
  return (
    <section className="billing-section" aria-labelledby="invoices-title">
      <h2 id="invoices-title">{t('invoices.title')}</h2>
      {page.invoicesUnavailable ? <p className="notice">{t('invoices.unavailable')}</p> : null}
      <p>
        {next
          ? next.date
            ? t('invoices.next', {
                amount: money(next.total, next.currency, locale),
                date: formatDate(next.date, locale),
              })
            : t('invoices.nextUndated', { amount: money(next.total, next.currency, locale) })
          : t('invoices.noNext')}
      </p>
      {page.invoices.length === 0 ? (
        <p className="muted">{t('invoices.none')}</p>
      ) : (
        <div className="table-scroll">
          <table className="table">
            <thead>
              <tr>
                <th scope="col">{t('invoices.number')}</th>
                <th scope="col">{t('invoices.date')}</th>
                <th scope="col" className="numeric">
                  {t('invoices.amount')}
                </th>
                <th scope="col">{t('invoices.status')}</th>
              </tr>
            </thead>
            <tbody>
              {page.invoices.map((invoice) => (
                <tr key={invoice.id}>
                  <td>
                    {invoice.url ? (
                      <a
                        href={invoice.url}
                        target="_blank"
                        rel="noreferrer"
                        aria-label={t('invoices.open', { number: invoice.number ?? invoice.id })}
                      >
                        {invoice.number ?? invoice.id}
                      </a>
                    ) : (
                      (invoice.number ?? invoice.id)
                    )}
                  </td>
                  <td>{formatDate(invoice.created, locale)}</td>
                  <td className="numeric">{money(invoice.total, invoice.currency, locale)}</td>
                  <td>{t(`invoices.statuses.${invoice.status ?? 'draft'}`, { defaultValue: invoice.status ?? '' })}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
    </section>
  );
}

function PartnersSection({ page }: { page: Enabled }) {
  const { t } = useTranslation('billing');
  const result = useActionData<ActionData>();
  const busy = useNavigation().state !== 'idle';
  const mine = result?.intent === 'cover' ? result : undefined;
  return (
    <section className="billing-section" aria-labelledby="partners-title">
      <h2 id="partners-title">{t('partners.title')}</h2>
      <p>{t('partners.intro')}</p>
      {page.partners.length === 0 ? (
        <p className="muted">{t('partners.none')}</p>
      ) : (
        <ul className="billing-partners">
          {page.partners.map((partner) => (
            <li key={partner.tenantId}>
              <span>{partner.name}</span>
              <span className="muted">{partner.covered ? t('partners.covered') : t('partners.notCovered')}</span>
              <Form method="post">
                <input type="hidden" name="intent" value="cover" />
                <input type="hidden" name="partner" value={partner.tenantId} />
                <input type="hidden" name="covered" value={String(!partner.covered)} />
                <button type="submit" disabled={busy}>
                  {t(partner.covered ? 'partners.uncover' : 'partners.cover', { name: partner.name })}
                </button>
              </Form>
            </li>
          ))}
        </ul>
      )}
      <FormMessage error={mine && !mine.ok ? mine.error : undefined} />
    </section>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
