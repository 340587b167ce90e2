import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import {
  NEW_VOLUNTEER,
  PEER_EDUCATION,
  RECRUITED_VIA,
  SHORT_COURSES,
  VOLUNTEER_STATUSES,
  ZVolunteerFields,
  type VolunteerFields,
  type VolunteerRow,
} from '@brobygger/api/rosters';
import { useTranslation } from 'react-i18next';
import { GeneralErrorBoundary } from '../components/error-boundary.tsx';
import { EditableGrid } from '../components/grid/editable-grid.tsx';
import type { GridColumn, SaveBatch } from '../components/grid/types.ts';
import { load, requireCaller } from '../lib/api.server.ts';
import { toJsonRows, useJsonRows } from '../lib/json-rows.ts';
import { titleMeta } from '../lib/meta.ts';
import { trpc } from '../lib/trpc.client.ts';
import { useWorkspace } from './w.$tenant.tsx';

export async function loader({ request, context, params }: LoaderFunctionArgs) {
  const { api } = await requireCaller(request, context);
  const { rows, ...rest } = await load(() => api.volunteers.list({ tenant: params.tenant ?? '' }));
  return { ...rest, rows: toJsonRows(rows) };
}

export const meta = titleMeta('volunteers:title');

const COLUMNS: readonly GridColumn<VolunteerFields>[] = [
  { field: 'name', header: 'volunteers:columns.name', type: 'text', pinned: true, width: 200 },
  { field: 'email', header: 'volunteers:columns.email', type: 'text', width: 220 },
  { field: 'phone', header: 'volunteers:columns.phone', type: 'text', width: 130 },
  {
    field: 'status',
    header: 'volunteers:columns.status',
    type: 'select',
    options: VOLUNTEER_STATUSES,
    optionLabels: 'volunteers:status',
  },
  { field: 'statusChangedOn', header: 'volunteers:columns.statusChangedOn', type: 'date' },
  { field: 'startDate', header: 'volunteers:columns.startDate', type: 'date' },
  {
    field: 'recruitedVia',
    header: 'volunteers:columns.recruitedVia',
    type: 'select',
    options: RECRUITED_VIA,
    optionLabels: 'volunteers:recruitedVia',
    nullable: true,
  },
  { field: 'intakeOn', header: 'volunteers:columns.intakeOn', type: 'date', width: 160 },
  { field: 'confidentialitySignedOn', header: 'volunteers:columns.confidentialitySignedOn', type: 'date', width: 190 },
  { field: 'recordCheckOn', header: 'volunteers:columns.recordCheckOn', type: 'date', width: 180 },
  { field: 'recordCheckOk', header: 'volunteers:columns.recordCheckOk', type: 'checkbox', nullable: true },
  { field: 'meetsChildrenUnder15', header: 'volunteers:columns.meetsChildrenUnder15', type: 'checkbox', width: 170 },
  {
    field: 'peerEducation',
    header: 'volunteers:columns.peerEducation',
    type: 'select',
    options: PEER_EDUCATION,
    optionLabels: 'volunteers:peerEducation',
  },
  { field: 'peerEducationProvider', header: 'volunteers:columns.peerEducationProvider', type: 'text' },
  {
    field: 'shortCourses',
    header: 'volunteers:columns.shortCourses',
    type: 'multiselect',
    options: SHORT_COURSES,
    optionLabels: 'volunteers:shortCourses',
  },
  { field: 'note', header: 'volunteers:columns.note', type: 'text', width: 260 },
];

const newVolunteer = () => NEW_VOLUNTEER;

export default function Volunteers() {
  const { t } = useTranslation('volunteers');
  const workspace = useWorkspace();
  const { rows: jsonRows, directory, canEdit } = useLoaderData<typeof loader>();
  const rows = useJsonRows(jsonRows);
  const save = (batch: SaveBatch<VolunteerRow>) => trpc.volunteers.save.mutate({ tenant: workspace.slug, ...batch });

  if (directory) return <Directory people={directory} />;
  return (
    <div className="page page-wide">
      <h1 id="volunteers-title">{t('title')}</h1>
      <p className="muted">{t('intro', { workspace: workspace.name })}</p>
      <p className="hint">{t('recordCheckHint')}</p>
      <EditableGrid
        gridId="volunteers"
        tenant={workspace.slug}
        labelledBy="volunteers-title"
        columns={COLUMNS}
        schema={ZVolunteerFields}
        newRow={newVolunteer}
        labelField="name"
        rows={rows}
        canEdit={canEdit}
        save={save}
        exportFileName={t('exportFile')}
        importKeys={['email', 'name']}
      />
    </div>
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
