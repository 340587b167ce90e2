import type { SaveResult } from '@brobygger/api/rosters';

/** Every roster row carries its id (chosen by the browser for new rows) and the version it was loaded at. */
export type RowMeta = {
  id: string;
  version: number | null;
  /** false: the caller may not change this row */ editable?: boolean;
};

/**
 * A row as the grid holds it while editing. Cells may briefly hold values the schema rejects
 * (text pasted into a number column), so the grid stores them untyped and lets validation speak.
 */
export type GridRow = RowMeta & Record<string, unknown>;

export type ColumnType = 'text' | 'number' | 'date' | 'select' | 'checkbox' | 'multiselect' | 'lookup';

/** A row of another roster a lookup cell may point to, as the list procedure returns it. */
export type LookupOption = { id: string; label: string; detail: string | null };

/** What a page says about one column; the grid derives editors, parsing, formatting and filters. */
export type GridColumn<Fields> = {
  field: Extract<keyof Fields, string>;
  /** i18n key of the header, e.g. `volunteers:columns.name`. */
  header: string;
  type: ColumnType;
  /** Stored values of a select/multiselect column. */
  options?: readonly string[];
  /** i18n key prefix for option labels: the label of `active` is `${optionLabels}.active`. */
  optionLabels?: string;
  /** A checkbox column that may be left unknown (null) rather than false. */
  nullable?: boolean;
  /** Decimals a number editor accepts (default: whole numbers). */
  precision?: number;
  width?: number;
  pinned?: boolean;
  /** Shown but never edited: computed by the database (a planned end, a rate). */
  readOnly?: boolean;
  /** The rows a lookup column may point to; typed or pasted text is matched by label or detail. */
  lookupOptions?: readonly LookupOption[];
  /**
   * Other header names a file may use for this column (e.g. "Mail", "E-mail-adresse"), besides
   * its header in every language and its field name; an import compares them as it does headers.
   */
  importAliases?: readonly string[];
  /**
   * The page a cell's value opens, e.g. the person a lookup names; the cell shows a link to it
   * next to its text. Undefined where there is none (an empty cell).
   */
  linkTo?: (value: unknown, row: GridRow) => string | undefined;
};

export type SaveBatch<Row extends RowMeta> = {
  /** Names the save, so a retry of it is answered, not repeated (see batch-ids.ts). */
  batchId?: string;
  upserts: Row[];
  deletes: { id: string; version: number }[];
};

export type { SaveResult };
