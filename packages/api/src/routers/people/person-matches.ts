import type { Tx } from '@brobygger/db';
import type { z } from 'zod';
import type { ZPersonMatch } from './schemas.ts';

type MatchRow = z.input<typeof ZPersonMatch>;

/**
 * A person's companionship matches, newest first and ended ones last, with the participant and the
 * volunteers other than the person themself, by the names the caller may see: the directories give a viewer or a peer first names only,
 * and row-level security on matches decides which matches the caller sees at all (a peer: their own).
 */
export const personMatches = (tx: Tx, tenantId: string, kind: 'volunteers' | 'participants', personId: string) =>
  tx.query<MatchRow>(
    `select m.id, m.status::text as status, m.starts_on as "startsOn", m.planned_end_on as "plannedEndOn",
            (m.status = 'active' and m.planned_end_on < current_date) as overdue,
            (select count(*)::int from public.match_meetings mm
              where mm.tenant_id = m.tenant_id and mm.match_id = m.id) as meetings,
            p.label as participant,
            -- The match's volunteers other than the page's own person (a volunteer's fellow).
            array_remove(array[case when m.volunteer_id <> $2::uuid then v.label end,
                               case when m.co_volunteer_id <> $2::uuid then cv.label end], null) as volunteers
     from public.matches m
     -- Each directory read once for the statement, joined, not called per match.
     left join app.participant_lookup($1) p on p.id = m.participant_id
     left join app.volunteer_lookup($1) v on v.id = m.volunteer_id
     left join app.volunteer_lookup($1) cv on cv.id = m.co_volunteer_id
     where m.tenant_id = $1
       and ${kind === 'participants' ? 'm.participant_id = $2' : '$2::uuid in (m.volunteer_id, m.co_volunteer_id)'}
     order by (m.status = 'ended'), m.starts_on desc nulls first, m.id`,
    [tenantId, personId],
  );
