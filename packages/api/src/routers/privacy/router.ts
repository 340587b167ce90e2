import { router } from '../../trpc.ts';
import { eraseParticipant, eraseVolunteer } from './erase-person.ts';
import { exportParticipant, exportVolunteer } from './export-person.ts';
import { getRetention, setRetention } from './retention-settings.ts';

/** A person's data as a file, their erasure, and how long ended people are kept (decision 024). */
export const privacyRouter = router({
  exportParticipant,
  exportVolunteer,
  eraseParticipant,
  eraseVolunteer,
  retention: getRetention,
  setRetention,
});
