import { createI18n, type Locale } from '@brobygger/i18n';
import { ATTENDANCE_CODES } from './attendance-codes.ts';
import { CodeBook, type Translate } from './codes.ts';
import type { MatrixColumnHeader, MatrixRecord, MatrixRowHeader } from './types.ts';

/** Shared fixtures of the matrix unit tests: the real catalogues, a small course. */

const i18n = createI18n('da');
export const translate: Translate = (locale, key) => i18n.getFixedT(locale)(key);
export const bookFor = (locale: Locale) => new CodeBook(ATTENDANCE_CODES, locale, translate);

export const ROWS: MatrixRowHeader[] = [
  { id: 'anna', label: 'Anna' },
  { id: 'bo', label: 'Bo' },
  { id: 'carl', label: 'Carl', readOnly: true },
  { id: 'dorte', label: 'Dorte' },
];

export const COLUMNS: MatrixColumnHeader[] = [
  { id: 's1', label: '03-03', sublabel: '10:00' },
  { id: 's2', label: '10-03', sublabel: '10:00' },
  { id: 's3', label: '17-03', readOnly: true },
  { id: 's4', label: '24-03' },
];

export const record = (id: string, rowId: string, columnId: string, value: string, version = 1): MatrixRecord => ({
  id,
  version,
  rowId,
  columnId,
  value,
});

/** Ids the "browser" hands out, predictable in tests. */
export function idSource() {
  let n = 0;
  return () => `new-${++n}`;
}
