import { CURRENT_MATCH_STATUSES } from '../../rosters/definitions/matches.ts';
import { requirePermission, tenantProcedure } from '../../trpc.ts';
import { ZMatchSuggestions, type MatchSuggestion } from './match-suggestions.types.ts';

/**
 * Matching help: the volunteers a coordinator may propose for a match, the least busy first.
 * Eligible are volunteers who are active (so not paused, applying or stopped), have signed the
 * confidentiality agreement, and have a criminal-record check on file that was OK. Busy is the
 * number of their proposed, active and paused matches, as volunteer or co-volunteer. Read under
 * RLS: only those who may propose matches read volunteers' agreements and checks.
 */
export const matchSuggestions = tenantProcedure.output(ZMatchSuggestions).query(({ ctx }) => {
  requirePermission(ctx.tenant, 'roster.edit');
  return ctx.db.tx((tx) =>
    tx.query<MatchSuggestion>(
      `select v.id, v.name, v.email, count(x.id)::int as "currentMatches"
       from public.volunteers v
       left join public.matches x
         on x.tenant_id = v.tenant_id and v.id in (x.volunteer_id, x.co_volunteer_id)
        and x.status = any($2::public.match_status[])
       where v.tenant_id = $1
         and v.status = 'active'
         and v.confidentiality_signed_on is not null
         and v.record_check_on is not null and v.record_check_ok
       group by v.tenant_id, v.id
       order by count(x.id), v.name collate "da-DK-x-icu", v.id`,
      [ctx.tenant.id, CURRENT_MATCH_STATUSES],
    ),
  );
});
