import type { LoaderFunctionArgs } from '@remix-run/node';
import { translate } from '@brobygger/i18n';
import { load, requireCaller } from '../lib/api.server.ts';
import { cataloguePdf } from '../lib/catalogue-pdf.server.ts';

/**
 * The region's catalogue as a PDF, filtered by the same search as the page, in Danish or English
 * (`lang`, else the reader's language). A resource route: the catalogue page links to it.
 */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api, locale } = await requireCaller(request, context);
  const url = new URL(request.url);
  const tenant = params.tenant ?? '';
  const q = url.searchParams.get('q')?.trim() ?? '';
  const asked = url.searchParams.get('lang');
  const language = asked === 'da' || asked === 'en' ? asked : locale;
  const [workspace, entries] = await load(
    () => Promise.all([api.workspaces.get({ tenant }), api.offer.catalogue({ tenant, q: q || undefined })]),
    request,
  );
  const t = translate(language);
  const now = new Date();
  const pdf = await cataloguePdf({ entries, regionName: workspace.name, language, q, t, now });
  const name = `${t('offer:catalogue.fileName')}-${now.toISOString().slice(0, 10)}.pdf`;
  return new Response(new Uint8Array(pdf), {
    headers: {
      'Content-Type': 'application/pdf',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    },
  });
}
