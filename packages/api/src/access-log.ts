import type { Tx } from '@brobygger/db';

/**
 * Writes one access-log entry: the caller (set by the database, never by us) read the records of
 * these participants through `procedure`. One row per request whatever the number of ids, in the
 * request's own transaction: a read that cannot be logged is not served either.
 */
export async function logAccess(tx: Tx, tenantId: string, procedure: string, ids: Iterable<string>): Promise<void> {
  const rowIds = [...new Set(ids)];
  if (rowIds.length === 0) return;
  await tx.query('insert into public.access_log (tenant_id, procedure, row_ids) values ($1, $2, $3::uuid[])', [
    tenantId,
    procedure,
    rowIds,
  ]);
}
