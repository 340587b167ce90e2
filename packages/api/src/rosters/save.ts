import { z } from 'zod';
import { ZRowId } from './fields.ts';

/**
 * One grid save: new and changed rows, and deleted rows, each with the version it was loaded at
 * (null for a new row, whose id the browser generated). Applied all-or-nothing.
 */
export const zSaveInput = <Row extends z.ZodTypeAny>(row: Row) =>
  z.object({
    /**
     * Names this batch; the browser sends the same id again when it retries a save whose answer
     * was lost, and then gets the first answer instead of a second write. Optional for older clients.
     */
    batchId: z.uuid().optional(),
    upserts: z.array(row).max(20_000),
    deletes: z.array(z.object({ id: ZRowId, version: z.number().int().positive() })).max(20_000),
  });

export type RowError = { id: string; field: string; message: string };

/** Why a save changed nothing: rows someone else changed or deleted, or rows that failed validation. */
export type SaveResult<Row> =
  | { ok: true; rows: Row[]; deleted: string[] }
  | { ok: false; conflicts: { id: string; server: Row | null }[]; errors: RowError[] };
