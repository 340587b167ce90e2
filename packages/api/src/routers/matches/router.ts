import { ROSTERS } from '../../rosters/registry.ts';
import type { MatchMeetingRow, MatchRow } from '../../rosters/definitions/matches.ts';
import { router } from '../../trpc.ts';
import { rosterProcedures } from '../roster-procedures.ts';
import { matchSuggestions } from './match-suggestions.ts';

/** The matches roster with its matching help, and each match's meeting log. */
export const matchesRouters = {
  matches: router({
    ...rosterProcedures<MatchRow>(ROSTERS.matches)._def.procedures,
    suggestions: matchSuggestions,
  }),
  matchMeetings: rosterProcedures<MatchMeetingRow>(ROSTERS.matchMeetings),
};
