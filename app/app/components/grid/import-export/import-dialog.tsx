import { DEFAULT_LOCALE, isLocale } from '@brobygger/i18n';
import { useEffect, useId, useMemo, useRef, useState, type ChangeEvent } from 'react';
import { useTranslation } from 'react-i18next';
import type { ChangeIntent } from '../session.ts';
import type { GridRow } from '../types.ts';
import type { RowSchema } from '../validation.ts';
import { formatIsoDate, type ValueContext } from '../values.ts';
import { ImportPreview } from './import-preview.tsx';
import {
  guessMapping,
  importIntent,
  likeliestSheet,
  planImport,
  readyCount,
  rowsToUpsert,
  type Column,
  type ImportContext,
  type ImportPlan,
  type Mapping,
  type NewRow,
} from './mapping.ts';
import type { ImportCell, Workbook } from './read-file.ts';
import './import-export.css';

export type ImportDialogProps = {
  /** The grid's column config; every column listed can be filled from the file. */
  columns: readonly Column[];
  /**
   * The rows as the grid holds them now (edits included), or a function returning them. Read once
   * when a file is chosen, so the preview does not shift while the dialog is open.
   */
  existingRows: readonly GridRow[] | (() => readonly GridRow[]);
  /** The page's shared fields schema (ZVolunteerFields), the one the server validates with. */
  schema: RowSchema;
  /** The page's new-row defaults (NEW_VOLUNTEER) or a function returning them. */
  newRow: NewRow;
  /** Fields that may identify an existing row, best first (e.g. ['email', 'name']). */
  keyFields: readonly string[];
  /**
   * Called once on Confirm. `rows` are the full rows to upsert, bad ones included (existing ids and
   * versions kept; new rows with a fresh id and version null). `intent` is the same import as one
   * grid edit, for `session.commit(intent)`: the grid then marks the bad cells and blocks Save until
   * they are fixed. `plan.counts.invalid` says how many rows need fixing.
   */
  onConfirm: (rows: GridRow[], intent: ChangeIntent, plan: ImportPlan) => void;
  /** Disables the button that opens the dialog (read-only role, save in progress). */
  disabled?: boolean;
};

/** The dialog itself, which import-button.tsx loads on first use. */
export type ImportDialogBodyProps = Omit<ImportDialogProps, 'disabled'> & {
  /** The dialog was closed (Cancel, Escape or Confirm): the button unmounts it. */
  onClosed: () => void;
};

type Source = { name: string; workbook: Workbook; existing: readonly GridRow[] };

const IGNORE = '';

/**
 * The import modal, open from the moment it mounts: choose a CSV or XLSX file, check which column
 * fills which field and how existing rows are recognised, see every line's outcome and errors,
 * then confirm. Nothing reaches the grid before Confirm. A native <dialog> opened with showModal()
 * gives focus containment, an inert page behind it and Escape to close, without a dialog library.
 * Its "Import …" button is `ImportButton` (import-button.tsx), which loads this module when it is
 * first pressed: the grid does not need it to show its rows.
 */
export function ImportDialog({
  columns,
  existingRows,
  schema,
  newRow,
  keyFields,
  onConfirm,
  onClosed,
}: ImportDialogBodyProps) {
  const { t, i18n } = useTranslation('import');
  // The app creates one i18next instance per locale, so its language is the page's locale; reading
  // it here (not from the Remix root loader) keeps the dialog usable outside a route.
  const locale = isLocale(i18n.language) ? i18n.language : DEFAULT_LOCALE;
  const ctx = useMemo<ImportContext>(
    () => ({ locale, t: { da: i18n.getFixedT('da'), en: i18n.getFixedT('en') } }),
    [i18n, locale],
  );
  const valueCtx = useMemo<ValueContext>(() => ({ t, locale }), [t, locale]);
  const dialogRef = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const dialog = dialogRef.current;
    if (dialog && !dialog.open) dialog.showModal();
  }, []);
  // Each file read gets a number; a slower earlier read must not overwrite a later one.
  const readCount = useRef(0);
  const id = useId();
  const ids = {
    title: `${id}-title`,
    intro: `${id}-intro`,
    file: `${id}-file`,
    fileHint: `${id}-file-hint`,
    sheet: `${id}-sheet`,
    sheetHint: `${id}-sheet-hint`,
    mapping: `${id}-mapping`,
    key: `${id}-key`,
    keyHint: `${id}-key-hint`,
    preview: `${id}-preview`,
    why: `${id}-why`,
  };

  const [source, setSource] = useState<Source | null>(null);
  const [sheetIndex, setSheetIndex] = useState(0);
  const [reading, setReading] = useState(false);
  const [fileError, setFileError] = useState<string | null>(null);
  const [mapping, setMapping] = useState<Mapping>([]);
  const [keyField, setKeyField] = useState<string | null>(null);

  const columnOf = useMemo(() => new Map(columns.map((c) => [c.field as string, c])), [columns]);
  const sheet = source?.workbook.sheets[sheetIndex];
  const table = sheet?.table ?? null;
  const plan = useMemo(
    () =>
      source && table && mapping.some((f) => f !== null)
        ? planImport({ table, mapping, columns, keyField, existingRows: source.existing, schema, newRow, ctx })
        : null,
    [source, table, mapping, columns, keyField, schema, newRow, ctx],
  );
  const upserts = plan ? rowsToUpsert(plan) : [];
  const why = plan && upserts.length === 0 ? t('nothing') : null;

  const onFile = async (event: ChangeEvent<HTMLInputElement>) => {
    const file = event.target.files?.[0];
    const request = ++readCount.current;
    setSource(null);
    setFileError(null);
    if (!file) return;
    setReading(true);
    try {
      // Loaded on the first file chosen: the CSV and XLSX readers are not needed to show the grid.
      const { readWorkbook } = await import('./read-file.ts');
      const workbook = await readWorkbook(file);
      if (request !== readCount.current) return;
      chooseSheet(workbook, likeliestSheet(workbook, columns, ctx));
      setSource({
        name: file.name,
        workbook,
        existing: typeof existingRows === 'function' ? existingRows() : existingRows,
      });
    } catch (error) {
      if (request === readCount.current)
        setFileError(isImportFileError(error) ? error.key : 'import:errors.unreadable');
    } finally {
      if (request === readCount.current) setReading(false);
    }
  };

  /** A sheet's columns are matched afresh: another sheet is another table. */
  const chooseSheet = (workbook: Workbook, index: number) => {
    const headers = workbook.sheets[index]?.table?.headers ?? [];
    const guessed = guessMapping(headers, columns, ctx);
    setSheetIndex(index);
    setMapping(guessed);
    setKeyField(keyFields.find((f) => guessed.includes(f)) ?? null);
  };

  /** One field per file column: choosing a field already taken frees the other column. */
  const choose = (index: number, field: string | null) =>
    setMapping((m) => m.map((f, i) => (i === index ? field : field !== null && f === field ? null : f)));

  const confirm = () => {
    if (!plan || why) return;
    onConfirm(upserts, importIntent(plan), plan);
    dialogRef.current?.close();
  };

  const mappedColumns = mapping.flatMap((f) => (f === null ? [] : (columnOf.get(f) ?? [])));
  const example = (index: number) =>
    exampleText(table?.rows.find((r) => !isBlank(r[index]))?.[index] ?? null, valueCtx);

  return (
    <dialog
      ref={dialogRef}
      className="import-dialog"
      aria-labelledby={ids.title}
      aria-describedby={ids.intro}
      onClose={() => {
        // A read still under way must not land in a closed dialog.
        readCount.current++;
        onClosed();
      }}
    >
      <div>
        <h2 id={ids.title}>{t('title')}</h2>
        <p id={ids.intro}>{t('intro')}</p>

        <div className="field">
          <label htmlFor={ids.file}>{t('file.label')}</label>
          <input
            id={ids.file}
            type="file"
            accept=".csv,.xlsx,text/csv,application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"
            aria-describedby={ids.fileHint}
            aria-invalid={fileError ? true : undefined}
            onChange={(e) => void onFile(e)}
          />
          <p id={ids.fileHint} className="hint">
            {t('file.hint')}
          </p>
          <p role="status" className="hint">
            {reading
              ? t('file.reading')
              : source && table
                ? t('file.read', { name: source.name, count: table.rows.length })
                : ''}
          </p>
          {fileError ? (
            <p role="alert" className="field-error">
              {t(fileError)}
            </p>
          ) : null}
        </div>

        {source && source.workbook.sheets.length > 1 ? (
          <div className="field">
            <label htmlFor={ids.sheet}>{t('sheet.label')}</label>
            <select
              id={ids.sheet}
              value={sheetIndex}
              aria-describedby={ids.sheetHint}
              onChange={(e) => chooseSheet(source.workbook, Number(e.target.value))}
            >
              {source.workbook.sheets.map((s, index) => (
                <option key={index} value={index} disabled={!s.table}>
                  {s.table
                    ? t('sheet.option', { name: s.name, count: s.table.rows.length })
                    : t('sheet.unusable', { name: s.name, reason: t(s.error) })}
                </option>
              ))}
            </select>
            <p id={ids.sheetHint} className="hint">
              {t('sheet.hint')}
            </p>
          </div>
        ) : null}

        {source && table ? (
          <>
            <section aria-labelledby={ids.mapping}>
              <h3 id={ids.mapping}>{t('mapping.title')}</h3>
              <p className="hint">{t('mapping.intro')}</p>
              <table className="table compact import-mapping">
                <thead>
                  <tr>
                    <th scope="col">{t('mapping.fileColumn')}</th>
                    <th scope="col">{t('mapping.example')}</th>
                    <th scope="col">{t('mapping.field')}</th>
                  </tr>
                </thead>
                <tbody>
                  {table.headers.map((header, index) => {
                    const selectId = `${id}-map-${index}`;
                    return (
                      <tr key={index}>
                        <th scope="row">
                          <label htmlFor={selectId}>{header || t('mapping.unnamed', { n: index + 1 })}</label>
                        </th>
                        <td className="muted">{example(index)}</td>
                        <td>
                          <select
                            id={selectId}
                            value={mapping[index] ?? IGNORE}
                            onChange={(e) => choose(index, e.target.value === IGNORE ? null : e.target.value)}
                          >
                            <option value={IGNORE}>{t('mapping.ignore')}</option>
                            {columns.map((c) => (
                              <option key={c.field} value={c.field}>
                                {t(c.header)}
                              </option>
                            ))}
                          </select>
                        </td>
                      </tr>
                    );
                  })}
                </tbody>
              </table>
              {mappedColumns.length === 0 ? <p className="field-error">{t('mapping.noneMapped')}</p> : null}
            </section>

            {keyFields.length ? (
              <div className="field">
                <label htmlFor={ids.key}>{t('key.label')}</label>
                <select
                  id={ids.key}
                  value={keyField ?? IGNORE}
                  aria-describedby={ids.keyHint}
                  onChange={(e) => setKeyField(e.target.value === IGNORE ? null : e.target.value)}
                >
                  <option value={IGNORE}>{t('key.none')}</option>
                  {keyFields.map((f) => {
                    const header = columnOf.get(f) ? t(columnOf.get(f)!.header) : f;
                    const inFile = mapping.includes(f);
                    return (
                      <option key={f} value={f} disabled={!inFile}>
                        {inFile ? header : t('key.notInFile', { field: header })}
                      </option>
                    );
                  })}
                </select>
                <p id={ids.keyHint} className="hint">
                  {t('key.hint')}
                </p>
              </div>
            ) : null}

            {plan ? (
              <section aria-labelledby={ids.preview}>
                <h3 id={ids.preview}>{t('preview.title')}</h3>
                <p role="status" className="import-counts">
                  {plan.counts.invalid > 0
                    ? t('summary.both', {
                        ready: t('summary.ready', { count: readyCount(plan) }),
                        fixing: t('summary.fixing', { count: plan.counts.invalid }),
                      })
                    : t('summary.ready', { count: readyCount(plan) })}
                </p>
                <p className="hint">
                  {[
                    t('counts.new', { count: plan.counts.new }),
                    t('counts.update', { count: plan.counts.update }),
                    t('counts.unchanged', { count: plan.counts.unchanged }),
                  ].join(' · ')}
                </p>
                {plan.counts.invalid > 0 ? <p className="hint">{t('fixInGrid')}</p> : null}
                <ImportPreview plan={plan} columns={mappedColumns} ctx={valueCtx} headingId={ids.preview} />
              </section>
            ) : null}
          </>
        ) : null}

        <div className="import-actions">
          {why ? (
            <p id={ids.why} className="hint">
              {why}
            </p>
          ) : null}
          <button type="button" onClick={() => dialogRef.current?.close()}>
            {t('cancel')}
          </button>
          <button
            type="button"
            className="primary"
            onClick={confirm}
            disabled={!plan || !!why}
            aria-describedby={why ? ids.why : undefined}
          >
            {t('confirm', { count: plan ? plan.counts.new + plan.counts.update : 0 })}
          </button>
        </div>
      </div>
    </dialog>
  );
}

/** ImportFileError, recognised without loading read-file.ts up front. */
const isImportFileError = (error: unknown): error is { key: string } =>
  error instanceof Error && error.name === 'ImportFileError' && typeof (error as { key?: unknown }).key === 'string';

const isBlank = (cell: ImportCell | undefined) =>
  cell === null || cell === undefined || (typeof cell === 'string' && cell.trim() === '');

/** A sample cell of a file column, to help the user tell columns apart. */
function exampleText(cell: ImportCell, ctx: ValueContext): string {
  if (cell === null) return '';
  if (cell instanceof Date)
    return Number.isNaN(cell.getTime()) ? '' : formatIsoDate(cell.toISOString().slice(0, 10), ctx.locale);
  const text = String(cell);
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}
