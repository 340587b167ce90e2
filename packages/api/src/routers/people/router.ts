import { router } from '../../trpc.ts';
import { getParticipant, getVolunteer } from './get-person.ts';

/** A page per person: `people.volunteer` and `people.participant` (decision 022). */
export const peopleRouter = router({
  volunteer: getVolunteer,
  participant: getParticipant,
});
