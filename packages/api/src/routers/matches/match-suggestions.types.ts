import { z } from 'zod';

/** A volunteer who may take on a match, and how many matches they have now. */
export const ZMatchSuggestion = z.object({
  id: z.uuid(),
  name: z.string(),
  email: z.string().nullable(),
  currentMatches: z.number().int().min(0),
});
export type MatchSuggestion = z.infer<typeof ZMatchSuggestion>;

export const ZMatchSuggestions = z.array(ZMatchSuggestion);
