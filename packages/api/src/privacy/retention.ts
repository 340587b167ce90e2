import { withPrivilegedTx } from '@brobygger/db';
import { erasePerson, type PersonKind } from './erase.ts';

export type RetentionLog = (level: 'info' | 'error', message: string, fields?: Record<string, unknown>) => void;
export type RetentionResult = { tenantId: string; participants: number; volunteers: number };

const isoDate = (day: Date) => day.toISOString().slice(0, 10);

/**
 * One run of the retention job (decision 024): in every workspace that has set how long people
 * are kept, erases the ended participants and stopped volunteers `app.due_for_erasure` names,
 * through the same erasure as a request, and records the run with its counts. The privileged
 * path, because no member is asking; one transaction per workspace, so a failure in one
 * workspace leaves the others' runs (and its own people) as they were.
 */
export async function runRetention(log: RetentionLog, today: Date = new Date()): Promise<RetentionResult[]> {
  const workspaces = await withPrivilegedTx('job', (tx) =>
    tx.query<{ id: string; slug: string }>(
      'select id, slug from public.tenants where retention_months is not null order by slug',
    ),
  );
  const results: RetentionResult[] = [];
  for (const workspace of workspaces) {
    try {
      const result = await withPrivilegedTx('job', async (tx) => {
        const due = await tx.query<{ kind: PersonKind; id: string }>(
          'select kind, id from app.due_for_erasure($1, $2::date)',
          [workspace.id, isoDate(today)],
        );
        for (const person of due) await erasePerson(tx, workspace.id, person.kind, person.id);
        const counts = {
          tenantId: workspace.id,
          participants: due.filter((p) => p.kind === 'participant').length,
          volunteers: due.filter((p) => p.kind === 'volunteer').length,
        };
        await tx.query(
          `insert into public.retention_runs (tenant_id, retention_months, participants_erased, volunteers_erased)
           select id, retention_months, $2, $3 from public.tenants where id = $1`,
          [workspace.id, counts.participants, counts.volunteers],
        );
        return counts;
      });
      log('info', 'retention run', { workspace: workspace.slug, ...result });
      results.push(result);
    } catch (error) {
      log('error', 'retention run failed', { workspace: workspace.slug, err: error });
    }
  }
  return results;
}
