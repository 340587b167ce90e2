import type { SaveBatch, SaveResult } from '../grid/types.ts';

/**
 * The contract between a matrix page (attendance: participants x sessions) and the matrix grid.
 * Rows and columns come from data; each cell holds at most one code, stored as one record.
 */

/** A row of the matrix, e.g. an enrolled participant. A read-only row is shown but not edited. */
export type MatrixRowHeader = { id: string; label: string; readOnly?: boolean };

/** A column of the matrix, e.g. a session (label: its date, sublabel: its time). Read-only: e.g. a cancelled session. */
export type MatrixColumnHeader = { id: string; label: string; sublabel?: string; readOnly?: boolean };

/**
 * One code a cell may hold. `labelKey` is the i18n key of its full name ("Mødt"), `shortKey` the
 * i18n key of the one key that enters it and that the cell shows ("m"), so both follow the
 * UI's language. `countsAs` decides the rate: positive / (positive + negative); neutral codes
 * (a cancelled session) count for neither.
 */
export type MatrixCode = {
  value: string;
  labelKey: string;
  shortKey: string;
  countsAs?: 'positive' | 'negative' | 'neutral';
};

/** One non-empty cell as the server stores it. `version` is null for a record not yet saved. */
export type MatrixRecord = { id: string; version: number | null; rowId: string; columnId: string; value: string };

/** A read-only column left of the codes, e.g. a figure the server computed per row: text by row id. */
export type MatrixFigureColumn = { id: string; label: string; values: Readonly<Record<string, string>> };

export type MatrixBatch = SaveBatch<MatrixRecord>;

export type MatrixProps = {
  /** Names the grid, e.g. `attendance`; a new gridId starts a fresh editing session. */
  gridId: string;
  /** id of the page heading; it names the grid region for screen readers. */
  labelledBy: string;
  rows: readonly MatrixRowHeader[];
  columns: readonly MatrixColumnHeader[];
  codes: readonly MatrixCode[];
  records: readonly MatrixRecord[];
  canEdit: boolean;
  /** One call per Save, applied all-or-nothing by the server. */
  save: (batch: MatrixBatch) => Promise<SaveResult<MatrixRecord>>;
  /** Extra read-only columns on the left, e.g. computed per-row figures. */
  figures?: readonly MatrixFigureColumn[];
  /** Header of the row labels' column (already translated); "Name" by default. */
  rowHeaderLabel?: string;
  /**
   * One code whose share is shown beside the rate, per row and per column, e.g. the no-show rate
   * of attendance: the code's count out of the counted cells. `label` names its column and row.
   */
  share?: { value: string; label: string };
};

export type { SaveResult };
