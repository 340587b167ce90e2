/**
 * What the programme pages and the funder report share with the API, browser-safe: the fixed
 * lists, quarters, and how a target and an amount read.
 */
export { quartersOf, quarterLabel, type Quarter } from './quarters.ts';

export const FUNDER_KINDS = ['regional_pool', 'foundation', 'state', 'own_budget'] as const;
export type FunderKind = (typeof FUNDER_KINDS)[number];

export const PROGRAMME_METRICS = [
  'volunteers_active',
  'volunteers_peer_educated',
  'participants_reached',
  'sessions_held',
  'attendance_rate',
  'matches_active',
  'matches_completed',
] as const;
export type ProgrammeMetric = (typeof PROGRAMME_METRICS)[number];

export const REPORT_LANGUAGES = ['da', 'en'] as const;
export type ReportLanguage = (typeof REPORT_LANGUAGES)[number];

/** "40–50", or "40" for a single number. */
export const formatTarget = (min: number, max: number | null) =>
  max == null || max === min ? `${min}` : `${min}–${max}`;

/**
 * A goal's progress towards its target, 0..1, for a bar: against the low end of a range, as the
 * low end is what the funder was promised.
 */
export const progressShare = (value: number | null, min: number) =>
  value == null ? 0 : min <= 0 ? 1 : Math.min(1, Math.max(0, value / min));

/** "415.686 kr." in Danish, "DKK 415,686" in English: whole kroner, as in the applications. */
export function formatDkk(amount: number, language: ReportLanguage): string {
  const digits = new Intl.NumberFormat(language === 'da' ? 'da-DK' : 'en-GB', { maximumFractionDigits: 0 }).format(
    amount,
  );
  return language === 'da' ? `${digits} kr.` : `DKK ${digits}`;
}

/** The figures of a programme over one period, as app.programme_figures computes them. */
export type ProgrammeFigures = {
  sessionsHeld: number;
  attendanceRate: number | null;
  participantsReached: number;
  matchesActive: number;
  matchesCompleted: number;
  volunteersActive: number;
  volunteersPeerEducated: number;
};
