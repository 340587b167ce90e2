import type { Tx } from '@brobygger/db';
import type { z } from 'zod';
import type { DerivedRoster } from '../../rosters/kit/define.ts';
import type { ZHistoryEntry } from './schemas.ts';

/** The newest changes a page shows; a person's row is rarely changed more often than this. */
export const HISTORY_LIMIT = 100;

type AuditRow = {
  id: string;
  action: 'insert' | 'update' | 'delete';
  changedAt: Date;
  changedBy: string | null;
  changes: Record<string, unknown>;
};

const isChange = (v: unknown): v is { from: unknown; to: unknown } => typeof v === 'object' && v !== null && 'to' in v;

/**
 * The change history of one row of a roster from the audit trail, newest first, with each changed
 * column named by its field in the definition. Columns the definition does not show (the linked
 * account, bookkeeping) are left out: the page explains the record, not the table.
 */
export async function rowHistory(
  tx: Tx,
  tenantId: string,
  roster: DerivedRoster,
  rowId: string,
): Promise<z.input<typeof ZHistoryEntry>[]> {
  const table = roster.definition.table.replace(/^public\./, '');
  const rows = await tx.query<AuditRow>(
    `select a.id::text, a.action, a.changed_at as "changedAt", m.display_name as "changedBy", a.changes
     from public.audit_log a
     left join public.memberships m on m.tenant_id = a.tenant_id and m.user_id = a.changed_by
     where a.tenant_id = $1 and a.table_name = $2 and a.row_id = $3
     order by a.changed_at desc, a.id desc
     limit $4`,
    [tenantId, table, rowId, HISTORY_LIMIT],
  );
  return rows.map(({ changes, ...entry }) => ({
    ...entry,
    changes:
      entry.action === 'update'
        ? // In the definition's order, the order of the record above the history.
          roster.columns.flatMap(({ field, column }) => {
            const change = changes[column];
            return isChange(change) ? [{ field, from: change.from, to: change.to }] : [];
          })
        : [],
  }));
}
