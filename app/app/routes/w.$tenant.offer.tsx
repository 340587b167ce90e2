import { data, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { useActionData, useLoaderData } from '@remix-run/react';
import { ZOfferContent } from '@brobygger/api/offer/schemas';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { FormMessage } from '../components/form.tsx';
import { OfferEntry } from '../components/offer/offer-entry.tsx';
import { fieldErrorsByPath, offerFromForm } from '../components/offer/offer-form-data.ts';
import { OfferForm } from '../components/offer/offer-form.tsx';
import { PublishPanel } from '../components/offer/publish-panel.tsx';
import { useReadOnlyNotice } from '../components/workspace/read-only-notice.ts';
import { act, load, requireCaller, statusOf, type ActionResult } from '../lib/api.server.ts';
import { titleMeta } from '../lib/meta.ts';
import { useWorkspace } from './w.$tenant.tsx';

/** The workspace's description of its peer-support offer (decision 027). */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  return load(() => api.offer.get({ tenant: params.tenant ?? '' }), request);
}

type OfferActionData = ActionResult<unknown>;

export async function action({ request, context, params }: ActionFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  const form = await request.formData();
  const intent = String(form.get('intent') ?? '');
  const typed = String(form.get('version') ?? '');
  const version = typed === '' ? null : Number(typed);
  if (intent === 'save') {
    // The API's own schema, read here too, so each message lands under the field it is about.
    const parsed = ZOfferContent.safeParse(offerFromForm(form));
    if (!parsed.success) {
      const fieldErrors = fieldErrorsByPath(parsed.error.issues);
      return data<OfferActionData>(
        { ok: false, status: 400, error: 'errors:invalid_input', fieldErrors, intent },
        { status: 400 },
      );
    }
    const result = await act(() => api.offer.save({ tenant, version, offer: parsed.data }), intent);
    return data<OfferActionData>(result, { status: statusOf(result) });
  }
  if ((intent === 'publish' || intent === 'unpublish') && version !== null) {
    const result = await act(
      () => api.offer.setPublished({ tenant, version, published: intent === 'publish' }),
      intent,
    );
    return data<OfferActionData>(result, { status: statusOf(result) });
  }
  throw new Response('errors:invalid_input', { status: 400 });
}

export const meta = titleMeta('offer:page.title');

const SUCCESS = { save: 'page.saved', publish: 'publish.publishedNow', unpublish: 'publish.unpublishedNow' } as const;

export default function OfferPage() {
  const { t } = useTranslation('offer');
  const page = useLoaderData<typeof loader>();
  const result = useActionData<OfferActionData>();
  const workspace = useWorkspace();
  const canEdit = workspace.permissions['offer.edit'] === 'all';
  const readOnlyNotice = useReadOnlyNotice('form', t('page.readOnly'));
  const intent = (result?.intent ?? 'save') as keyof typeof SUCCESS;
  const message = (
    <FormMessage
      error={
        result && !result.ok ? (result.error === 'errors:stale_version' ? 'offer:page.stale' : result.error) : undefined
      }
      success={result?.ok ? t(SUCCESS[intent]) : undefined}
    />
  );
  return (
    <div className="page">
      <h1>{t('page.title')}</h1>
      <p className="muted">{t('page.intro')}</p>
      <PublishPanel offer={page.offer} canEdit={canEdit} />
      {intent !== 'save' ? message : null}
      {canEdit ? (
        <>
          <OfferForm page={page} errors={result && !result.ok ? result.fieldErrors : undefined} />
          {intent === 'save' ? message : null}
        </>
      ) : (
        <p>{readOnlyNotice}</p>
      )}
      <section className="offer-preview" aria-labelledby="preview-title">
        <h2 id="preview-title">{t('preview.title')}</h2>
        {page.offer ? (
          <OfferEntry
            offer={{ ...page.offer, municipality: page.ownMunicipality ?? page.offer.municipality, scope: page.scope }}
          />
        ) : (
          <p className="muted">{t('preview.empty')}</p>
        )}
      </section>
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
