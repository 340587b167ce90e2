import { createGrid, type GridApi, type GridOptions } from 'ag-grid-community';
import { useEffect, useLayoutEffect, useRef } from 'react';

/** Rows AG Grid gets before the first paint: a screenful and then some (docs/decisions/017). */
export const FIRST_ROWS = 60;

const isHandler = (key: string) => /^on[A-Z]/.test(key);

/**
 * AG Grid drawn by its own DOM renderer (`createGrid`) in a React-owned element, instead of
 * through `ag-grid-react` (~8 KB gzipped less JavaScript, and one React pass less before the
 * first row). Options that change between renders are handed to `updateGridOptions`; event
 * handlers always call the latest function passed, as ag-grid-react's do.
 *
 * Rows: AG Grid builds a row node for every row it is given before it draws any, ~0.3 s for
 * 10,000. So it gets the first `FIRST_ROWS` rows at creation, and after the first paint the rest
 * of `rows()`, read again then so that anything added or changed meanwhile is current, in one
 * transaction; `onAllRows` says when they are all in. Sorting, the search and filters apply to
 * the added rows like to the first ones.
 */
export function GridView<Row extends { id: string }>({
  options,
  rows,
  onAllRows,
  className,
}: {
  /** Everything but `rowData`; a changed value is applied, a changed handler simply used. */
  options: GridOptions<Row>;
  rows: () => readonly Row[];
  onAllRows?: () => void;
  className?: string;
}) {
  const elementRef = useRef<HTMLDivElement>(null);
  const apiRef = useRef<GridApi<Row> | null>(null);
  const latest = useRef(options);
  latest.current = options;
  const applied = useRef<GridOptions<Row>>({});
  const rowsRef = useRef(rows);
  rowsRef.current = rows;
  const onAllRowsRef = useRef(onAllRows);
  onAllRowsRef.current = onAllRows;

  // Created before the browser paints: the first-rows preview this replaces (grid-preview.tsx)
  // is gone in the same frame in which the grid's rows appear, so nothing blinks in between,
  // and the two are never in the page at once.
  useLayoutEffect(() => {
    const element = elementRef.current;
    if (!element) return;
    const initial: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(latest.current)) {
      initial[key] = isHandler(key)
        ? (event: unknown) =>
            (latest.current[key as keyof GridOptions<Row>] as ((e: unknown) => void) | undefined)?.(event)
        : value;
    }
    applied.current = latest.current;
    const all = rowsRef.current();
    const api = createGrid(element, { ...(initial as GridOptions<Row>), rowData: all.slice(0, FIRST_ROWS) });
    apiRef.current = api;

    // The rest once the browser has drawn the first rows (a frame), and after the tasks queued
    // for that moment (two tasks on): adding 10,000 rows takes a while, the rows on screen need not wait.
    let timer: ReturnType<typeof setTimeout> | undefined;
    const addRest = () => {
      if (api.isDestroyed()) return;
      const rest = rowsRef.current().filter((row) => !api.getRowNode(row.id));
      if (rest.length) api.applyTransaction({ add: [...rest] });
      onAllRowsRef.current?.();
    };
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => (timer = setTimeout(addRest, 0)), 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(timer);
      apiRef.current = null;
      api.destroy();
    };
  }, []);

  // Options that changed since the last render (handlers excepted: they are always the latest).
  useEffect(() => {
    const api = apiRef.current;
    if (!api) return;
    const changed: Record<string, unknown> = {};
    for (const [key, value] of Object.entries(options)) {
      if (!isHandler(key) && applied.current[key as keyof GridOptions<Row>] !== value) changed[key] = value;
    }
    applied.current = options;
    if (Object.keys(changed).length) api.updateGridOptions(changed as GridOptions<Row>);
  });

  return <div ref={elementRef} className={className} />;
}
