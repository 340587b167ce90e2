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
