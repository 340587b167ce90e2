import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import { volunteers } from '@brobygger/api/rosters';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { ErasedNotice } from '../components/person/erased-notice.tsx';
import { usePersonRowLink } from '../components/person/person-links.ts';
import { RosterPage } from '../components/roster/roster-page.tsx';
import { firstRowsThenAll } from '../components/roster/first-rows.server.ts';
import { load, requireCaller } from '../lib/api.server.ts';
import { titleMeta } from '../lib/meta.ts';
import { useWorkspace } from './w.$tenant.tsx';

/** Peers get the directory of active volunteers; everyone else who may read, the roster. */
export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const tenant = params.tenant ?? '';
  return load(async () => {
    const workspace = await api.workspaces.get({ tenant });
    if (workspace.permissions['volunteers.directory'])
      return { directory: await api.volunteers.directory({ tenant }), roster: null, preview: null };
    // The first screenful with the page, the rest streamed: the page and its JavaScript start
    // while the rows are read (docs/decisions/014 and 017).
    const { preview, rows } = await firstRowsThenAll({
      tenant,
      roster: 'volunteers',
      list: api.volunteers.list,
      savedLayout: api.preferences.get,
      request,
    });
    return { directory: null, roster: rows, preview };
  }, request);
}

export const meta = titleMeta('volunteers:title');

export default function Volunteers() {
  const { t } = useTranslation('volunteers');
  const workspace = useWorkspace();
  const { roster, preview, directory } = useLoaderData<typeof loader>();
  const rowLink = usePersonRowLink('volunteers', 'name');
  if (directory || !roster) return <Directory people={directory ?? []} />;
  const hint = {
    title: t('hintTitle'),
    body: (
      <>
        <p>{t('intro', { workspace: workspace.name })}</p>
        <p>{t('recordCheckHint')}</p>
      </>
    ),
  };
  return (
    <RosterPage
      roster={volunteers}
      data={roster}
      preview={preview}
      lead="lead"
      hint={hint}
      rowLink={rowLink}
      tools={<ErasedNotice />}
    />
  );
}

/** What a peer sees: the active volunteers' contact details, nothing more. */
function Directory({ people }: { people: { id: string; name: string; email: string | null; phone: string | null }[] }) {
  const { t } = useTranslation('volunteers');
  const workspace = useWorkspace();
  return (
    <div className="page">
      <h1>{t('directory.title')}</h1>
      <p className="muted">{t('directory.intro', { workspace: workspace.name })}</p>
      {people.length === 0 ? (
        <p>{t('directory.none')}</p>
      ) : (
        <table className="table">
          <thead>
            <tr>
              <th scope="col">{t('columns.name')}</th>
              <th scope="col">{t('columns.email')}</th>
              <th scope="col">{t('columns.phone')}</th>
            </tr>
          </thead>
          <tbody>
            {people.map((p) => (
              <tr key={p.id}>
                <td>{p.name}</td>
                <td>{p.email ? <a href={`mailto:${p.email}`}>{p.email}</a> : null}</td>
                <td>{p.phone}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
