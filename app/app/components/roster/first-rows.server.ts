import { gridIdOf } from '@brobygger/api/rosters';
import { load } from '../../lib/api.server.ts';
import { FIRST_ROWS } from '../grid/grid-view.tsx';
import { toRosterData, type RosterData } from './roster-data.ts';

type ListResult = Parameters<typeof toRosterData>[0];

/**
 * A roster page's rows in two parts (docs/decisions/017): its first screenful, awaited, so that
 * it is drawn with the page's first bytes, and the whole list as a promise the page streams in.
 * Both are the same `list` procedure under the caller's RLS; the first is only limited. An error
 * of the first (a workspace or roster the caller may not see) answers as the loader's own.
 *
 * No preview for a caller with a saved layout: the grid applies it only after it has been
 * created, and a preview that followed it (or did not) would be a different table for a moment.
 */
export async function firstRowsThenAll({
  tenant,
  roster,
  list,
  savedLayout,
  request,
}: {
  tenant: string;
  roster: string;
  list: (input: { tenant: string; limit?: number }) => Promise<ListResult>;
  savedLayout: (input: { tenant: string; grid: string }) => Promise<unknown>;
  /** The loader's request: a session found ended sends the user to sign-in and back. */
  request: Request;
}): Promise<{ preview: RosterData | null; rows: Promise<RosterData> }> {
  const [first, layout] = await Promise.all([
    load(() => list({ tenant, limit: FIRST_ROWS }), request),
    // A layout that cannot be read is not applied by the grid either.
    savedLayout({ tenant, grid: gridIdOf(roster) }).catch(() => null),
  ]);
  return {
    preview: layout == null ? toRosterData(first) : null,
    // Started only now, so that the first rows' page is rendered before this list is read.
    rows: load(() => list({ tenant }), request).then(toRosterData),
  };
}
