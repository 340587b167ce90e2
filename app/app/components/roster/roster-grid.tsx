import { gridIdOf, type DerivedRoster } from '@brobygger/api/rosters';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { EditableGrid } from '../grid/editable-grid.tsx';
import type { RowLink } from '../grid/row-link.tsx';
import type { GridRow, SaveBatch, SaveResult } from '../grid/types.ts';
import { saveRoster } from './roster-client.ts';
import { gridColumnsOf } from './grid-columns.ts';
import type { RosterData } from './roster-data.ts';
import { useJsonRows } from '../../lib/json-rows.ts';
import { useLookupPages } from '../programmes/lookup-pages.ts';

export type { RosterData };

/**
 * One roster in the shared grid, configured from its definition alone: columns, schema,
 * defaults, import keys and the save call. A child roster passes its parent's id.
 */
export function RosterGrid({
  roster,
  data,
  tenant,
  parent,
  labelledBy,
  gridId,
  rowLink,
  firstRowsPreview,
  partialRows,
}: {
  roster: DerivedRoster;
  data: RosterData;
  tenant: string;
  parent?: string;
  labelledBy: string;
  /** Names the saved layout; by default the roster's name. */
  gridId?: string;
  rowLink?: RowLink;
  /** See EditableGrid: the first rows drawn as a table until the grid exists. */
  firstRowsPreview?: boolean;
  /** See EditableGrid: `data` holds only the first rows of a list still on its way. */
  partialRows?: boolean;
}) {
  const { t } = useTranslation();
  const { definition } = roster;
  const rows = useJsonRows(data.rows);
  const pageOf = useLookupPages(tenant);
  const columns = useMemo(
    () => gridColumnsOf(definition, data.lookups, data.fields, data.access.readOnly, pageOf),
    [definition, data.lookups, data.fields, data.access.readOnly, pageOf],
  );
  const save = (batch: SaveBatch<GridRow>) =>
    saveRoster(definition.name, { tenant, parent, ...batch }) as Promise<SaveResult<GridRow>>;
  return (
    <EditableGrid
      gridId={gridId ?? gridIdOf(definition.name)}
      tenant={tenant}
      labelledBy={labelledBy}
      columns={columns}
      schema={roster.fieldsSchema}
      newRow={roster.newRow}
      labelField={definition.labelField}
      rows={rows}
      canEdit={data.access.edit}
      canAdd={data.access.add}
      canDelete={data.access.delete}
      save={save}
      exportFileName={t(`${definition.namespace}:exportFile`)}
      importKeys={definition.importKeys ?? []}
      rowLink={rowLink}
      firstRowsPreview={firstRowsPreview}
      partialRows={partialRows}
    />
  );
}
