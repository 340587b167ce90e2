import { createHash } from 'node:crypto';
import type { Tx } from '@brobygger/db';
import { fail } from '../errors.ts';
import type { RosterScope } from './repository.ts';

/**
 * Save receipts make a grid save idempotent. The browser names each batch with a uuid and sends
 * the same one again when it retries a save whose answer it never got. The first committed save
 * records its result under that id in its own transaction; a repeat finds the receipt and gets
 * the same answer without writing anything. Without it the repeat would be a false conflict: the
 * rows it updated have newer versions now, and the rows it inserted exist already.
 */

/** What identifies one save: whose it is (the caller, from the claims), the batch, and what it asked for. */
export type ReceiptKey = { tenantId: string; batchId: string; roster: string; requestHash: string };

/** How long a retry may come after the save it repeats; older receipts are pruned. */
const KEPT = '1 day';

/**
 * A digest of the request, so the same batch id sent with other rows (a bug, or a replay with a
 * changed body) is refused instead of answered with another save's result.
 */
export function requestHashOf(
  roster: string,
  scope: RosterScope,
  batch: { upserts: unknown[]; deletes: { id: string; version: number }[] },
): string {
  const request = JSON.stringify([roster, scope.parentId ?? null, batch.upserts, batch.deletes]);
  return createHash('sha256').update(request).digest('hex');
}

/**
 * The recorded result of this batch, if it was saved already. It first waits for another send of
 * the same batch that is still running (a transaction lock on the batch id), so two sends racing
 * cannot both write: the second sees the first one's receipt once it commits.
 */
export async function recordedResult(tx: Tx, key: ReceiptKey): Promise<unknown> {
  await tx.query('select pg_advisory_xact_lock(hashtextextended($1, 0))', [`save_receipt:${key.batchId}`]);
  const receipt = await tx.one<{ roster: string; requestHash: string; result: unknown }>(
    `select roster, request_hash as "requestHash", result from public.save_receipts
     where tenant_id = $1 and user_id = (select auth.uid()) and batch_id = $2 and created_at > now() - $3::interval`,
    [key.tenantId, key.batchId, KEPT],
  );
  if (!receipt) return undefined;
  if (receipt.roster !== key.roster || receipt.requestHash !== key.requestHash) fail('batch_reused');
  return receipt.result;
}

/** Records the result of a save in the save's transaction, and prunes the caller's old receipts. */
export async function recordResult(tx: Tx, key: ReceiptKey, result: unknown): Promise<void> {
  await tx.query(
    `delete from public.save_receipts
     where tenant_id = $1 and user_id = (select auth.uid()) and created_at <= now() - $2::interval`,
    [key.tenantId, KEPT],
  );
  await tx.query(
    `insert into public.save_receipts (tenant_id, batch_id, roster, request_hash, result) values ($1, $2, $3, $4, $5)`,
    [key.tenantId, key.batchId, key.roster, key.requestHash, JSON.stringify(result)],
  );
}
