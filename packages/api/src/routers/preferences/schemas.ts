import { z } from 'zod';

import { ZGridId as ZGrid } from './grid-ids.ts';

export const ZGetPreferencesInput = z.object({ grid: ZGrid });
export const ZSavePreferencesInput = z.object({ grid: ZGrid, state: z.json() });
/** The grid's own column and filter state; the server stores it without reading it. */
export const ZGridState = z.json().nullable();
export const ZPreferencesSaved = z.object({ saved: z.literal(true) });
