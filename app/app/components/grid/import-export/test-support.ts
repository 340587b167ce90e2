import { participantsRoster, volunteersRoster } from '@brobygger/api/rosters';
import { translate } from '@brobygger/i18n';
import { gridColumnsOf } from '../../roster/grid-columns.ts';
import type { ImportContext, Column } from './mapping.ts';

/** The roster pages' columns, derived from the roster definitions exactly as the pages derive them. */
export const volunteerColumns: Column[] = gridColumnsOf(volunteersRoster);
export const participantColumns: Column[] = gridColumnsOf(participantsRoster);

/** One column by field, so a test names what it is about rather than a position. */
export const columnOf = (columns: readonly Column[], field: string): Column => {
  const column = columns.find((c) => c.field === field);
  if (!column) throw new Error(`no column ${field}`);
  return column;
};

export const importContext = (locale: 'da' | 'en' = 'da'): ImportContext => ({
  locale,
  t: { da: translate('da'), en: translate('en') },
});

/** Predictable ids for new rows, so tests can name them. */
export function sequentialIds(prefix = '00000000-0000-4000-8000-'): () => string {
  let n = 0;
  return () => `${prefix}${String(++n).padStart(12, '0')}`;
}
