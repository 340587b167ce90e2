import type { LoaderFunctionArgs } from '@remix-run/node';
import { Form, Link, useLoaderData } from '@remix-run/react';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { Field } from '../components/form.tsx';
import { OfferEntry } from '../components/offer/offer-entry.tsx';
import { groupByRegionAndMunicipality } from '../components/offer/read-offer.ts';
import { load, requireCaller } from '../lib/api.server.ts';
import { titleMeta } from '../lib/meta.ts';
import { useWorkspace } from './w.$tenant.tsx';

/**
 * A region's catalogue of its partners' published offers (decision 027), grouped by region and
 * municipality as the hand-kept catalogue was, searchable, and downloadable as a PDF of what the
 * search shows.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const q = new URL(request.url).searchParams.get('q')?.trim() ?? '';
  const entries = await load(() => api.offer.catalogue({ tenant: params.tenant ?? '', q: q || undefined }), request);
  return { entries, q };
}

export const meta = titleMeta('offer:catalogue.title');

export default function Catalogue() {
  const { t } = useTranslation('offer');
  const { entries, q } = useLoaderData<typeof loader>();
  const workspace = useWorkspace();
  const base = `/w/${workspace.slug}/catalogue`;
  const pdf = (lang: 'da' | 'en') => `${base}/pdf?${new URLSearchParams({ lang, ...(q ? { q } : {}) })}`;
  return (
    <div className="page">
      <h1>{t('catalogue.title')}</h1>
      <p className="muted">{t('catalogue.intro')}</p>
      <div className="catalogue-toolbar">
        <Form method="get" role="search">
          <Field
            label={t('catalogue.search')}
            name="q"
            type="search"
            defaultValue={q}
            placeholder={t('catalogue.searchHint')}
          />
          <button type="submit">{t('catalogue.searchButton')}</button>
          {q ? <Link to={base}>{t('catalogue.clear')}</Link> : null}
        </Form>
        <div className="catalogue-downloads" role="group" aria-label={t('catalogue.pdf')}>
          <a href={pdf('da')} download>
            {t('catalogue.pdfDanish')}
          </a>
          <a href={pdf('en')} download>
            {t('catalogue.pdfEnglish')}
          </a>
        </div>
      </div>
      <p role="status">{t('catalogue.count', { count: entries.length })}</p>
      {entries.length === 0 ? <p>{q ? t('catalogue.noMatch', { q }) : t('catalogue.empty')}</p> : null}
      {groupByRegionAndMunicipality(entries).map((group, i) => (
        <section key={group.region} className="catalogue-region" aria-labelledby={`region-${i}`}>
          <h2 id={`region-${i}`}>{t('catalogue.region', { region: group.region })}</h2>
          {group.municipalities.map(({ municipality, entries: offers }) => (
            <section key={municipality ?? ''} className="catalogue-municipality">
              <h3>{municipality ?? t('catalogue.noMunicipality')}</h3>
              {offers.map((offer, j) => (
                <OfferEntry key={j} offer={offer} headingLevel={4} showMunicipality={false} />
              ))}
            </section>
          ))}
        </section>
      ))}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
