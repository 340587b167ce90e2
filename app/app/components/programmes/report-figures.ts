import type { ProgrammeFigures } from '@brobygger/api/programmes';

/**
 * The report's activity columns, in order: the page's quarter table, the XLSX and the PDF all
 * list these, so the three show the same figures side by side.
 */
export const FIGURE_KEYS = [
  'sessionsHeld',
  'attendanceRate',
  'participantsReached',
  'matchesActive',
  'volunteersActive',
] as const satisfies readonly (keyof ProgrammeFigures)[];

/** A figure as text: an attendance rate with nothing to count is "–", not 0. */
export const figureText = (value: number | null) => (value == null ? '–' : String(value));
