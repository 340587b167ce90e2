import { data, redirect, type ActionFunctionArgs, type LoaderFunctionArgs } from '@remix-run/node';
import { translate } from '@brobygger/i18n';
import { act, load, requireCaller, statusOf, type ActionResult } from '../../lib/api.server.ts';

export type PersonActionData = ActionResult<{ erased: true }>;

const ROSTER_PATH = { participant: 'participants', volunteer: 'volunteers' } as const;

/**
 * The person page's action: erasure (decision 024). On success the person's page no longer
 * exists, so the answer is a redirect to the roster, which names what was erased; a refusal
 * comes back to the page as a translated message.
 */
export async function erasePersonAction(
  { request, context, params }: ActionFunctionArgs,
  kind: 'participant' | 'volunteer',
) {
  const { api } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  const form = await request.formData();
  if (form.get('intent') !== 'erase') throw new Response('errors:invalid_input', { status: 400 });
  const id = params.id ?? '';
  const result = await act(
    () =>
      kind === 'participant'
        ? api.privacy.eraseParticipant({ tenant, id })
        : api.privacy.eraseVolunteer({ tenant, id }),
    'erase',
  );
  if (result.ok) return redirect(`/w/${tenant}/${ROSTER_PATH[kind]}?erased=${kind}`);
  return data(result, { status: statusOf(result) });
}

/**
 * The export file of one person: JSON, downloaded under a name in the reader's language. A GET
 * like any read; the API logs it as an access to a participant's record.
 */
export async function exportPersonLoader(
  { request, context, params }: LoaderFunctionArgs,
  kind: 'participant' | 'volunteer',
) {
  const { api, locale } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  const id = params.id ?? '';
  const file = await load(
    () =>
      kind === 'participant'
        ? api.privacy.exportParticipant({ tenant, id })
        : api.privacy.exportVolunteer({ tenant, id }),
    request,
  );
  const name = `${translate(locale)(`people:privacy.fileName.${kind}`)}-${file.exportedAt.slice(0, 10)}.json`;
  return new Response(JSON.stringify(file, null, 2), {
    headers: {
      'Content-Type': 'application/json; charset=utf-8',
      'Content-Disposition': `attachment; filename="${name}"`,
      'Cache-Control': 'no-store',
    },
  });
}
