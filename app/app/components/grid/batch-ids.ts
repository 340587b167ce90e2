import { newRowId } from './ids.ts';
import type { RowMeta, SaveBatch, SaveResult } from './types.ts';

/**
 * Names each save with a batch id, so that the server can tell a retry from a new save. A save
 * that failed without an answer (the network dropped, the server went away) may have committed
 * all the same; when the user presses Save again with the very same pending changes, the same id
 * goes out, and the server answers with what it recorded instead of writing again and calling its
 * own earlier write a conflict. Any answer from the server, or changed edits, start a new batch.
 */
export class BatchIds {
  private unanswered: { batch: string; id: string } | null = null;

  /** Sends `batch` through `save` under its batch id: the previous one if this is its retry. */
  async send<Row extends RowMeta>(
    batch: SaveBatch<Row>,
    save: (batch: SaveBatch<Row>) => Promise<SaveResult<Row>>,
  ): Promise<SaveResult<Row>> {
    const key = JSON.stringify([batch.upserts, batch.deletes]);
    if (this.unanswered?.batch !== key) this.unanswered = { batch: key, id: newRowId() };
    const result = await save({ ...batch, batchId: this.unanswered.id });
    // Answered (saved, or refused with nothing written): the next Save is a new batch.
    this.unanswered = null;
    return result;
  }
}
