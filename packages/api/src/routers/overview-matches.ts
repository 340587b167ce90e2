import { grantOf } from '../permissions.ts';
import type { OverviewQuery } from './overview-section.ts';

/**
 * Companionship on the overview: matches active now, and those of them past their planned end
 * (six months after the start unless set otherwise), which a coordinator should look at. Every
 * reader of matches is shown it; row-level security leaves a peer their own matches only.
 */
export const matchFigures: OverviewQuery = {
  key: 'matches',
  shownTo: (role) => grantOf(role, 'matches.read') !== false,
  sql: () => `(
    select json_build_object(
      'active', count(*) filter (where x.status = 'active'),
      'pastPlannedEnd', count(*) filter (where x.status = 'active' and x.planned_end_on < $4::date))
    from public.matches x where x.tenant_id = $1)`,
};
