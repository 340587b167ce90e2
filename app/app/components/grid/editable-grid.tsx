import { ImportButton } from './import-export/import-button.tsx';
import { csvBlob, csvText } from './import-export/export-csv.ts';
import { displayedOf, downloadBlob, exportXlsx } from './import-export/export-xlsx.ts';
import type {
  CellEditRequestEvent,
  ColumnResizedEvent,
  GridApi,
  GetRowIdParams,
  GridOptions,
  GridReadyEvent,
  ModelUpdatedEvent,
  RowClassRules,
  RowSelectionOptions,
  SelectionChangedEvent,
  SelectionColumnDef,
} from 'ag-grid-community';
import { useNavigate } from '@remix-run/react';
import {
  lazy,
  Suspense,
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
} from 'react';
import type { TFunction } from 'i18next';
import { useTranslation } from 'react-i18next';
import { useGridReadOnlyNotice } from '../workspace/read-only-notice.ts';
import { useLocale } from '../../lib/i18n.tsx';
import { gridLocaleText, gridTheme } from './ag-grid.ts';
import { parseTsv } from './clipboard.ts';
import { buildColumnDefs, type CellStatus } from './columns.ts';
import { onlyWritable, planClear, planFillDown, planPaste } from './commands.ts';
import { BatchIds } from './batch-ids.ts';
import { newRowId } from './ids.ts';
import { shortcutOf } from './keyboard.ts';
import { focusCell, focusedCell, redrawRows, selectedIds, viewOf } from './grid-api.ts';
import { FIRST_ROWS, GridView } from './grid-view.tsx';
import { GridPreview } from './grid-preview.tsx';
import { useGridPreferences } from './preferences.ts';
import { nameUnnamedEditors } from './editor-names.ts';
import { firstProblem, ProblemDescriptions } from './problems.tsx';
import { EditSession, type ChangeIntent, type ConflictChoice, type GridDelta } from './session.ts';
import { FirstProblemLink, GridHelp, GridToolbar } from './toolbar.tsx';
import type { GridColumn, GridRow, RowMeta, SaveBatch, SaveResult } from './types.ts';
import { rowLinkColumn, withRowLinkIn, type RowLink } from './row-link.tsx';
import { useLeaveGuard } from './use-leave-guard.ts';
import { problemsOf, RowValidator, type Problem, type RowSchema } from './validation.ts';
import { problemText, type ValueContext } from './values.ts';
import './grid.css';

type Column = GridColumn<Record<string, unknown>>;

// Needed only once a cell is bad or a save met someone else's changes: loaded then, not with
// the page (the volunteers page's JavaScript budget, docs/decisions/017).
const ConflictPanel = lazy(() => import('./conflicts.tsx').then((m) => ({ default: m.ConflictPanel })));
const ProblemList = lazy(() => import('./problem-list.tsx').then((m) => ({ default: m.ProblemList })));

export type EditableGridProps<Fields extends Record<string, unknown>> = {
  /** Names the grid for the user's saved layout, e.g. `volunteers`. */
  gridId: string;
  tenant: string;
  /** id of the page heading; it names the grid region for screen readers. */
  labelledBy: string;
  columns: readonly GridColumn<Fields>[];
  /** The shared zod schema of the editable fields, the one the server validates with. */
  schema: RowSchema;
  /** The defaults of a new row. */
  newRow: () => Fields;
  /** The field that names a row in messages ("Anna Jensen, E-mail: …"). */
  labelField: Extract<keyof Fields, string>;
  rows: readonly (Fields & RowMeta)[];
  canEdit: boolean;
  /** Whether rows may be added and deleted; by default as `canEdit` (per-row rights allow neither). */
  canAdd?: boolean;
  canDelete?: boolean;
  /** One call per Save; applied all-or-nothing by the server. */
  save: (batch: SaveBatch<Fields & RowMeta>) => Promise<SaveResult<Fields & RowMeta>>;
  /** CSV file name, without extension. */
  exportFileName: string;
  /** Fields an import may match existing rows on (e.g. e-mail); none means every row is new. */
  importKeys?: readonly Extract<keyof Fields, string>[];
  /** A link from each saved row to its page, in a pinned first column. */
  rowLink?: RowLink;
  /**
   * Draw the first rows as a read-only table until AG Grid has been created, instead of a
   * loading text: with the page's first bytes when the server renders it (docs/decisions/017).
   */
  firstRowsPreview?: boolean;
  /**
   * `rows` are only the first rows of a list still on its way: they are shown as the preview,
   * the grid is not created, and nothing can be done until the page has the whole list.
   */
  partialRows?: boolean;
};

/** AG Grid measures the DOM, so it renders in the browser only; the server sends a placeholder. */
function useHydrated() {
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  return hydrated;
}

// Module constants: AG Grid treats a new function or object on each render as a changed option.
const rowIdOf = (p: GetRowIdParams<GridRow>) => p.data.id;
const SELECTION_COLUMN: SelectionColumnDef = { pinned: 'left' };

/** "340 rækker", or "12 af 340 rækker" while the search or a column filter hides some. */
const rowCountText = (t: TFunction, shown: number | null, total: number) =>
  shown === null || shown >= total ? t('rowCount', { count: total }) : t('rowCountFiltered', { shown, count: total });

const errorKeyOf = (error: unknown) =>
  error instanceof Error && error.message.startsWith('errors:') ? error.message : 'errors:save_failed';

/**
 * The one spreadsheet-like grid of the app. Pages hand it columns, a schema, defaults, rows and a
 * save function; everything about editing lives here: typed editors, paste from Excel, fill down,
 * undo/redo, per-cell validation, one all-or-nothing save, conflicts with both values, a warning
 * before unsaved edits are lost, sorting, filtering, a remembered layout and CSV export.
 *
 * The grid's data is owned by an EditSession, not by AG Grid: AG Grid runs with `readOnlyEdit`,
 * reports each edit, and is then told what changed through transactions.
 */
export function EditableGrid<Fields extends Record<string, unknown>>(props: EditableGridProps<Fields>) {
  // Another workspace is another set of rows: a fresh session, not the previous one's edits.
  return <GridBody key={`${props.tenant}/${props.gridId}`} {...props} />;
}

function GridBody<Fields extends Record<string, unknown>>(props: EditableGridProps<Fields>) {
  const { gridId, tenant, labelledBy, schema, newRow, labelField, canEdit, save, exportFileName } = props;
  const canAdd = props.canAdd ?? canEdit;
  const canDelete = props.canDelete ?? canEdit;
  const columns = props.columns as readonly Column[];
  const { t } = useTranslation('grid');
  const readOnlyNotice = useGridReadOnlyNotice();
  const locale = useLocale();
  const ctx = useMemo<ValueContext>(() => ({ t, locale }), [t, locale]);
  const hydrated = useHydrated();
  const hintId = useId();
  const searchId = useId();
  const problemIdPrefix = useId();

  // Loader data seeds the session once; later revalidations must not throw away edits.
  const [session] = useState(() => new EditSession(props.rows as readonly GridRow[]));
  const validator = useMemo(() => new RowValidator(schema), [schema]);
  const [, setRevision] = useState(0);
  const apiRef = useRef<GridApi<GridRow> | null>(null);
  const savingRef = useRef(false);
  const [batchIds] = useState(() => new BatchIds());
  const [saving, setSaving] = useState(false);
  const [selectedCount, setSelectedCount] = useState(0);
  const [quickFilter, setQuickFilter] = useState('');
  // Rows left after the search and the column filters; null until AG Grid has counted them.
  const [shownCount, setShownCount] = useState<number | null>(null);
  // AG Grid gets the first screenful of rows, the rest after the first paint (grid-view.tsx);
  // until then its counts are of those rows only, and exports would miss the rest.
  // The grid is re-created (with its rows) for another language, so this is per language.
  const [rowsInFor, setRowsInFor] = useState<string | null>(null);
  const allRowsIn = rowsInFor === locale;
  const { partialRows = false } = props;
  // Until AG Grid has every row, the toolbar waits: an edit, a search or an export made on the
  // first rows alone would be lost or wrong when the rest arrives.
  const ready = hydrated && allRowsIn && !partialRows;
  const [announcement, setAnnouncement] = useState('');
  const [outcome, setOutcome] = useState<{ kind: 'ok' | 'error'; text: string } | null>(null);
  const preferences = useGridPreferences(tenant, gridId);

  // ---- what each cell shows about itself --------------------------------------------------

  const errorOf = useCallback(
    (id: string, field: string) => {
      const server = session.serverErrors.get(id)?.get(field);
      if (server) return server;
      const row = session.row(id);
      // Only rows that Save would send are checked: an untouched row is not the user's problem now.
      if (!row || session.isDeleted(id) || !session.isChanged(id)) return undefined;
      return validator.errorsOf(row).get(field);
    },
    [session, validator],
  );

  // Ids are per grid (useId) so that two grids on a page never share one.
  const problemIdOf = useCallback(
    (id: string, field: string) => (errorOf(id, field) ? `${problemIdPrefix}-${id}-${field}` : undefined),
    [errorOf, problemIdPrefix],
  );

  const status = useMemo<CellStatus>(
    () => ({
      editable: () => canEdit && !savingRef.current,
      errorOf,
      problemIdOf,
      isDirty: (id, field) => session.isDirty(id, field),
      conflictOf: (id, field) => {
        const server = session.conflicts.get(id);
        return server && session.conflictFields(id).includes(field) ? { theirs: server[field] } : undefined;
      },
    }),
    [canEdit, errorOf, problemIdOf, session],
  );

  const { rowLink } = props;
  const navigate = useNavigate();
  const columnDefs = useMemo(() => {
    const isSaved = (id: string) => !session.isNew(id);
    if (!rowLink) return buildColumnDefs(columns, ctx, status, navigate);
    if (!rowLink.field)
      return [rowLinkColumn(rowLink, isSaved, navigate), ...buildColumnDefs(columns, ctx, status, navigate)];
    return buildColumnDefs(withRowLinkIn(columns, rowLink, isSaved), ctx, status, navigate);
  }, [columns, ctx, status, rowLink, session, navigate]);

  const rowClassRules = useMemo<RowClassRules<GridRow>>(
    () => ({
      'row-new': (p) => !!p.data && session.isNew(p.data.id),
      'row-conflict': (p) => !!p.data && session.conflicts.has(p.data.id),
      'row-readonly': (p) => p.data?.editable === false,
    }),
    [session],
  );

  const rowSelection = useMemo<RowSelectionOptions<GridRow> | undefined>(
    () =>
      canEdit ? { mode: 'multiRow', checkboxes: true, headerCheckbox: true, enableClickSelection: false } : undefined,
    [canEdit],
  );

  // The grid is re-created when the language changes (AG Grid reads its texts once), starting
  // from the session's rows at that moment, edits included.
  const localeText = useMemo(() => gridLocaleText(locale, t), [locale, t]);

  // ---- applying changes -------------------------------------------------------------------

  const apply = useCallback(
    (delta: GridDelta | null) => {
      const api = apiRef.current;
      if (api && delta && (delta.add.length || delta.update.length || delta.remove.length)) api.applyTransaction(delta);
      setRevision(session.revision);
    },
    [session],
  );

  const announce = (text: string) => setAnnouncement(text);

  const exportExcel = async () => {
    if (!apiRef.current) return;
    try {
      await exportXlsx({ ...displayedOf(apiRef.current, columns), ctx, fileName: exportFileName });
    } catch {
      announce(t('import:export.failed'));
    }
  };

  const makeRow = (): GridRow => ({ ...newRow(), id: newRowId(), version: null });

  /** Commits a planned step without the cells that may not be written (computed, read-only rows). */
  const commitWritable = (intent: ChangeIntent) =>
    session.commit(onlyWritable(intent, columns, (id) => session.row(id)));

  const editingAllowed = () => canEdit && !savingRef.current && !!apiRef.current;

  const undo = () => {
    const delta = session.undo();
    if (delta) announce(t('announce.undone'));
    apply(delta);
  };

  const redo = () => {
    const delta = session.redo();
    if (delta) announce(t('announce.redone'));
    apply(delta);
  };

  const fillDown = (api: GridApi<GridRow>) => {
    const at = focusedCell(api);
    if (!at) return;
    const delta = commitWritable(planFillDown(viewOf(api, columns), at, selectedIds(api), session));
    announce(t('announce.filled', { count: delta.update.length }));
    apply(delta);
  };

  const clear = (api: GridApi<GridRow>) => {
    const at = focusedCell(api);
    if (!at) return;
    const delta = commitWritable(planClear(viewOf(api, columns), at, selectedIds(api), ctx));
    if (delta.update.length) announce(t('announce.cleared', { count: delta.update.length }));
    apply(delta);
  };

  const addRow = () => {
    const api = apiRef.current;
    if (!api || !editingAllowed() || !canAdd) return;
    const row = makeRow();
    apply(session.commit({ added: [row] }));
    announce(t('announce.added'));
    // Straight to the new row's first cell, so the keyboard can carry on typing.
    const first = viewOf(api, columns).columns[0];
    if (first) focusCell(api, row.id, first.field);
  };

  const deleteSelected = () => {
    const api = apiRef.current;
    if (!api || !editingAllowed() || !canDelete) return;
    const doomed = [...selectedIds(api)];
    if (doomed.length === 0 || !window.confirm(t('deleteConfirm', { count: doomed.length }))) return;
    apply(session.commit({ deleted: doomed }));
    announce(t('announce.deleted', { count: doomed.length }));
  };

  // ---- keyboard and clipboard -------------------------------------------------------------

  /**
   * Spreadsheet shortcuts on a focused cell, caught before AG Grid sees them. Inside an open
   * editor, a filter or the search box the keys keep their usual meaning (text undo, etc.).
   */
  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    const api = apiRef.current;
    const target = event.target as HTMLElement;
    // Ctrl+Enter follows a cell's link (a person's page): the keyboard's way to the arrow after
    // the text, for readers as well as editors.
    if (event.key === 'Enter' && (event.ctrlKey || event.metaKey) && !target.closest('input, textarea, select')) {
      const link = target.closest('.ag-cell')?.querySelector<HTMLAnchorElement>('a.grid-cell-link[href]');
      if (link) {
        event.preventDefault();
        event.stopPropagation();
        link.click();
        return;
      }
    }
    if (!api || !editingAllowed() || !target.closest('.ag-cell') || target.closest('input, textarea, select')) return;
    if (api.getEditingCells().length > 0) return;
    const shortcut = shortcutOf(event);
    // Save is the page's shortcut, handled on the window.
    if (!shortcut || shortcut === 'save') return;
    event.preventDefault();
    event.stopPropagation();
    if (shortcut === 'undo') undo();
    else if (shortcut === 'redo') redo();
    else if (shortcut === 'fillDown') fillDown(api);
    else clear(api);
  };

  /** A block from Excel or Google Sheets, laid down from the focused cell. */
  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    const api = apiRef.current;
    const target = event.target as HTMLElement;
    if (!api || !editingAllowed() || target.closest('input, textarea, select') || api.getEditingCells().length > 0)
      return;
    const at = focusedCell(api);
    const text = event.clipboardData.getData('text/plain');
    if (!at || !text) return;
    event.preventDefault();
    const block = parseTsv(text);
    const delta = commitWritable(planPaste(block, at, viewOf(api, columns), ctx, canAdd ? makeRow : null));
    if (delta.add.length || delta.update.length) announce(t('announce.pasted', { count: block.length }));
    apply(delta);
  };

  const onCellEditRequest = (event: CellEditRequestEvent<GridRow>) => {
    const field = event.colDef.field;
    if (!field || !event.data || !editingAllowed()) return;
    apply(session.commit({ cells: [{ id: event.data.id, field, value: event.newValue }] }));
  };

  // ---- saving -----------------------------------------------------------------------------

  const pending = session.pending();
  const { problems, blocking: invalidCount } = problemsOf(pending.upserts, session.serverErrors, validator);
  const added = pending.upserts.filter((r) => r.version === null).length;
  const changeCount = pending.upserts.length + pending.deletes.length;
  const blockedReasonOf = (invalid: number) =>
    invalid > 0 ? t('blocked.invalid', { count: invalid }) : session.conflicts.size > 0 ? t('blocked.conflicts') : null;
  const blockedReason = blockedReasonOf(invalidCount);

  useLeaveGuard(canEdit && changeCount > 0, t('leaveConfirm'));

  const onSave = async () => {
    // An open editor's text is an edit too: committing it first also makes Ctrl+S in a cell save it.
    const api = apiRef.current;
    if (api && api.getEditingCells().length > 0) api.stopEditing();
    // AG Grid reports an edit (onCellEditRequest) from a timeout of its own, also one just ended
    // with Enter right before Ctrl+S; this one runs after it, so the edit is in the batch.
    await new Promise((resolve) => setTimeout(resolve, 0));
    const batch = session.pending();
    if (savingRef.current) return;
    const blocked = blockedReasonOf(problemsOf(batch.upserts, session.serverErrors, validator).blocking);
    if (blocked || batch.upserts.length + batch.deletes.length === 0) {
      // Only Ctrl+S gets here (the button is disabled then): say why nothing happened.
      announce(blocked ?? t('nothingToSave'));
      return;
    }
    // What is sent is what the schema made of each row (trimmed, blank as null), as the server will.
    const upserts: GridRow[] = [];
    for (const row of batch.upserts) {
      const { id, version, ...fields } = row;
      const parsed = schema.safeParse(fields);
      if (!parsed.success) return;
      upserts.push({ ...(parsed.data as Record<string, unknown>), id, version });
    }
    savingRef.current = true;
    setSaving(true);
    setOutcome(null);
    try {
      const result = (await batchIds.send(
        { upserts, deletes: batch.deletes } as SaveBatch<Fields & RowMeta>,
        save,
      )) as SaveResult<GridRow>;
      apply(session.applySaveResult(result));
      if (result.ok) {
        setOutcome({ kind: 'ok', text: t('saved', { count: upserts.length + batch.deletes.length }) });
      } else {
        if (apiRef.current)
          redrawRows(apiRef.current, [...result.conflicts.map((c) => c.id), ...result.errors.map((e) => e.id)]);
        setOutcome({
          kind: 'error',
          text: t(result.conflicts.length ? 'errors:save_conflict' : 'errors:save_invalid'),
        });
      }
    } catch (error) {
      setOutcome({ kind: 'error', text: t(errorKeyOf(error)) });
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  const resolve = (id: string, choice: ConflictChoice) => {
    apply(session.resolveConflict(id, choice));
    if (apiRef.current) redrawRows(apiRef.current, [id]);
  };

  const goTo = (id: string, field: string) => {
    if (apiRef.current) focusCell(apiRef.current, id, field);
  };

  const goToFirstProblem = () => {
    const first = apiRef.current ? firstProblem(problems, viewOf(apiRef.current, columns)) : problems[0];
    if (first) goTo(first.id, first.field);
  };

  // Ctrl+S (Cmd+S on a Mac) saves from anywhere on the page, a cell editor included, instead of
  // the browser offering to save the web page. The latest onSave is read through a ref, so the
  // listener is added once.
  const saveRef = useRef(onSave);
  saveRef.current = onSave;
  useEffect(() => {
    if (!canEdit) return;
    const onKeyDown = (event: globalThis.KeyboardEvent) => {
      if (shortcutOf(event) !== 'save') return;
      event.preventDefault();
      void saveRef.current();
    };
    window.addEventListener('keydown', onKeyDown, true);
    return () => window.removeEventListener('keydown', onKeyDown, true);
  }, [canEdit]);

  const labelOf = (id: string) => {
    const text = String(session.row(id)?.[labelField] ?? '').trim();
    return text || t(session.isNew(id) ? 'problems.newRow' : 'problems.unnamed');
  };

  // Every column in the page's order, the rows as filtered and sorted: what the CSV export has always given.
  const exportCsv = () => {
    const api = apiRef.current;
    if (!api) return;
    downloadBlob(csvBlob(csvText(columns, displayedOf(api, columns).rows, ctx)), `${exportFileName}.csv`);
  };

  // ---- layout preferences -----------------------------------------------------------------

  const onGridReady = (event: GridReadyEvent<GridRow>) => {
    apiRef.current = event.api;
    void preferences.restore(event.api);
  };
  const onLayoutChanged = (event: { api: GridApi<GridRow> }) => preferences.changed(event.api);
  const onColumnResized = (event: ColumnResizedEvent<GridRow>) => {
    if (event.finished) preferences.changed(event.api);
  };
  // After every search, filter, sort or transaction: how many rows are left to see.
  const onModelUpdated = (event: ModelUpdatedEvent<GridRow>) => setShownCount(event.api.getDisplayedRowCount());

  const gridOptions: GridOptions<GridRow> = {
    theme: gridTheme,
    localeText,
    columnDefs,
    getRowId: rowIdOf,
    readOnlyEdit: true,
    undoRedoCellEditing: false,
    stopEditingWhenCellsLoseFocus: true,
    // Nothing slides: the rows after the first screenful arrive without moving the ones shown.
    animateRows: false,
    rowSelection,
    selectionColumnDef: SELECTION_COLUMN,
    rowClassRules,
    quickFilterText: quickFilter,
    tooltipShowDelay: 300,
    onGridReady,
    onCellEditRequest,
    onCellEditingStarted: nameUnnamedEditors,
    onSelectionChanged: (e: SelectionChangedEvent<GridRow>) => setSelectedCount(e.api.getSelectedRows().length),
    onSortChanged: onLayoutChanged,
    onFilterChanged: onLayoutChanged,
    onColumnMoved: onLayoutChanged,
    onColumnVisible: onLayoutChanged,
    onColumnPinned: onLayoutChanged,
    onColumnResized,
    onModelUpdated,
  };

  // ---- rendering --------------------------------------------------------------------------

  return (
    <section className="grid-region" aria-labelledby={labelledBy} aria-busy={!ready}>
      <GridToolbar
        canEdit={canEdit}
        canAdd={canAdd}
        canDelete={canDelete}
        saving={saving}
        ready={ready}
        selectedCount={selectedCount}
        canUndo={session.canUndo}
        canRedo={session.canRedo}
        canSave={!blockedReason && changeCount > 0}
        saveHintId={blockedReason ? hintId : undefined}
        searchId={searchId}
        quickFilter={quickFilter}
        onQuickFilter={setQuickFilter}
        onAddRow={addRow}
        onDeleteRows={deleteSelected}
        onUndo={undo}
        onRedo={redo}
        onSave={() => void onSave()}
        onExport={exportCsv}
        onExportXlsx={() => void exportExcel()}
        importControl={
          canAdd ? (
            <ImportButton
              columns={columns}
              existingRows={() => session.visibleRows()}
              schema={schema as never}
              newRow={newRow as never}
              keyFields={props.importKeys ?? []}
              disabled={saving || !ready}
              onConfirm={(rows, intent, plan) => {
                apply(commitWritable(intent));
                // Rows with bad cells come in too; the grid marks them and Save waits for the fixes.
                const fixing = plan.counts.invalid
                  ? ` ${t('import:appliedFixing', { count: plan.counts.invalid })}`
                  : '';
                announce(`${t('import:applied', { count: rows.length })}${fixing}`);
              }}
            />
          ) : null
        }
      />

      <div className="grid-status">
        <span>
          {partialRows ? t('loading') : rowCountText(t, allRowsIn ? shownCount : null, session.visibleRows().length)}
        </span>
        {canEdit ? (
          <span>
            {t('pending', { count: changeCount })}
            {changeCount > 0
              ? ` ${t('pendingDetail', { added, changed: pending.upserts.length - added, deleted: pending.deletes.length })}`
              : ''}
          </span>
        ) : (
          <span>{readOnlyNotice}</span>
        )}
        {canEdit ? <GridHelp /> : null}
      </div>
      {canEdit && blockedReason ? (
        <div className="grid-message">
          <p id={hintId} className="grid-save-hint">
            {blockedReason}
          </p>
          {problems.length > 0 ? <FirstProblemLink onClick={goToFirstProblem} /> : null}
        </div>
      ) : null}
      {outcome ? (
        <div className="grid-message">
          <p
            role={outcome.kind === 'error' ? 'alert' : 'status'}
            className={outcome.kind === 'error' ? 'form-error' : 'form-success'}
          >
            {outcome.text}
          </p>
          {outcome.kind === 'error' && !blockedReason && problems.length > 0 ? (
            <FirstProblemLink onClick={goToFirstProblem} />
          ) : null}
        </div>
      ) : null}
      <p role="status" className="sr-only">
        {ready ? announcement : t('preview.loadingRest')}
      </p>
      <ProblemDescriptions
        problems={problems}
        idOf={problemIdOf}
        messageOf={(p: Problem) =>
          problemText(
            columns.find((c) => c.field === p.field),
            session.row(p.id)?.[p.field],
            errorOf(p.id, p.field) ?? p.message,
            ctx,
          )
        }
      />

      {/* Shortcuts and paste are caught here, around the grid, before AG Grid handles the keys. */}
      <div className="grid-frame" onKeyDownCapture={onKeyDownCapture} onPaste={onPaste}>
        {hydrated && !partialRows ? (
          <GridView<GridRow>
            key={locale}
            className="grid-view"
            options={gridOptions}
            rows={() => session.visibleRows()}
            onAllRows={() => setRowsInFor(locale)}
          />
        ) : props.firstRowsPreview || partialRows ? (
          <GridPreview
            columns={columns}
            rows={session.visibleRows().slice(0, FIRST_ROWS)}
            ctx={ctx}
            selectable={!!rowSelection}
            rowLink={rowLink}
            labelledBy={labelledBy}
          />
        ) : (
          <p className="muted">{t('loading')}</p>
        )}
      </div>

      <div className="grid-panels">
        {problems.length > 0 ? (
          <Suspense fallback={null}>
            <ProblemList
              problems={problems}
              columns={columns}
              labelOf={labelOf}
              valueOf={(id, field) => session.row(id)?.[field]}
              onGoTo={goTo}
            />
          </Suspense>
        ) : null}
        {session.conflicts.size > 0 ? (
          <Suspense fallback={null}>
            <ConflictPanel session={session} columns={columns} ctx={ctx} labelOf={labelOf} onResolve={resolve} />
          </Suspense>
        ) : null}
      </div>
    </section>
  );
}
