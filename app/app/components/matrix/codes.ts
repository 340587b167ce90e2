import { LOCALES, type Locale } from '@brobygger/i18n';
import type { MatrixCode } from './types.ts';

/** Looks up an i18n key in a given language (the matrix reads codes in both to understand a paste). */
export type Translate = (locale: Locale, key: string) => string;

type Counts = NonNullable<MatrixCode['countsAs']>;

const norm = (text: string, locale: Locale) => text.trim().toLocaleLowerCase(locale);

/**
 * The codes of one matrix in the UI's language: what a key press means, how a cell shows a code,
 * and how pasted text is read. Pasted text may be the stored code ("no_show", "no-show"), a short
 * key or a full label in either language; where the languages disagree ("a" is aflyst in Danish
 * and absent in English) the UI's language wins.
 */
export class CodeBook {
  private readonly byValue = new Map<string, MatrixCode>();
  /** Text -> code, the UI's language first, so its meaning of an ambiguous text is kept. */
  private readonly byText = new Map<string, string>();
  private readonly byShortKey = new Map<string, MatrixCode>();

  constructor(
    readonly codes: readonly MatrixCode[],
    readonly locale: Locale,
    private readonly translate: Translate,
  ) {
    for (const code of codes) {
      this.byValue.set(code.value, code);
      this.byShortKey.set(norm(this.short(code.value), locale), code);
    }
    const languages = [locale, ...LOCALES.filter((l) => l !== locale)];
    for (const code of codes) this.learn(code.value, code.value.replace(/_/g, '-'), code.value.replace(/_/g, ' '));
    for (const language of languages) {
      for (const code of codes) this.learn(code.value, translate(language, code.shortKey));
      for (const code of codes) this.learn(code.value, translate(language, code.labelKey));
    }
  }

  private learn(value: string, ...texts: string[]) {
    for (const text of texts) {
      const key = norm(text, this.locale);
      if (key && !this.byText.has(key)) this.byText.set(key, value);
    }
  }

  has(value: unknown): value is string {
    return typeof value === 'string' && this.byValue.has(value);
  }

  /** A cell is valid when it is empty or holds one of the codes. */
  isValid(value: unknown): boolean {
    return value == null || this.has(value);
  }

  /** The code one key press enters, in the UI's language ("m" is present in Danish), ignoring case. */
  byKey(key: string): MatrixCode | undefined {
    return [...key].length === 1 ? this.byShortKey.get(norm(key, this.locale)) : undefined;
  }

  /** Pasted text as the value to store: a code, null for blank, or the text itself for the cell to flag. */
  parse(text: string): string | null {
    const trimmed = text.trim();
    if (trimmed === '') return null;
    return this.byText.get(norm(trimmed, this.locale)) ?? trimmed;
  }

  /** What the cell shows: the code's short key ("m"); an unknown value as it was typed. */
  short(value: unknown): string {
    if (value == null) return '';
    const code = this.byValue.get(String(value));
    return code ? this.translate(this.locale, code.shortKey) : String(value);
  }

  /** The full name ("Mødt") for tooltips, screen readers and menus. */
  label(value: unknown): string {
    if (value == null) return '';
    const code = this.byValue.get(String(value));
    return code ? this.translate(this.locale, code.labelKey) : String(value);
  }

  countsAs(value: unknown): Counts | undefined {
    const code = this.has(value) ? this.byValue.get(value) : undefined;
    return code ? (code.countsAs ?? 'neutral') : undefined;
  }

  /** "m, f, a, u" – the keys, for the message on an unknown code. */
  keyList(): string {
    return this.codes.map((c) => this.short(c.value)).join(', ');
  }
}
