import type { DerivedRoster } from '@brobygger/api/rosters';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import { useLocale } from '../../lib/i18n.tsx';
import { formatValue, type ValueContext } from '../grid/values.ts';
import { gridColumnsOf } from '../roster/grid-columns.ts';

/**
 * A roster's field as a person's page shows it: its label and its value as text, formatted
 * exactly as the grid shows the same cell (option labels, dd-mm-yyyy, yes/no), in the UI's
 * language. The record and the history both use it, so a value reads the same in both.
 */
export function useFieldText(roster: DerivedRoster) {
  const { t } = useTranslation();
  const locale = useLocale();
  return useMemo(() => {
    const ctx: ValueContext = { t, locale };
    // Every field a full reader sees, and the viewers' stand-ins: labels for whichever the page shows.
    const columns = new Map(
      gridColumnsOf(roster.definition, {}, Object.keys(roster.definition.fields)).map((c) => [c.field, c]),
    );
    const empty = t('people:empty');
    return {
      label: (field: string) => t(columns.get(field)?.header ?? field),
      value: (field: string, value: unknown) => {
        const column = columns.get(field);
        const text = column ? formatValue(column, value, ctx) : value == null ? '' : String(value);
        return text === '' ? empty : text;
      },
    };
  }, [roster, t, locale]);
}
