import { withPrivilegedTx } from '@brobygger/db';

export type DeletionLog = (level: 'info' | 'error', message: string, fields?: Record<string, unknown>) => void;

/**
 * One run of the `closed-workspaces` job (decision 028): every workspace its owner closed more than
 * the waiting period ago (`delete_after` has passed, app.closed_retention_days) is deleted for good,
 * with everything in it (the foreign keys cascade). The privileged path, because no member is
 * asking; one transaction per workspace, so one that fails leaves the others deleted.
 */
export async function deleteClosedWorkspaces(log: DeletionLog, now: Date = new Date()): Promise<string[]> {
  const due = await withPrivilegedTx('job', (tx) =>
    tx.query<{ id: string; slug: string }>(
      'select id, slug from public.tenants where delete_after is not null and delete_after <= $1 order by delete_after',
      [now],
    ),
  );
  const deleted: string[] = [];
  for (const workspace of due) {
    try {
      // Reopened since the list was read: `delete_after` is null again and nothing is deleted.
      const gone = await withPrivilegedTx('job', (tx) =>
        tx.one<{ slug: string }>('delete from public.tenants where id = $1 and delete_after <= $2 returning slug', [
          workspace.id,
          now,
        ]),
      );
      if (gone) {
        deleted.push(gone.slug);
        log('info', 'closed workspace deleted', { workspace: gone.slug });
      }
    } catch (error) {
      log('error', 'closed workspace could not be deleted', { workspace: workspace.slug, err: error });
    }
  }
  return deleted;
}
