import { router } from '../../trpc.ts';
import { getPreferences } from './get-preferences.ts';
import { savePreferences } from './save-preferences.ts';

/** Each member's own grid layout and filters, per workspace and grid. */
export const preferencesRouter = router({ get: getPreferences, save: savePreferences });
