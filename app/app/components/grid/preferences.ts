import type { ColumnState, FilterModel, GridApi } from 'ag-grid-community';
import { useCallback, useEffect, useRef } from 'react';
import type { trpc } from '../../lib/trpc.client.ts';

/** What is remembered per user and grid: column order, widths, visibility, sort, and column filters. */
type Layout = { columns?: ColumnState[]; filters?: FilterModel };
type SavedState = Parameters<typeof trpc.preferences.save.mutate>[0]['state'];

const SAVE_DELAY_MS = 800;

const isLayout = (value: unknown): value is Layout =>
  typeof value === 'object' && value !== null && !Array.isArray(value);
const layoutOf = (api: GridApi): Layout => ({ columns: api.getColumnState(), filters: api.getFilterModel() });

/**
 * Restores the user's layout when the grid is ready and saves it, debounced, whenever it
 * changes. A preference that cannot be loaded or saved is not worth an error message: the
 * grid simply opens with the default layout.
 */
export function useGridPreferences(tenant: string, grid: string) {
  const lastSaved = useRef<string | null>(null);
  const timer = useRef<ReturnType<typeof setTimeout> | undefined>(undefined);
  const pending = useRef<(() => void) | null>(null);

  const restore = useCallback(
    async (api: GridApi) => {
      try {
        // Read through a resource route: the tRPC client is not loaded until something is saved.
        const response = await fetch(`/w/${encodeURIComponent(tenant)}/grid-layout/${encodeURIComponent(grid)}`, {
          headers: { accept: 'application/json' },
        });
        const state: unknown = response.ok ? await response.json() : null;
        if (api.isDestroyed()) return;
        if (isLayout(state) && Array.isArray(state.columns))
          api.applyColumnState({ state: state.columns, applyOrder: true });
        if (isLayout(state) && isLayout(state.filters)) api.setFilterModel(state.filters);
      } catch {
        // No saved layout then; the default one will do.
      }
      // From here on changes are saved; the events the restore itself fired must not save the
      // same layout straight back.
      if (!api.isDestroyed()) lastSaved.current = JSON.stringify(layoutOf(api));
    },
    [tenant, grid],
  );

  const changed = useCallback(
    (api: GridApi) => {
      // Nothing to save until the saved layout has been applied, or it would be overwritten.
      if (lastSaved.current === null) return;
      clearTimeout(timer.current);
      const save = () => {
        pending.current = null;
        if (api.isDestroyed()) return;
        const json = JSON.stringify(layoutOf(api));
        if (json === lastSaved.current) return;
        lastSaved.current = json;
        import('../../lib/trpc.client.ts')
          .then(({ trpc }) => trpc.preferences.save.mutate({ tenant, grid, state: JSON.parse(json) as SavedState }))
          .catch(() => undefined);
      };
      pending.current = save;
      timer.current = setTimeout(save, SAVE_DELAY_MS);
    },
    [tenant, grid],
  );

  // A change made just before leaving the page is still saved.
  useEffect(
    () => () => {
      clearTimeout(timer.current);
      pending.current?.();
    },
    [],
  );

  return { restore, changed };
}
