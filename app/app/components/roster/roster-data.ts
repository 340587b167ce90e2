import type { LookupOption, RosterAccess } from '@brobygger/api';
import type { GridRow } from '../grid/types.ts';
import { toJsonRows, type JsonRows } from '../../lib/json-rows.ts';

/**
 * What a roster's `list` procedure returns, as a loader hands it to the page: the rows as one
 * JSON string (see json-rows.ts: 10,000 rows reach the grid without turbo-stream's per-value cost).
 */
export type RosterData = {
  rows: JsonRows<GridRow>;
  lookups: Record<string, LookupOption[]>;
  access: RosterAccess;
  /** The fields the caller is shown: the grid's columns (decision 015: viewers see fewer). */
  fields: string[];
};

/** In a loader: a `list` result made ready for the page. */
export const toRosterData = <Row extends GridRow>({
  rows,
  ...rest
}: {
  rows: readonly Row[];
  lookups: Record<string, LookupOption[]>;
  access: RosterAccess;
  fields: string[];
}): RosterData => ({ ...rest, rows: toJsonRows<GridRow>(rows) });
