import { router } from '../../trpc.ts';
import { actOnPartnership } from './act-on-partnership.ts';
import { invitePartner } from './invite-partner.ts';
import { listPartnerships } from './list-partnerships.ts';
import { partnerCandidates } from './partner-candidates.ts';
import { partnershipHistory } from './partnership-history.ts';

export const partnershipsRouter = router({
  list: listPartnerships,
  history: partnershipHistory,
  candidates: partnerCandidates,
  invite: invitePartner,
  act: actOnPartnership,
});
