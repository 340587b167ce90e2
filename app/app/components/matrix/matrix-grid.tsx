import {
  ModuleRegistry,
  PinnedRowModule,
  type CellFocusedEvent,
  type GetRowIdParams,
  type GridApi,
  type GridReadyEvent,
} from 'ag-grid-community';
import { AgGridReact } from 'ag-grid-react';
import {
  useCallback,
  useEffect,
  useId,
  useMemo,
  useRef,
  useState,
  type ClipboardEvent,
  type KeyboardEvent,
} from 'react';
import { useTranslation } from 'react-i18next';
import { useGridReadOnlyNotice } from '../workspace/read-only-notice.ts';
import { useAllLanguages, useLocale } from '../../lib/i18n.tsx';
import { gridLocaleText, gridTheme } from '../grid/ag-grid.ts';
import { BatchIds } from '../grid/batch-ids.ts';
import { parseTsv } from '../grid/clipboard.ts';
import { SaveMessages, type SaveOutcome } from '../grid/save-messages.tsx';
import type { GridDelta } from '../grid/session.ts';
import type { GridRow } from '../grid/types.ts';
import { GridHelp } from '../grid/toolbar.tsx';
import { useLeaveGuard } from '../grid/use-leave-guard.ts';
import { CodeBook } from './codes.ts';
import {
  buildMatrixColumns,
  MATRIX_DEFAULT_COLDEF,
  SHARE_ROW_ID,
  TOTAL_COLUMN,
  TOTALS_ROW_ID,
  type MatrixCellStatus,
} from './matrix-columns.ts';
import {
  inRange,
  isEditable,
  planFill,
  planMarkColumn,
  planPaste,
  planSet,
  rangeOf,
  type CellRange,
  type FillDirection,
  type MatrixView,
  type Position,
} from './matrix-commands.ts';
import { matrixKeyAction } from './matrix-keys.ts';
import { CodeBar, MarkColumnBar, MatrixConflicts, MatrixProblems } from './matrix-panels.tsx';
import { MatrixSession, type CellChoice } from './matrix-session.ts';
import { columnTally, formatRate, matrixTally, rowTally, shareOf, tallyDetail, type Tally } from './totals.ts';
import type { MatrixProps } from './types.ts';
import '../grid/grid.css';
import './matrix.css';

// The matrix's totals row; the roster grids do not pin rows, so the module is registered here.
ModuleRegistry.registerModules([PinnedRowModule]);

const rowIdOf = (p: GetRowIdParams<GridRow>) => p.data.id;
const ROW_HEIGHT = 44;
const HEADER_HEIGHT = 64;
/** Tall enough for every row, the header, the pinned rows and a scrollbar: a short course leaves no empty box. */
const frameHeight = (rows: number, pinned: number) => HEADER_HEIGHT + (rows + pinned) * ROW_HEIGHT + 24;
const errorKeyOf = (error: unknown) =>
  error instanceof Error && error.message.startsWith('errors:') ? error.message : 'errors:save_failed';

/** Whether the viewport is at least `px` wide; false on the server and before hydration. */
function useWideScreen(px: number) {
  const [wide, setWide] = useState(false);
  useEffect(() => {
    const query = window.matchMedia(`(min-width: ${px}px)`);
    const update = () => setWide(query.matches);
    update();
    query.addEventListener('change', update);
    return () => query.removeEventListener('change', update);
  }, [px]);
  return wide;
}

type Selection = { anchor: Position; focus: Position };

/**
 * A matrix layout of the editable grid for attendance-like data: rows crossed with columns from
 * data, one code per cell, entered with one key (or a button on a phone), pasted, filled, or
 * marked for a whole column; live totals per row and column; undo/redo; and one version-checked
 * batch save with conflicts shown per cell. The editing state is the shared EditSession (in a
 * MatrixSession); this component only connects it to AG Grid and the buttons.
 */
export function MatrixGrid(props: MatrixProps) {
  // Another matrix (another course) is another set of cells: a fresh session.
  return <MatrixBody key={props.gridId} {...props} />;
}

function MatrixBody(props: MatrixProps) {
  const { labelledBy, codes, canEdit, save, share } = props;
  const { t, i18n } = useTranslation(['matrix', 'grid']);
  const readOnlyNotice = useGridReadOnlyNotice();
  const locale = useLocale();
  const wide = useWideScreen(700);
  const hintId = useId();

  // Loader data seeds the session once; a revalidation must not throw away edits.
  const [session] = useState(() => new MatrixSession(props.rows, props.columns, props.records));
  const [view] = useState<MatrixView>(() => ({ rows: props.rows, columns: props.columns }));
  const figures = props.figures ?? [];
  // Pasted codes are read in both languages; the other one's texts arrive shortly after the page.
  const allLanguages = useAllLanguages(i18n);
  const book = useMemo(
    () => new CodeBook(codes, locale, (lng, key) => (allLanguages || lng === locale ? i18n.getFixedT(lng)(key) : '')),
    [codes, locale, i18n, allLanguages],
  );

  const apiRef = useRef<GridApi<GridRow> | null>(null);
  const [hydrated, setHydrated] = useState(false);
  useEffect(() => setHydrated(true), []);
  const [, setRevision] = useState(0);
  const savingRef = useRef(false);
  const [batchIds] = useState(() => new BatchIds());
  const [saving, setSaving] = useState(false);
  const [selection, setSelection] = useState<Selection | null>(null);
  const selectionRef = useRef<Selection | null>(null);
  const extendingRef = useRef(false);
  const [markColumn, setMarkColumn] = useState<string | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [outcome, setOutcome] = useState<SaveOutcome | null>(null);

  const columnIndex = useMemo(() => new Map(view.columns.map((c, i) => [c.id, i])), [view]);
  const rowIndex = useMemo(() => new Map(view.rows.map((r, i) => [r.id, i])), [view]);
  const columnName = (i: number) => {
    const c = view.columns[i];
    return c ? [c.label, c.sublabel].filter(Boolean).join(' ') : '';
  };

  // ---- totals -----------------------------------------------------------------------------

  const cells = useMemo(
    () => ({
      rowIds: view.rows.map((r) => r.id),
      columnIds: view.columns.map((c) => c.id),
      read: (rowId: string, columnId: string) => session.value(rowId, columnId),
    }),
    [session, view],
  );
  const totalText = useCallback(
    (tally: Tally, kind: 'row' | 'column') => {
      const rate = formatRate(tally.rate, locale, t('totals.noRate'));
      const values = { rate, positive: tally.positive, counted: tally.counted };
      const detail = tallyDetail(tally, book, (label, count) => t('totals.detailItem', { label, count }));
      // Nothing recorded yet: a dash says so more plainly than "0 (0/0)".
      if (tally.counted === 0) return { text: rate, tooltip: detail || t('cell.empty') };
      return kind === 'row'
        ? { text: t('totals.row', values), tooltip: t('totals.rowTooltip', { ...values, detail }) }
        : { text: t('totals.column', values), tooltip: t('totals.columnTooltip', { ...values, detail }) };
    },
    [book, locale, t],
  );

  const shareText = useCallback(
    (whole: Tally, kind: 'row' | 'column') => {
      if (!share) return { text: '', tooltip: '' };
      const part = shareOf(whole, share.value);
      const rate = formatRate(part.rate, locale, t('totals.noRate'));
      const values = { rate, positive: part.positive, counted: part.counted };
      if (part.counted === 0) return { text: rate, tooltip: t('cell.empty') };
      return {
        text: t(kind === 'row' ? 'totals.row' : 'totals.column', values),
        tooltip: t('totals.shareTooltip', { ...values, label: share.label }),
      };
    },
    [share, locale, t],
  );

  // ---- what each cell shows about itself --------------------------------------------------

  const problemOf = useCallback(
    (rowId: string, columnId: string) => {
      const server = session.serverErrorAt(rowId, columnId);
      if (server) return t(server);
      const value = session.value(rowId, columnId);
      return book.isValid(value) ? undefined : t('errors.unknownCode', { value: String(value), keys: book.keyList() });
    },
    [session, book, t],
  );

  const status = useMemo<MatrixCellStatus>(
    () => ({
      book,
      canEdit,
      inRange: (rowId, columnId) => {
        const s = selectionRef.current;
        if (!s || (s.anchor.row === s.focus.row && s.anchor.col === s.focus.col)) return false;
        return inRange(rangeOf(s.anchor, s.focus), {
          row: rowIndex.get(rowId) ?? -1,
          col: columnIndex.get(columnId) ?? -1,
        });
      },
      isDirty: (rowId, columnId) => session.edits.isDirty(rowId, columnId),
      problemOf,
      conflictOf: (rowId, columnId) => {
        const conflict = session.conflictAt(rowId, columnId);
        return conflict && t('cell.conflict', { theirs: book.label(conflict.theirs) || t('cell.empty') });
      },
      rowTotal: (rowId) => totalText(rowTally(cells, rowId, book), 'row'),
      columnTotal: (columnId) =>
        totalText(columnId === TOTAL_COLUMN ? matrixTally(cells, book) : columnTally(cells, columnId, book), 'column'),
      rowShare: (rowId) => shareText(rowTally(cells, rowId, book), 'row'),
      columnShare: (columnId) =>
        shareText(columnId === TOTAL_COLUMN ? matrixTally(cells, book) : columnTally(cells, columnId, book), 'column'),
      onMark: (columnId) => setMarkColumn(columnId),
    }),
    [book, canEdit, cells, columnIndex, problemOf, rowIndex, session, t, totalText, shareText],
  );

  const columnDefs = useMemo(
    () =>
      buildMatrixColumns(
        {
          rows: view.rows,
          columns: view.columns,
          figures,
          rowHeader: props.rowHeaderLabel ?? t('rowHeader'),
          totalsHeader: t('totals.columnHeader'),
          totalsRowLabel: t('totals.rowHeader'),
          shareLabel: share?.label,
          pinTotals: wide,
          narrow: !wide,
        },
        status,
      ),
    // figures are display-only props; a new array each render must not rebuild the columns.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [view, status, wide, props.rowHeaderLabel, share?.label, t, JSON.stringify(figures)],
  );

  // The grid is re-created when the language changes (AG Grid reads its texts once), from the
  // session's rows at that moment, edits included.
  const mount = useMemo(() => ({ locale, rows: session.edits.visibleRows() }), [session, locale]);
  const localeText = useMemo(() => gridLocaleText(mount.locale, t), [mount.locale, t]);
  // A new object on every change makes AG Grid redraw the totals row.
  const pinnedBottom = useMemo(
    () => [
      { id: TOTALS_ROW_ID, version: null, revision: session.revision },
      ...(share ? [{ id: SHARE_ROW_ID, version: null, revision: session.revision }] : []),
    ],
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [session, session.revision, !!share],
  );

  // ---- applying changes -------------------------------------------------------------------

  /** Shows a step: changed rows by transaction, then every cell's marks and totals again. */
  const apply = useCallback(
    (delta: GridDelta | null) => {
      const api = apiRef.current;
      if (api && delta && (delta.add.length || delta.update.length || delta.remove.length)) api.applyTransaction(delta);
      api?.refreshCells({ force: true });
      setRevision(session.revision);
    },
    [session],
  );

  const editingAllowed = () => canEdit && !savingRef.current && !!apiRef.current;
  const announce = (text: string) => setAnnouncement(text);

  /** The selected range, or the focused cell as a range of one. */
  const currentRange = (): CellRange | null => {
    const s = selectionRef.current;
    return s ? rangeOf(s.anchor, s.focus) : null;
  };

  const focusAt = (at: Position) => {
    const api = apiRef.current;
    const column = view.columns[at.col];
    if (!api || !column || at.row < 0 || at.row >= view.rows.length) return;
    api.ensureIndexVisible(at.row);
    api.ensureColumnVisible(column.id);
    api.setFocusedCell(at.row, column.id);
  };

  const select = (next: Selection | null) => {
    selectionRef.current = next;
    setSelection(next);
    apiRef.current?.refreshCells({ force: true });
  };

  const commitAndReport = (intent: Parameters<MatrixSession['commit']>[0], text: (count: number) => string) => {
    const count = intent.cells?.length ?? 0;
    apply(session.commit(intent));
    announce(count ? text(count) : t('announce.nothing'));
  };

  /** A code (or null to clear) into the selected cells; a single cell then moves down, for the next participant. */
  const enter = (value: string | null) => {
    const range = currentRange();
    if (!range || !editingAllowed()) return;
    commitAndReport(planSet(view, range, value), (count) =>
      t(value === null ? 'announce.cleared' : 'announce.set', { count }),
    );
    const single = range.top === range.bottom && range.left === range.right;
    if (single && value !== null && range.bottom + 1 < view.rows.length)
      focusAt({ row: range.bottom + 1, col: range.left });
    else focusAt(selectionRef.current!.focus);
  };

  const fill = (direction: FillDirection) => {
    const range = currentRange();
    if (!range || !editingAllowed()) return;
    commitAndReport(planFill(view, range, direction, cells.read), (count) => t('announce.set', { count }));
  };

  const mark = (columnId: string, value: string) => {
    setMarkColumn(null);
    if (!editingAllowed()) return;
    commitAndReport(planMarkColumn(view, columnId, value, cells.read), (count) => t('announce.set', { count }));
    const col = columnIndex.get(columnId);
    if (col !== undefined) focusAt({ row: 0, col });
  };

  const undo = () => {
    const delta = session.edits.undo();
    if (delta) announce(t('grid:announce.undone'));
    apply(delta);
  };

  const redo = () => {
    const delta = session.edits.redo();
    if (delta) announce(t('grid:announce.redone'));
    apply(delta);
  };

  // ---- keyboard, clipboard, focus ---------------------------------------------------------

  /**
   * The cell a key or paste happened in, as the selection's focus. The DOM says where the user
   * is; AG Grid's focus event for a cell reached by a quick click can arrive after the key.
   */
  const followTarget = (target: HTMLElement) => {
    const colId = target.closest('.ag-cell')?.getAttribute('col-id');
    const row = Number(target.closest('[row-index]')?.getAttribute('row-index'));
    const col = colId == null ? undefined : columnIndex.get(colId);
    const s = selectionRef.current;
    if (col === undefined || !Number.isInteger(row)) return;
    if (!s || s.focus.row !== row || s.focus.col !== col) select({ anchor: { row, col }, focus: { row, col } });
  };

  /** Keys on a focused cell, caught before AG Grid sees them; plain arrows and Tab stay AG Grid's. */
  const onKeyDownCapture = (event: KeyboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    if (!target.closest('.ag-cell') || target.closest('input, textarea, select, button')) return;
    const action = matrixKeyAction(event, book);
    if (!action || !editingAllowed()) return;
    event.preventDefault();
    event.stopPropagation();
    // Shift+arrows move the focus themselves; following it would drop the range's anchor.
    if (action.kind !== 'extend') followTarget(target);
    const s = selectionRef.current;
    switch (action.kind) {
      case 'undo':
        return undo();
      case 'redo':
        return redo();
      case 'save':
        return void onSave();
      case 'fillDown':
        return fill('down');
      case 'fillRight':
        return fill('right');
      case 'clear':
        return enter(null);
      case 'code':
        return enter(action.value);
      case 'extend': {
        if (!s) return;
        const row = Math.min(Math.max(s.focus.row + action.rows, 0), view.rows.length - 1);
        const col = Math.min(Math.max(s.focus.col + action.cols, 0), view.columns.length - 1);
        extendingRef.current = true;
        focusAt({ row, col });
        return;
      }
    }
  };

  const onCellFocused = (event: CellFocusedEvent<GridRow>) => {
    const extending = extendingRef.current || (event.sourceEvent as MouseEvent | undefined)?.shiftKey === true;
    extendingRef.current = false;
    const colId = typeof event.column === 'string' ? event.column : event.column?.getColId();
    const col = colId === undefined ? undefined : columnIndex.get(colId);
    if (event.rowPinned || event.rowIndex == null || col === undefined) {
      if (!extending) select(null);
      return;
    }
    const focus = { row: event.rowIndex, col };
    const anchor = extending && selectionRef.current ? selectionRef.current.anchor : focus;
    select({ anchor, focus });
  };

  /** A block from Excel or Google Sheets, laid down from the selection's top-left cell. */
  const onPaste = (event: ClipboardEvent<HTMLDivElement>) => {
    const target = event.target as HTMLElement;
    const text = event.clipboardData.getData('text/plain');
    if (target.closest('input, textarea, select') || !text || !editingAllowed()) return;
    followTarget(target);
    const range = currentRange();
    if (!range) return;
    event.preventDefault();
    commitAndReport(planPaste(view, range, parseTsv(text), book), (count) => t('announce.pasted', { count }));
  };

  /** Copies the selection as the short keys, which paste reads back in either language. */
  const onCopy = (event: ClipboardEvent<HTMLDivElement>) => {
    const range = currentRange();
    if (!range || (event.target as HTMLElement).closest('input, textarea, select')) return;
    const lines: string[] = [];
    for (let r = range.top; r <= range.bottom; r++) {
      const cellsOfRow: string[] = [];
      for (let c = range.left; c <= range.right; c++)
        cellsOfRow.push(book.short(session.value(view.rows[r]!.id, view.columns[c]!.id)));
      lines.push(cellsOfRow.join('\t'));
    }
    event.clipboardData.setData('text/plain', lines.join('\n'));
    event.preventDefault();
  };

  // ---- saving -----------------------------------------------------------------------------

  const changeCount = session.changeCount();
  const problems = view.rows.flatMap((r) =>
    view.columns.flatMap((c, i) => {
      const message = problemOf(r.id, c.id);
      return message ? [{ rowId: r.id, columnId: c.id, row: r.label, column: columnName(i), message }] : [];
    }),
  );
  const conflicts = session.conflicts().map((c) => ({
    ...c,
    row: view.rows[rowIndex.get(c.rowId) ?? -1]?.label ?? '',
    column: columnName(columnIndex.get(c.columnId) ?? -1),
    mine: book.label(session.value(c.rowId, c.columnId)) || t('cell.empty'),
    theirsText: book.label(c.theirs) || t('cell.empty'),
  }));
  const blockedReason =
    problems.length > 0
      ? t('blocked.invalid', { count: problems.length })
      : conflicts.length > 0
        ? t('blocked.conflicts')
        : null;

  useLeaveGuard(canEdit && changeCount > 0, t('grid:leaveConfirm'));

  const onSave = async () => {
    if (savingRef.current || blockedReason || changeCount === 0) return;
    const batch = session.batch();
    savingRef.current = true;
    setSaving(true);
    setOutcome(null);
    try {
      const result = await batchIds.send(batch, save);
      apply(session.applySaveResult(result));
      setOutcome(
        result.ok
          ? { kind: 'ok', text: t('saved', { count: changeCount }) }
          : { kind: 'error', text: t(result.conflicts.length ? 'errors.saveConflict' : 'errors:save_invalid') },
      );
    } catch (error) {
      setOutcome({ kind: 'error', text: t(errorKeyOf(error)) });
    } finally {
      savingRef.current = false;
      setSaving(false);
    }
  };

  const resolve = (rowId: string, columnId: string, choice: CellChoice) =>
    apply(session.resolve(rowId, columnId, choice));
  const resolveAll = (choice: CellChoice) => {
    for (const c of session.conflicts()) apply(session.resolve(c.rowId, c.columnId, choice));
  };

  const goTo = (rowId: string, columnId: string) =>
    focusAt({ row: rowIndex.get(rowId) ?? -1, col: columnIndex.get(columnId) ?? -1 });

  const onGridReady = (event: GridReadyEvent<GridRow>) => {
    apiRef.current = event.api;
  };

  // ---- rendering --------------------------------------------------------------------------

  const focused = selection?.focus;
  const where = focused ? `${view.rows[focused.row]?.label ?? ''} · ${columnName(focused.col)}` : null;
  const markIndex = markColumn === null ? undefined : columnIndex.get(markColumn);

  return (
    <section className="grid-region matrix-region" aria-labelledby={labelledBy}>
      {canEdit ? (
        <div className="grid-toolbar" role="toolbar" aria-label={t('toolbar.label')}>
          <button type="button" onClick={undo} disabled={saving || !session.edits.canUndo}>
            {t('grid:toolbar.undo')}
          </button>
          <button type="button" onClick={redo} disabled={saving || !session.edits.canRedo}>
            {t('grid:toolbar.redo')}
          </button>
          <button type="button" onClick={() => fill('down')} disabled={saving || !selection}>
            {t('toolbar.fillDown')}
          </button>
          <button type="button" onClick={() => fill('right')} disabled={saving || !selection}>
            {t('toolbar.fillRight')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={() => void onSave()}
            disabled={saving || !!blockedReason || changeCount === 0}
            aria-describedby={blockedReason ? hintId : undefined}
          >
            {saving ? t('grid:toolbar.saving') : t('grid:toolbar.save')}
          </button>
        </div>
      ) : null}

      <p className="grid-status">
        <span>{canEdit ? t('pending', { count: changeCount }) : readOnlyNotice}</span>
      </p>
      <SaveMessages
        blockedReason={canEdit ? blockedReason : null}
        hintId={hintId}
        outcome={outcome}
        announcement={announcement}
      />

      {canEdit && markIndex !== undefined ? (
        <MarkColumnBar
          book={book}
          columnName={columnName(markIndex)}
          onMark={(value) => mark(markColumn!, value)}
          onCancel={() => setMarkColumn(null)}
        />
      ) : canEdit ? (
        <CodeBar
          book={book}
          where={where}
          editable={!!focused && isEditable(view, focused)}
          columnMarkable={!!focused && !view.columns[focused.col]?.readOnly}
          disabled={saving}
          onCode={enter}
          onMarkColumn={() => focused && setMarkColumn(view.columns[focused.col]?.id ?? null)}
        />
      ) : null}

      {/* Keys and paste are caught here, around the grid, before AG Grid handles them. */}
      <div
        className="grid-frame matrix-frame"
        style={{ height: `min(70vh, ${frameHeight(view.rows.length, pinnedBottom.length)}px)` }}
        onKeyDownCapture={onKeyDownCapture}
        onPaste={onPaste}
        onCopy={onCopy}
      >
        {hydrated ? (
          <AgGridReact<GridRow>
            key={mount.locale}
            theme={gridTheme}
            localeText={localeText}
            rowData={mount.rows}
            columnDefs={columnDefs}
            defaultColDef={MATRIX_DEFAULT_COLDEF}
            getRowId={rowIdOf}
            pinnedBottomRowData={pinnedBottom}
            readOnlyEdit
            undoRedoCellEditing={false}
            rowHeight={ROW_HEIGHT}
            headerHeight={HEADER_HEIGHT}
            tooltipShowDelay={300}
            onGridReady={onGridReady}
            onCellFocused={onCellFocused}
          />
        ) : (
          <p className="muted">{t('grid:loading')}</p>
        )}
      </div>

      {canEdit ? <GridHelp ns="matrix" /> : null}

      <MatrixProblems problems={problems} onGoTo={goTo} />
      <MatrixConflicts conflicts={conflicts} onResolve={resolve} onResolveAll={resolveAll} />
    </section>
  );
}
