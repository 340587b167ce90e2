import type { Tx } from '@brobygger/db';

/**
 * Writes one access-log entry (app.log_access): the caller, as the database knows them, read the records of
 * these participants through `procedure`. One row per request whatever the number of ids, in the
 * request's own transaction: a read that cannot be logged is not served either.
 */
export async function logAccess(tx: Tx, tenantId: string, procedure: string, ids: Iterable<string>): Promise<void> {
  const rowIds = [...new Set(ids)];
  if (rowIds.length === 0) return;
  await tx.query('select app.log_access($1, $2, $3::uuid[])', [tenantId, procedure, rowIds]);
}
