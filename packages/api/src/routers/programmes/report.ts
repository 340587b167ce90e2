import type { Tx } from '@brobygger/db';
import { quartersOf, type ReportLanguage } from '../../programmes/index.ts';
import { fail } from '../../errors.ts';
import { figures, getProgramme, goalProgress, listPartners } from './repository.ts';
import type { FunderReport } from './schemas.ts';

/**
 * Everything a funder report holds, for one programme, period and language: the header, the goals
 * with their progress, activity per quarter, the totals, and the coordinator's narrative. Counts
 * only; no participant or volunteer is named.
 *
 * The narrative is the one stored for this period and language; when there is none yet, the
 * latest one written for the programme in that language is offered as the starting point (with
 * no version: saving it creates the row for this period).
 */
export async function buildReport(
  tx: Tx,
  tenantId: string,
  input: { id: string; from?: string; to?: string; language: ReportLanguage },
): Promise<FunderReport> {
  const programme = await getProgramme(tx, tenantId, input.id);
  const from = input.from ?? programme.startsOn;
  const to = input.to ?? programme.endsOn;
  if (from > to) fail('programme_ends_before_start');
  const quarters = [];
  for (const q of quartersOf(from, to)) quarters.push({ ...q, figures: await figures(tx, programme.id, q.from, q.to) });
  const narrative = await tx.one<{ text: string; version: number | null }>(
    `select narrative as text, case when period_from = $3 and period_to = $4 then version end as version
     from public.programme_reports where tenant_id = $1 and programme_id = $2 and language = $5
     order by (period_from = $3 and period_to = $4) desc, updated_at desc limit 1`,
    [tenantId, programme.id, from, to, input.language],
  );
  return {
    programme,
    partners: (await listPartners(tx, tenantId, programme.id)).map((p) => p.name),
    period: { from, to },
    language: input.language,
    goals: await goalProgress(tx, programme.id),
    quarters,
    total: await figures(tx, programme.id, from, to),
    narrative: narrative ?? { text: '', version: null },
  };
}

/** Stores the narrative for a period and language; `version` null creates it. */
export async function saveNarrative(
  tx: Tx,
  tenantId: string,
  input: { id: string; from: string; to: string; language: ReportLanguage; text: string; version: number | null },
) {
  await getProgramme(tx, tenantId, input.id);
  if (input.from > input.to) fail('programme_ends_before_start');
  if (input.version == null) {
    const rows = await tx.query<{ version: number }>(
      `insert into public.programme_reports (tenant_id, programme_id, period_from, period_to, language, narrative)
       values ($1, $2, $3, $4, $5, $6) on conflict (tenant_id, programme_id, period_from, period_to, language) do nothing
       returning version`,
      [tenantId, input.id, input.from, input.to, input.language, input.text],
    );
    // Someone else wrote the first narrative for this period meanwhile.
    return rows[0] ?? fail('stale_version');
  }
  const rows = await tx.query<{ version: number }>(
    `update public.programme_reports set narrative = $7
     where tenant_id = $1 and programme_id = $2 and period_from = $3 and period_to = $4 and language = $5 and version = $6
     returning version`,
    [tenantId, input.id, input.from, input.to, input.language, input.version, input.text],
  );
  return rows[0] ?? fail('stale_version');
}
