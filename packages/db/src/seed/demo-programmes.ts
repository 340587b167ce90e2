import type { Tx } from '../tx.ts';

/**
 * Frederiksberg's programme as its 2026 application to Region Hovedstaden describes it (seed 004):
 * "Sammen om recovery og peer-støtte på Frederiksberg", 415,686 DKK applied for out of 853,986 DKK
 * in total, 2026-2027, with the partners the application names and its three sub-goals. The demo
 * courses and matches of Frederiksberg run in that period, so they belong to it; the progress
 * the pages show is computed from their records.
 */
export async function seedDemoProgrammes(tx: Tx, tenantIds: Map<string, string>): Promise<void> {
  const frederiksberg = tenantIds.get('frederiksberg')!;
  const programme = await tx.one<{ id: string }>(
    `insert into public.programmes (tenant_id, name, funder_kind, funder_name, funder_tenant_id, grant_amount, total_budget, starts_on, ends_on)
     values ($1, 'Sammen om recovery og peer-støtte på Frederiksberg', 'regional_pool',
             'Region Hovedstaden, Social- og Psykiatriudvalgets pulje', $2, 415686, 853986, date '2026-01-01', date '2027-12-31')
     returning id`,
    [frederiksberg, tenantIds.get('region-hovedstaden')],
  );
  const id = programme!.id;
  await tx.query(
    `insert into public.programme_partners (tenant_id, programme_id, name, partner_tenant_id)
     values ($1, $2, 'Psykiatrisk Ambulatorium Frederiksberg og Vanløse', null),
            ($1, $2, 'Recovery Lab', $3)`,
    [frederiksberg, id, tenantIds.get('recovery-lab')],
  );
  await tx.query(
    `insert into public.programme_goals (tenant_id, programme_id, metric, target_min, target_max, due_on, label)
     values ($1, $2, 'volunteers_active', 6, 8, date '2026-03-31', 'Frivillige klædt på fra projektets start'),
            ($1, $2, 'participants_reached', 40, 50, date '2027-12-31', 'Borgere/patienter, der får gavn af peer-støtten'),
            ($1, $2, 'volunteers_peer_educated', 10, 15, date '2027-12-31', 'Tager en peer-uddannelse gennem projektet')`,
    [frederiksberg, id],
  );
  await tx.query('update public.courses set programme_id = $2 where tenant_id = $1', [frederiksberg, id]);
  await tx.query('update public.matches set programme_id = $2 where tenant_id = $1', [frederiksberg, id]);
}
