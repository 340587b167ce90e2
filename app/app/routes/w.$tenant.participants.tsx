import type { LoaderFunctionArgs } from '@remix-run/node';
import { useLoaderData } from '@remix-run/react';
import {
  NEW_PARTICIPANT,
  PARTICIPANT_STATUSES,
  REFERRED_BY,
  ZParticipantFields,
  type ParticipantFields,
  type ParticipantRow,
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
  const { rows, ...rest } = await load(() => api.participants.list({ tenant: params.tenant ?? '' }));
  return { ...rest, rows: toJsonRows(rows) };
}

export const meta = titleMeta('participants:title');

const COLUMNS: readonly GridColumn<ParticipantFields>[] = [
  { field: 'firstName', header: 'participants:columns.firstName', type: 'text', pinned: true, width: 200 },
  { field: 'birthYear', header: 'participants:columns.birthYear', type: 'number' },
  { field: 'contact', header: 'participants:columns.contact', type: 'text', width: 220 },
  {
    field: 'referredBy',
    header: 'participants:columns.referredBy',
    type: 'select',
    options: REFERRED_BY,
    optionLabels: 'participants:referredBy',
    nullable: true,
  },
  { field: 'consentOn', header: 'participants:columns.consentOn', type: 'date', width: 150 },
  {
    field: 'status',
    header: 'participants:columns.status',
    type: 'select',
    options: PARTICIPANT_STATUSES,
    optionLabels: 'participants:status',
  },
  { field: 'note', header: 'participants:columns.note', type: 'text', width: 300 },
];

const newParticipant = () => NEW_PARTICIPANT;

export default function Participants() {
  const { t } = useTranslation('participants');
  const workspace = useWorkspace();
  const { rows: jsonRows, canEdit } = useLoaderData<typeof loader>();
  const rows = useJsonRows(jsonRows);
  const save = (batch: SaveBatch<ParticipantRow>) =>
    trpc.participants.save.mutate({ tenant: workspace.slug, ...batch });

  return (
    <div className="page page-wide">
      <h1 id="participants-title">{t('title')}</h1>
      <p className="muted">{t('intro', { workspace: workspace.name })}</p>
      <p className="hint">{t('privacy')}</p>
      <EditableGrid
        gridId="participants"
        tenant={workspace.slug}
        labelledBy="participants-title"
        columns={COLUMNS}
        schema={ZParticipantFields}
        newRow={newParticipant}
        labelField="firstName"
        rows={rows}
        canEdit={canEdit}
        save={save}
        exportFileName={t('exportFile')}
      />
    </div>
  );
}

export const ErrorBoundary = GeneralErrorBoundary;
