import type { LoaderFunctionArgs } from '@remix-run/node';
import { translate } from '@brobygger/i18n';
import { load, requireCaller } from '../../../lib/api.server.ts';
import { reportParams } from '../report-params.ts';
import { reportContent, reportFileName } from './content.ts';
import { reportPdf } from './pdf.server.ts';
import { reportXlsx } from './xlsx.server.ts';

const TYPES = {
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  pdf: 'application/pdf',
} as const;

/**
 * A programme's funder report as a file (`?from&to&lang`), built on the server from the same
 * procedure the page shows (`programmes.report`), in the language asked for, whatever the UI's.
 */
export async function reportFileLoader({ request, context, params }: LoaderFunctionArgs, format: 'xlsx' | 'pdf') {
  const { api } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  const asked = reportParams(new URL(request.url).searchParams, context.services.localeOf(request));
  const [report, workspace] = await load(
    () =>
      Promise.all([api.programmes.report({ tenant, id: params.id ?? '', ...asked }), api.workspaces.get({ tenant })]),
    request,
  );
  const t = translate(report.language);
  const content = reportContent(report, workspace.name, t);
  const body =
    format === 'xlsx'
      ? await reportXlsx(content, t('programmes:file.title'))
      : await reportPdf(content, report.language);
  return new Response(new Uint8Array(body), {
    headers: {
      'Content-Type': TYPES[format],
      'Content-Disposition': `attachment; filename="${reportFileName(report, t, format)}"`,
      'Cache-Control': 'private, no-store',
    },
  });
}
