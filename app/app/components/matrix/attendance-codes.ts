import type { MatrixCode } from './types.ts';

/**
 * The attendance codes, for the attendance page to hand to the matrix. Their labels and one-key
 * shortcuts live in the `matrix` catalogue, so they follow the UI's language (da: m, f, a, u;
 * en: p, a, c, n). A cancelled session counts neither for nor against a participant.
 */
export const ATTENDANCE_CODES: readonly MatrixCode[] = [
  {
    value: 'present',
    labelKey: 'matrix:attendance.codes.present',
    shortKey: 'matrix:attendance.keys.present',
    countsAs: 'positive',
  },
  {
    value: 'absent',
    labelKey: 'matrix:attendance.codes.absent',
    shortKey: 'matrix:attendance.keys.absent',
    countsAs: 'negative',
  },
  {
    value: 'cancelled',
    labelKey: 'matrix:attendance.codes.cancelled',
    shortKey: 'matrix:attendance.keys.cancelled',
    countsAs: 'neutral',
  },
  {
    value: 'no_show',
    labelKey: 'matrix:attendance.codes.no_show',
    shortKey: 'matrix:attendance.keys.no_show',
    countsAs: 'negative',
  },
];
