import type { Locale } from '@brobygger/i18n';
import type { TFunction } from 'i18next';
import { parseBoolean, parseDate, parseNumber } from './clipboard.ts';
import type { GridColumn, LookupOption } from './types.ts';

/**
 * One place that turns stored cell values into text and text back into stored values, used by
 * the cell renderers, the editors, paste, quick filter and CSV export alike, so that what a
 * coordinator sees, copies and exports is the same text.
 */

export type ValueContext = { t: TFunction; locale: Locale };
type Column = GridColumn<Record<string, unknown>>;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export function optionLabel(column: Column, value: unknown, { t }: ValueContext): string {
  if (typeof value !== 'string') return value == null ? '' : String(value);
  if (!column.optionLabels || !column.options?.includes(value)) return value;
  return t(`${column.optionLabels}.${value}`);
}

/** Dates as Danes write them (dd-mm-yyyy) or as the British do (dd/mm/yyyy); stored as ISO. */
export function formatIsoDate(value: string, locale: Locale): string {
  const m = ISO_DATE.exec(value);
  if (!m) return value;
  return locale === 'da' ? `${m[3]}-${m[2]}-${m[1]}` : `${m[3]}/${m[2]}/${m[1]}`;
}

/** The text of a cell. A value the schema will reject (pasted text in a date column) shows as typed. */
export function formatValue(column: Column, value: unknown, ctx: ValueContext): string {
  if (value === null || value === undefined) return '';
  switch (column.type) {
    case 'number':
      return typeof value === 'number'
        ? new Intl.NumberFormat(ctx.locale === 'da' ? 'da-DK' : 'en-GB', {
            useGrouping: false,
            maximumFractionDigits: 10,
          }).format(value)
        : String(value);
    case 'date':
      return typeof value === 'string' ? formatIsoDate(value, ctx.locale) : String(value);
    case 'select':
      return optionLabel(column, value, ctx);
    case 'multiselect':
      return Array.isArray(value) ? value.map((v) => optionLabel(column, v, ctx)).join(', ') : String(value);
    case 'checkbox':
      return typeof value === 'boolean' ? ctx.t(value ? 'grid:yes' : 'grid:no') : String(value);
    case 'lookup': {
      const option = column.lookupOptions?.find((o) => o.id === value);
      if (option) return option.label;
      // An id the caller may not resolve (a row hidden from them) says so; typed text shows as typed.
      return typeof value === 'string' && UUID.test(value) ? ctx.t('grid:lookupHidden') : String(value);
    }
    default:
      return String(value);
  }
}

/** The rows of a lookup column whose label or detail (e-mail) is `text`, ignoring case and spacing. */
export function lookupMatches(column: Column, text: string): LookupOption[] {
  const wanted = text.trim().replace(/\s+/g, ' ').toLowerCase();
  if (!wanted) return [];
  const options = column.lookupOptions ?? [];
  const byDetail = options.filter((o) => o.detail?.trim().toLowerCase() === wanted);
  if (byDetail.length) return byDetail;
  return options.filter((o) => o.label.trim().replace(/\s+/g, ' ').toLowerCase() === wanted);
}

/**
 * A cell's problem in words. Lookup cells hold the text that did not resolve, so the message
 * can name it and, when several rows share the name, the candidates to tell them apart by.
 */
export function problemText(column: Column | undefined, value: unknown, message: string, ctx: ValueContext): string {
  if (column?.type === 'lookup' && message === 'errors:lookup_unknown' && typeof value === 'string') {
    const candidates = lookupMatches(column, value);
    if (candidates.length > 1) {
      const list = candidates.map((c) => (c.detail ? `${c.label} (${c.detail})` : c.label)).join(', ');
      return ctx.t('errors:lookup_ambiguous', { value, candidates: list });
    }
    return ctx.t('errors:lookup_unknown', { value });
  }
  return ctx.t(message);
}

/** An option by its stored value or by its label in the current language, ignoring case. */
function matchOption(column: Column, text: string, ctx: ValueContext): string {
  const wanted = text.trim().toLocaleLowerCase(ctx.locale);
  for (const option of column.options ?? []) {
    if (option.toLocaleLowerCase(ctx.locale) === wanted) return option;
    if (optionLabel(column, option, ctx).toLocaleLowerCase(ctx.locale) === wanted) return option;
  }
  return text.trim();
}

/** Text typed or pasted into a cell, as the value to store. */
export const parseValue = (column: Column, text: string, ctx: ValueContext): unknown =>
  parseCellText(column, text, ctx.locale, (c, option) => matchOption(c, option, ctx));

/**
 * Text as the value to store, whoever reads it: the grid matches select options against the
 * labels of the UI's language, an import against those of every language (`matchOption`).
 */
export function parseCellText(
  column: Column,
  text: string,
  locale: Locale,
  matchOption: (column: Column, text: string) => string,
): unknown {
  switch (column.type) {
    case 'number':
      return parseNumber(text, locale);
    case 'date':
      return parseDate(text);
    case 'checkbox':
      return parseBoolean(text, column.nullable ?? false);
    case 'select':
      return text.trim() === '' ? null : matchOption(column, text);
    case 'lookup': {
      // One match resolves to its id; none or several keep the text, which the schema flags.
      if (text.trim() === '') return null;
      const matches = lookupMatches(column, text);
      return matches.length === 1 ? matches[0]!.id : text.trim();
    }
    case 'multiselect':
      return text
        .split(/[,;\n]/)
        .map((part) => part.trim())
        .filter(Boolean)
        .map((part) => matchOption(column, part));
    default:
      // Blank text is "no value"; the schema decides whether that is allowed.
      return text.trim() === '' ? null : text;
  }
}

/** Cell equality for dirty marks and no-op edits: arrays by content, undefined and null alike. */
export function valuesEqual(a: unknown, b: unknown): boolean {
  if (Array.isArray(a) && Array.isArray(b)) return a.length === b.length && a.every((v, i) => v === b[i]);
  return (a ?? null) === (b ?? null);
}
