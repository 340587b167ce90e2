import { expect, type Locator, type Page } from '@playwright/test';

/** Pasting into the focused cell, as from a spreadsheet: the same helper as the roster grid's tests. */
export { paste as pasteIntoMatrix } from './clipboard.ts';

/**
 * Helpers for end-to-end tests of a page that shows the matrix grid (attendance: participants x
 * sessions). Rows and columns are found by the labels a user sees: a row by its name in the
 * first column, a column by its header label (e.g. the session's date). `matrix` is the grid's
 * region, e.g. `page.getByRole('region', { name: 'Fremmøde' })`.
 */

/** The column id behind a header label; AG Grid renders cells of one column with the same `col-id`. */
async function columnIdOf(matrix: Locator, columnLabel: string): Promise<string> {
  const header = matrix.locator('.ag-header-cell').filter({
    has: matrix.page().locator('.matrix-header-label', { hasText: columnLabel }),
  });
  await expect(header, `column "${columnLabel}"`).toHaveCount(1);
  const id = await header.getAttribute('col-id');
  if (!id) throw new Error(`column "${columnLabel}" has no col-id`);
  return id;
}

/** A matrix row, by the label in its first column. */
function rowOf(matrix: Locator, rowLabel: string): Locator {
  return matrix.locator('[role="row"]').filter({
    has: matrix.page().locator('[col-id="__row"]', { hasText: new RegExp(`^\\s*${escape(rowLabel)}\\s*$`) }),
  });
}

const escape = (text: string) => text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');

/** One code cell, e.g. `matrixCell(matrix, 'Anna Jensen', '03-03')`. */
export async function matrixCell(matrix: Locator, rowLabel: string, columnLabel: string): Promise<Locator> {
  return rowOf(matrix, rowLabel).locator(`[col-id="${await columnIdOf(matrix, columnLabel)}"]`);
}

/**
 * Clicks a cell and presses keys in it, as a coordinator would: `pressInCell(page, matrix,
 * 'Anna Jensen', '03-03', 'm')` records "mødt" in Danish. A code key moves the focus down one
 * row, so several keys fill the column downwards ('mfm'); named keys (Delete, Control+d) go
 * through as one press each when given as an array.
 */
export async function pressInCell(
  page: Page,
  matrix: Locator,
  rowLabel: string,
  columnLabel: string,
  keys: string | readonly string[],
): Promise<void> {
  await (await matrixCell(matrix, rowLabel, columnLabel)).click();
  for (const key of typeof keys === 'string' ? [...keys] : keys) await page.keyboard.press(key);
}

/** What a cell shows: its code's short key ("m"), or "" when empty. */
export async function readCell(matrix: Locator, rowLabel: string, columnLabel: string): Promise<string> {
  const code = (await matrixCell(matrix, rowLabel, columnLabel)).locator('.matrix-code');
  return (await code.count()) ? (await code.innerText()).trim() : '';
}

/** A row's total on the right, e.g. "67 % (2/3)". */
export async function readRowTotal(matrix: Locator, rowLabel: string): Promise<string> {
  return normalise(await rowOf(matrix, rowLabel).locator('[col-id="__total"]').innerText());
}

/** A column's total in the pinned totals row, e.g. "2 · 67 %"; `null` reads the overall total. */
export async function readColumnTotal(matrix: Locator, columnLabel: string | null): Promise<string> {
  const id = columnLabel === null ? '__total' : await columnIdOf(matrix, columnLabel);
  return normalise(await matrix.locator(`[row-id="__totals"] [col-id="${id}"]`).innerText());
}

/** A row's share of the matrix's one shown code (attendance: no-show), e.g. "25 % (1/4)". */
export async function readRowShare(matrix: Locator, rowLabel: string): Promise<string> {
  return normalise(await rowOf(matrix, rowLabel).locator('[col-id="__share"]').innerText());
}

/** A column's share in the pinned row under the totals, e.g. "1 · 13 %"; `null` reads the overall share. */
export async function readColumnShare(matrix: Locator, columnLabel: string | null): Promise<string> {
  const id = columnLabel === null ? '__total' : await columnIdOf(matrix, columnLabel);
  return normalise(await matrix.locator(`[row-id="__share"] [col-id="${id}"]`).innerText());
}

/** Marks every empty cell of a column with a code, through the header's button: `markColumn(matrix, '03-03', 'Mødt')`. */
export async function markColumn(matrix: Locator, columnLabel: string, codeLabel: string): Promise<void> {
  const id = await columnIdOf(matrix, columnLabel);
  await matrix.locator(`.ag-header-cell[col-id="${id}"] .matrix-mark`).click();
  await matrix.getByRole('group').getByRole('button', { name: codeLabel, exact: true }).click();
}

/** Whether a cell carries the mark of an unsaved change, a bad code or a conflict. */
export async function cellMarks(
  matrix: Locator,
  rowLabel: string,
  columnLabel: string,
): Promise<{ dirty: boolean; invalid: boolean; conflict: boolean }> {
  const classes = (await (await matrixCell(matrix, rowLabel, columnLabel)).getAttribute('class')) ?? '';
  return {
    dirty: classes.includes('cell-dirty'),
    invalid: classes.includes('cell-invalid'),
    conflict: classes.includes('cell-conflict'),
  };
}

/** Non-breaking spaces (Danish "67 %") and line breaks of narrow cells, as plain spaces. */
const normalise = (text: string) => text.replace(/[\s\u00a0]+/g, ' ').trim();
