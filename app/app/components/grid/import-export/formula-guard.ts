/**
 * Characters with which a spreadsheet cell starts a formula (or, after a tab or carriage
 * return, may still be read as one). A note such as `=HYPERLINK(...)` in an exported CSV would
 * otherwise run when the file is opened in Excel or LibreOffice (OWASP "CSV injection").
 */
const FORMULA_START = new Set(['=', '+', '-', '@', '\t', '\r']);

/** The text with a leading `'` when it would start a formula, so spreadsheets show it as text. */
export function neutraliseFormula(text: string): string {
  return FORMULA_START.has(text.charAt(0)) ? `'${text}` : text;
}

/**
 * The inverse, for importing a file we exported: a `'` followed by a formula character is our
 * guard, and the text behind it is what was typed. (The importer never writes formulas, so
 * removing it opens nothing.)
 */
export function restoreFormulaText(text: string): string {
  return text.startsWith("'") && FORMULA_START.has(text.charAt(1)) ? text.slice(1) : text;
}
