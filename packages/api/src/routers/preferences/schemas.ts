import { z } from 'zod';

const ZGrid = z.string().regex(/^[a-z][a-z0-9_-]{0,40}$/);

export const ZGetPreferencesInput = z.object({ grid: ZGrid });
export const ZSavePreferencesInput = z.object({ grid: ZGrid, state: z.json() });
/** The grid's own column and filter state; the server stores it without reading it. */
export const ZGridState = z.json().nullable();
export const ZPreferencesSaved = z.object({ saved: z.literal(true) });
