import type { Locale } from '@brobygger/i18n';
import type { IDateComp, IDateParams } from 'ag-grid-community';
import { parseDate } from './clipboard.ts';
import { formatIsoDate } from './values.ts';

/**
 * The date a filter box holds: text in the UI's format (dd-mm-yyyy, dd/mm/yyyy, dd.mm.yyyy, or
 * ISO) as a local midnight, the way AG Grid's date filter compares; null while the text is not
 * yet a whole, real date, so a half-typed date does not filter anything.
 */
export function parseFilterDate(text: string): Date | null {
  const iso = parseDate(text);
  if (iso === null || !/^\d{4}-\d{2}-\d{2}$/.test(iso)) return null;
  const [y, m, d] = iso.split('-').map(Number) as [number, number, number];
  const date = new Date(y, m - 1, d);
  // Years before 100 would be read as 19xx by the Date constructor.
  date.setFullYear(y);
  return date;
}

/** A filter date as the filter box shows it: the same text the cells show. */
export function formatFilterDate(date: Date | null, locale: Locale): string {
  if (!date) return '';
  const pad = (n: number, width = 2) => String(n).padStart(width, '0');
  return formatIsoDate(`${pad(date.getFullYear(), 4)}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}`, locale);
}

export type TextDateInputParams = IDateParams & {
  locale: Locale;
  /** The format as the user should type it ("dd-mm-åååå"), shown until they type. */
  placeholder: string;
};

/**
 * The input of AG Grid's date filters (the floating filter and the filter popup): a plain text
 * box read in the UI's format. AG Grid's own input is the browser's date field, which follows
 * the operating system's locale (mm/dd/yyyy on an English Windows under a Danish UI) and is too
 * narrow for a roster column.
 */
export class TextDateInput implements IDateComp {
  private readonly gui = document.createElement('div');
  private readonly input = document.createElement('input');
  private params!: TextDateInputParams;

  init(params: TextDateInputParams) {
    this.params = params;
    this.gui.className = 'ag-input-wrapper ag-text-field-input-wrapper grid-date-filter';
    this.gui.setAttribute('role', 'presentation');
    this.input.type = 'text';
    this.input.className = 'ag-input-field-input ag-text-field-input';
    this.input.autocomplete = 'off';
    this.input.placeholder = params.placeholder;
    this.input.addEventListener('input', this.onInput);
    this.gui.appendChild(this.input);
  }

  getGui() {
    return this.gui;
  }

  private readonly onInput = () => {
    if (this.input.value.trim() === '') this.params.onDateCleared?.();
    else this.params.onDateChanged();
  };

  getDate(): Date | null {
    return parseFilterDate(this.input.value);
  }

  setDate(date: Date | null) {
    // AG Grid hands back the date it just read from us; rewriting the box then would replace a
    // half-typed date ("1-3-20") with nothing, or "1-3-2024" with "01-03-2024" under the cursor.
    if ((this.getDate()?.getTime() ?? null) === (date?.getTime() ?? null)) return;
    this.input.value = formatFilterDate(date, this.params.locale);
  }

  setInputPlaceholder() {
    // AG Grid offers its ISO placeholder; ours, in the UI's format, was set in init.
  }

  setInputAriaLabel(label: string) {
    this.input.setAttribute('aria-label', label);
  }

  setDisabled(disabled: boolean) {
    this.input.disabled = disabled;
  }

  afterGuiAttached(params?: { suppressFocus?: boolean }) {
    if (!params?.suppressFocus) this.input.focus({ preventScroll: true });
  }

  destroy() {
    this.input.removeEventListener('input', this.onInput);
  }
}
