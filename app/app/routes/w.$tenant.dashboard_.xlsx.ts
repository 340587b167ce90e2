import type { LoaderFunctionArgs } from '@remix-run/node';
import { ZRegionPeriod } from '@brobygger/api/region-dashboard';
import { translate } from '@brobygger/i18n';
import { dashboardXlsx } from '../components/region/dashboard-xlsx.server.ts';
import { load, requireCaller } from '../lib/api.server.ts';

/** The region dashboard's figures as an XLSX file, in the caller's language, built on the server. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api, locale } = await requireCaller(request, context);
  const chosen = ZRegionPeriod.safeParse(new URL(request.url).searchParams.get('period'));
  const period = chosen.success ? chosen.data : 'last4';
  const dashboard = await load(() => api.regionDashboard.get({ tenant: params.tenant ?? '', period }), request);
  const t = translate(locale);
  const file = await dashboardXlsx(dashboard, t);
  const name = `${t('region:dashboard.title')}-${params.tenant}-${dashboard.quarters[0]}.xlsx`;
  return new Response(new Uint8Array(file), {
    headers: {
      'Content-Type': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
      'Content-Disposition': `attachment; filename="${encodeURIComponent(name)}"`,
      // Figures leave with the partnership: never kept by a browser or a proxy.
      'Cache-Control': 'no-store',
    },
  });
}
